import { z } from 'zod';

/**
 * What a field measures. `number` is a plain quantity with no known unit (an inferred key with a
 * numeric value and no telling tokens); every other value names a checkable kind.
 */
export const DimensionSchema = z.enum([
  'address', 'port', 'protocol', 'packets', 'bytes', 'flows', 'bits/s', 'bytes/s', 'packets/s', 'duration', 'time',
  'tcp-flags', 'ttl', 'icmp-type', 'icmp-code', 'l7-protocol', 'dns', 'http', 'tls', 'text', 'count', 'id', 'ratio',
  'mac', 'asn', 'interface', 'label', 'number',
]);
export type Dimension = z.infer<typeof DimensionSchema>;

/**
 * Which endpoint a field belongs to; for a directional quantity, the endpoint that sent it. `client`
 * and `server` are the roles of a connection: the client is the endpoint that opened it (ECS client.*,
 * Zeek's originator, EVE's to-server side), where `source` is only the sender of a record's packets.
 */
export const RoleSchema = z.enum(['source', 'destination', 'client', 'server', 'either']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Unit strings. The first group is what FeatureTable rows already use (check/facts/dimension.ts
 * dimensionOfUnit reads them); '' is for text and unitless values.
 */
export const UnitSchema = z.enum([
  'bytes', 'packets', 'ms', 's', 'bytes/s', 'bits/s', 'packets/s', 'flows', 'hops', 'epoch ms', 'bitmask', 'nDPI id',
  'id', 'type', 'code', 'type·256+code',
  'µs', 'ns', 'epoch s', 'epoch µs', 'epoch ns', 'iso8601', 'hex bitmask', 'flag letters', 'flag chars', 'addr:port', '',
]);
export type Unit = z.infer<typeof UnitSchema>;

export const FamilySchema = z.enum(['nprobe', 'ipfix', 'zeek', 'suricata-eve', 'ecs', 'cicflowmeter', 'goflow2', 'snort', 'fortinet', 'nfdump', 'panos']);
export type Family = z.infer<typeof FamilySchema>;

const EntrySchema = z.strictObject({
  /** The field name exactly as the format spells it (dotted for nested JSON). */
  name: z.string().min(1),
  /** Other spellings of the same field in the same family (CICFlowMeter's two header styles, NetFlow v9 names of an IPFIX IE). */
  aliases: z.array(z.string().min(1)).optional(),
  dimension: DimensionSchema,
  role: RoleSchema,
  unit: UnitSchema,
  description: z.string().regex(/^[^\n]+$/, 'one line'),
  /** Key into the file's `sources`; the file's `default_source` when absent. */
  source: z.string().optional(),
  /** IANA information element id (IPFIX) or NetFlow v9 field type, cited with the source. */
  ie: z.number().int().nonnegative().optional(),
  /** Values the format writes for "not measured" (CICFlowMeter's -1 window), which are not out of range. */
  unset: z.array(z.union([z.number(), z.string()])).optional(),
  /** How a text value is encoded (EVE's payload and Snort's b64_data are base64): read decoded. */
  encoding: z.literal('base64').optional(),
  /** An address or port that is not one of the flow's own ends: after NAT (PAN-OS natsrc, FortiGate transip), where its name does not say so. */
  relay: z.literal(true).optional(),
});
export type FamilyEntry = z.infer<typeof EntrySchema>;

export const FamilyFileSchema = z.strictObject({
  family: FamilySchema,
  description: z.string().min(1),
  /** Citation per key: registry, RFC and section, vendor URL, or repository + path + commit. */
  sources: z.record(z.string(), z.string().min(1)),
  default_source: z.string(),
  entries: z.array(EntrySchema).min(1),
});
export type FamilyFile = z.infer<typeof FamilyFileSchema>;

/** What a field name (or a flattened JSON path) means. */
export interface FieldSemantics {
  /** The entry's name as its format spells it; for an inferred key, the key without array indices. */
  readonly name: string;
  readonly family: Family | 'inferred';
  readonly dimension: Dimension;
  readonly role: Role;
  readonly unit: Unit;
  readonly description: string;
  /** The citation of the entry; for an inferred key, the rule that gave the dimension. */
  readonly source: string;
  readonly inferred: boolean;
  /** Values the format writes for "not measured"; checkRange accepts them. */
  readonly unset?: readonly (number | string)[];
  /** How a text value is encoded, when it is: read decoded. */
  readonly encoding?: 'base64';
  /** Not one of the flow's own ends (a translated address or port). */
  readonly relay?: true;
}
