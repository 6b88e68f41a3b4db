import type { Claim, Judgement } from './claim.ts';
import type { TableFacts } from './facts/table-facts.ts';
import { checkFlags } from './checkers/flags.ts';
import { checkAddress, checkAddressFamily, checkPort, checkProtocol, checkService, checkTimestamp } from './checkers/identity.ts';
import { checkQuantity, checkValueRange } from './checkers/quantity.ts';
import { checkRelation } from './checkers/relation.ts';
import { checkDns } from './checkers/dns.ts';
import { checkIcmp } from './checkers/icmp.ts';
import { checkAddressScope } from './checkers/address-scope.ts';
import { checkLiteral } from './checkers/literal.ts';
import { checkFieldValue } from './checkers/field-value.ts';
import { checkListCount, checkListSame } from './checkers/list-count.ts';
import { checkAlerted, checkEndReason, checkPacketDirection, checkResetBy } from './checkers/flow-outcome.ts';
import { checkAbsentField, checkComparative, checkEntity, checkInitiation, checkNullReading, checkShare } from './checkers/semantic.ts';
import type { ClaimKind } from './types.ts';

/** A pure checker: one claim against the table's facts; null when, seen against the table, it is not a claim after all. */
export type ClaimChecker<K extends ClaimKind> = (claim: Claim<K>, facts: TableFacts) => Judgement | null;

/** Every claim kind has a checker: a kind added to ClaimKind without one here fails tsc (STYLE.md §4). */
export const CLAIM_CHECKERS: { readonly [K in ClaimKind]: ClaimChecker<K> } = {
  quantity: checkQuantity,
  address: checkAddress,
  port: checkPort,
  service: checkService,
  protocol: checkProtocol,
  'address-family': checkAddressFamily,
  timestamp: checkTimestamp,
  'tcp-flags': checkFlags,
  comparative: checkComparative,
  'value-range': checkValueRange,
  'absent-field': checkAbsentField,
  entity: checkEntity,
  share: checkShare,
  'null-reading': checkNullReading,
  initiation: checkInitiation,
  relation: checkRelation,
  dns: checkDns,
  icmp: checkIcmp,
  'address-scope': checkAddressScope,
  literal: checkLiteral,
  'field-value': checkFieldValue,
  'list-count': checkListCount,
  'end-reason': checkEndReason,
  alerted: checkAlerted,
  'packet-direction': checkPacketDirection,
  'reset-by': checkResetBy,
  'list-same': checkListSame,
};

/** Judge one claim with its kind's checker. */
export function judge(claim: Claim, facts: TableFacts): Judgement | null {
  return (CLAIM_CHECKERS[claim.kind] as ClaimChecker<ClaimKind>)(claim as never, facts);
}
