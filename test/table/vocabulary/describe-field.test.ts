import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeField, isKnownField } from '../../../src/table/vocabulary/index.ts';
import { REAL, realPresent } from './support.ts';

if (!realPresent) console.warn(`vocabulary real-header tests skipped: ${REAL} is absent (set FLOWLENS_REAL_DATA)`);

/** The first 8 KiB of a real file: enough for its header without reading megabytes. */
function headOf(file: string): string {
  const fd = openSync(join(REAL, file), 'r');
  const buffer = Buffer.alloc(8192);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, read).toString('utf8');
}

const headerOf = (file: string): string[] => headOf(file).split('\n', 1)[0]!.trim().split(',');

/** The #fields line of the IoT-23 log; its last field joins three names with three spaces. */
const zeekFields = (): string[] => headOf('iot23-zeek-ctu34-1/conn.log.labeled').split('\n').find((l) => l.startsWith('#fields'))!.split(/\t| {3}/).slice(1);

describe.skipIf(!realPresent)('every column of the real flow files is a known field', () => {
  it.each([['nf-v3-cse-cic-ids2018-batches/flows_labeled.csv'], ['nf-v2-bot-iot/nf-bot-iot-v2_subset.csv']])('%s', (file) => {
    const header = headerOf(file);
    expect(header.length).toBeGreaterThan(15);
    expect(header.filter((name) => describeField(name).inferred)).toEqual([]);
    expect(new Set(header.map((name) => describeField(name).family))).toEqual(new Set(['nprobe']));
  });

  it('IoT-23 conn.log: every Zeek column, labels included', () => {
    const fields = zeekFields();
    expect(fields).toHaveLength(23);
    expect(fields.filter((name) => describeField(name).family !== 'zeek')).toEqual([]);
  });

  it.each([['suricata-eve-internet-sensor'], ['suricata-eve-zeus-lab']])('%s eve.json: every key but the engine stats', (folder) => {
    const unknown = new Set<string>();
    for (const line of readFileSync(join(REAL, folder, 'eve.json'), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      for (const [path, value] of flatten(JSON.parse(line))) if (!path.startsWith('stats.') && describeField(path, value).inferred) unknown.add(path);
    }
    expect([...unknown]).toEqual([]);
  });

  it('marks the ground-truth columns as labels', () => {
    expect(headerOf('nf-v3-cse-cic-ids2018-batches/flows_labeled.csv').filter((n) => describeField(n).dimension === 'label')).toEqual(['batch', 'Label', 'Attack']);
  });
});

describe('nProbe semantics', () => {
  it.each([
    ['IN_BYTES', 'bytes', 'source', 'bytes'],
    ['OUT_PKTS', 'packets', 'destination', 'packets'],
    ['IPV4_SRC_ADDR', 'address', 'source', ''],
    ['L4_DST_PORT', 'port', 'destination', ''],
    ['SRC_TO_DST_AVG_THROUGHPUT', 'bits/s', 'source', 'bits/s'],
    ['DST_TO_SRC_SECOND_BYTES', 'bytes/s', 'destination', 'bytes/s'],
    ['ICMP_TYPE', 'icmp-type', 'either', 'type·256+code'],
    ['L7_PROTO', 'l7-protocol', 'either', 'nDPI id'],
    ['CLIENT_TCP_FLAGS', 'tcp-flags', 'client', 'bitmask'],
    ['FLOW_START_MILLISECONDS', 'time', 'either', 'epoch ms'],
    ['Attack', 'label', 'either', ''],
  ])('%s is %s of the %s in %s', (name, dimension, role, unit) => {
    expect(describeField(name)).toMatchObject({ name, family: 'nprobe', dimension, role, unit, inferred: false });
    expect(describeField(name).source).toMatch(/ntop|arXiv|RFC|LLM_NIDS/);
  });
});

describe('lookup order', () => {
  it.each([
    ['in_bytes', 'IN_BYTES'],
    ['Ipv4_Dst_Addr', 'IPV4_DST_ADDR'],
    ['attack', 'Attack'],
    ['FLOW DURATION', 'Flow Duration'],
  ])('%s is found in another case as %s', (key, name) => {
    expect(describeField(key)).toMatchObject({ name, inferred: false });
  });

  it.each([
    ['flow.IN_BYTES', 'IN_BYTES'],
    ['record.features.L4_SRC_PORT', 'L4_SRC_PORT'],
    ['flows[3].IPV4_DST_ADDR', 'IPV4_DST_ADDR'],
    ['rows[0].l7_proto', 'L7_PROTO'],
  ])('the dotted path %s ends in the field %s', (path, name) => {
    expect(describeField(path)).toMatchObject({ name, inferred: false });
    expect(isKnownField(path)).toBe(true);
  });

  it('infers a key no family spells, and memoises both kinds', () => {
    expect(isKnownField('attacker_ip')).toBe(false);
    expect(describeField('attacker_ip', '10.0.0.1')).toBe(describeField('attacker_ip', '10.0.0.2'));
    expect(describeField('IN_BYTES')).toBe(describeField('IN_BYTES', 5));
  });
});

describe('ECS and EVE paths as the real soc-llm-triage alert inputs have them', () => {
  it.each([
    ['@timestamp', 'ecs', '@timestamp', 'time', 'either', 'iso8601'],
    ['source.ip', 'ecs', 'source.ip', 'address', 'source', ''],
    ['destination.port', 'ecs', 'destination.port', 'port', 'destination', ''],
    ['host.ip[2]', 'ecs', 'host.ip', 'address', 'either', ''],
    ['network.transport', 'ecs', 'network.transport', 'protocol', 'either', ''],
    ['network.bytes', 'ecs', 'network.bytes', 'bytes', 'either', 'bytes'],
    ['rule.name', 'ecs', 'rule.name', 'text', 'either', ''],
    ['suricata.flow.dest_port', 'suricata-eve', 'flow.dest_port', 'port', 'destination', ''],
    ['suricata.flow.src_ip', 'suricata-eve', 'flow.src_ip', 'address', 'source', ''],
    ['suricata.flow.bytes_toserver', 'suricata-eve', 'flow.bytes_toserver', 'bytes', 'client', 'bytes'],
    ['suricata.flow.pkts_toclient', 'suricata-eve', 'flow.pkts_toclient', 'packets', 'server', 'packets'],
    ['suricata.flow.start', 'suricata-eve', 'flow.start', 'time', 'either', 'iso8601'],
    ['suricata.http.http_user_agent', 'suricata-eve', 'http.http_user_agent', 'http', 'client', ''],
    ['suricata.http.status', 'suricata-eve', 'http.status', 'http', 'server', 'code'],
    ['suricata.flow_id', 'suricata-eve', 'flow_id', 'id', 'either', 'id'],
    ['suricata.timestamp', 'suricata-eve', 'timestamp', 'time', 'either', 'iso8601'],
    ['suricata.alert.severity', 'suricata-eve', 'alert.severity', 'number', 'either', ''],
  ])('%s → %s %s', (path, family, name, dimension, role, unit) => {
    expect(describeField(path)).toMatchObject({ family, name, dimension, role, unit, inferred: false });
  });

  it.skipIf(!realPresent)('every path of the six inputs resolves; only fields no schema defines are inferred', () => {
    const dir = join(REAL, 'llm-explanations/soc-llm-triage-suricata/inputs');
    const inferred = new Set<string>();
    let paths = 0;
    for (const file of readdirSync(dir)) {
      for (const [path, value] of flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')))) {
        paths++;
        const sem = describeField(path, value);
        if (sem.inferred) inferred.add(sem.name);
      }
    }
    expect(paths).toBeGreaterThan(300);
    expect([...inferred].sort()).toEqual([
      'event.severity_tags', 'host.os.codename', 'payload_decoded', 'suricata.alert.metadata.confidence',
      'suricata.alert.metadata.created_at', 'suricata.alert.metadata.performance_impact', 'suricata.alert.metadata.reviewed_at',
      'suricata.alert.metadata.signature_severity', 'suricata.alert.metadata.updated_at', 'suricata.payload_base64', 'suricata.payload_text',
    ]);
  });
});

describe('the other families', () => {
  it.each([
    ['id.orig_h', 'zeek', 'address', 'client', ''],
    ['id.resp_p', 'zeek', 'port', 'server', ''],
    ['duration', 'zeek', 'duration', 'either', 's'],
    ['history', 'zeek', 'tcp-flags', 'either', 'flag letters'],
    ['detailed-label', 'zeek', 'label', 'either', ''],
    ['octetDeltaCount', 'ipfix', 'bytes', 'source', 'bytes'],
    ['sourceIPv6Address', 'ipfix', 'address', 'source', ''],
    ['flowStartMilliseconds', 'ipfix', 'time', 'either', 'epoch ms'],
    ['IPV4_NEXT_HOP', 'ipfix', 'address', 'either', ''],
    ['Flow Duration', 'cicflowmeter', 'duration', 'either', 'µs'],
    [' Total Fwd Packets', 'cicflowmeter', 'packets', 'source', 'packets'],
    ['Tot Fwd Pkts', 'cicflowmeter', 'packets', 'source', 'packets'],
    ['Flow Byts/s', 'cicflowmeter', 'bytes/s', 'either', 'bytes/s'],
    ['Init_Win_bytes_forward', 'cicflowmeter', 'bytes', 'source', 'bytes'],
    ['time_flow_start_ns', 'goflow2', 'time', 'either', 'epoch ns'],
    ['sampler_address', 'goflow2', 'address', 'either', ''],
    ['event.duration', 'ecs', 'duration', 'either', 'ns'],
    ['http.request.method', 'ecs', 'http', 'client', ''],
    ['tls.server.issuer', 'ecs', 'tls', 'server', ''],
    ['client.bytes', 'ecs', 'bytes', 'client', 'bytes'],
    ['tcp.tcp_flags', 'suricata-eve', 'tcp-flags', 'either', 'hex bitmask'],
  ])('%s → %s %s of the %s in %j', (name, family, dimension, role, unit) => {
    expect(describeField(name)).toMatchObject({ family, dimension, role, unit, inferred: false });
  });

  it('says which spelling of a field the format uses', () => {
    expect(describeField(' Total Fwd Packets').name).toBe('Tot Fwd Pkts');
    expect(describeField('IN_BYTES').family).toBe('nprobe');
    expect(describeField('ipfix.IN_BYTES')).toMatchObject({ family: 'ipfix', name: 'octetDeltaCount' });
  });
});

function* flatten(value: unknown, path = ''): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* flatten(v, `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* flatten(v, path === '' ? k : `${path}.${k}`);
  else yield [path, value];
}
