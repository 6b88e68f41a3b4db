import type { Claim, Judgement, Operand } from '../claim.ts';
import { rowsFor, rowsNamedBy, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { rowEvidence, show } from './evidence.ts';

/** How far a stated factor ("twice", "3 times") may be from the record's ratio: models round such figures. */
const FACTOR_SLACK = 0.15;
/** How far a stated difference in percent ("20% more") may be from the record's, in points (plus 5 % of it). */
const PERCENT_SLACK = 1.5;

/** Identity members that other schemas hold under their own names (facts.endpoints). */
const IDENTITY: Readonly<Record<string, ['ports' | 'addresses', 'src' | 'dst']>> = { src_port: ['ports', 'src'], dst_port: ['ports', 'dst'], src_addr: ['addresses', 'src'], dst_addr: ['addresses', 'dst'] };

/** The rows an operand may be, in the order its keys give them. */
function rowsOf(facts: TableFacts, operand: Operand): FactRow[] {
  const rows = rowsFor(facts, operand.keys).filter((r) => r.value !== null);
  if (rows.length > 0) return rows;
  for (const key of operand.keys) {
    const where = IDENTITY[key];
    if (where) return facts.endpoints[where[0]][where[1]].filter((r) => r.value !== null).slice(0, 1);
    const named = rowsNamedBy(facts, key);
    if (named.length > 0) return named.slice(0, 1);
  }
  return [];
}

/**
 * Two values of the record related to each other: equal, different, or one a factor of the other.
 * Operands with several rows (a side's IP and payload bytes) are compared layer by layer, in order;
 * the relation holds when it holds for one such pair. Not judged when the table lacks an operand.
 */
export function checkRelation(claim: Claim<'relation'>, facts: TableFacts): Judgement | null {
  const { left, right, relation, factor, percent } = claim.data;
  const lefts = rowsOf(facts, left);
  const rights = rowsOf(facts, right);
  if (lefts.length === 0 || rights.length === 0) return null;
  const pairs: Array<[FactRow, FactRow]> = [];
  for (let i = 0; i < Math.max(lefts.length, rights.length); i++) pairs.push([lefts[Math.min(i, lefts.length - 1)]!, rights[Math.min(i, rights.length - 1)]!]);
  const holds = (a: FactRow, b: FactRow): boolean | undefined => {
    if (relation === 'more' || relation === 'less') return typeof a.value === 'number' && typeof b.value === 'number' ? (relation === 'more' ? a.value > b.value : a.value < b.value) : undefined;
    if (relation !== 'ratio') return (String(a.value) === String(b.value)) === (relation === 'same');
    if (typeof a.value !== 'number' || typeof b.value !== 'number' || b.value === 0) return undefined;
    if (percent !== undefined) return Math.abs(100 * (a.value / b.value - 1) - percent) <= PERCENT_SLACK + 0.05 * Math.abs(percent);
    return Math.abs(a.value / b.value / factor! - 1) <= FACTOR_SLACK;
  };
  let judged: [FactRow, FactRow] | undefined;
  for (const [a, b] of pairs) {
    const h = holds(a, b);
    if (h === true) return { verdict: 'supported', evidence: rowEvidence([a, b], derivation(a, b, relation)), reason: `${a.key} is ${show(a.value)} and ${b.key} is ${show(b.value)}.` };
    if (h === false) judged ??= [a, b];
  }
  if (!judged) return null;
  const [a, b] = judged;
  const said = percent !== undefined ? `${show(Math.abs(percent))}% ${percent >= 0 ? 'more' : 'less'}` : relation === 'ratio' ? `${show(factor!)} times` : relation === 'same' ? 'the same' : relation === 'different' ? 'different' : relation === 'more' ? 'more' : 'less';
  return { verdict: 'contradicted', evidence: rowEvidence([a, b], derivation(a, b, relation)), reason: `${a.key} is ${show(a.value)} and ${b.key} is ${show(b.value)}: not ${said} (${left.phrase} against ${right.phrase}).` };
}

function derivation(a: FactRow, b: FactRow, relation: Claim<'relation'>['data']['relation']): string {
  if (relation === 'more' || relation === 'less') return `${a.key} ${Number(a.value) > Number(b.value) ? '>' : Number(a.value) < Number(b.value) ? '<' : '='} ${b.key}`;
  if (relation === 'ratio' && typeof a.value === 'number' && typeof b.value === 'number') return `${a.key} / ${b.key} = ${show(a.value / b.value)}`;
  return `${a.key} ${String(a.value) === String(b.value) ? '=' : '≠'} ${b.key}`;
}
