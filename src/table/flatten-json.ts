/**
 * Nested JSON as alerts and incidents come (ECS / EVE objects, evidence lists) → one flat list of
 * `path: scalar` entries, so every value can be a table row: `source.ip`, `suricata.flow.dest_port`,
 * `host.ip[2]`, `evidence[0].src_ip`. A one-element array keeps its parent's path (`rule.category`).
 */
export type FlatValue = number | string | boolean | null;

/** Deeper nesting or more leaves than this is not a flow record; the rest is left out, not guessed at. */
const MAX_DEPTH = 12;
const MAX_LEAVES = 5_000;

export function flattenJson(value: Record<string, unknown>): Array<[string, FlatValue]> {
  const out: Array<[string, FlatValue]> = [];
  walk(value, '', 0, out);
  return out;
}

function walk(value: unknown, path: string, depth: number, out: Array<[string, FlatValue]>): void {
  if (out.length >= MAX_LEAVES) return;
  if (value === null || value === undefined || typeof value !== 'object') {
    if (path !== '') out.push([path, leaf(value)]);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    if (value.length === 1) return walk(value[0], path, depth + 1, out);
    value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1, out));
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) walk(child, path === '' ? key : `${path}.${key}`, depth + 1, out);
}

function leaf(value: unknown): FlatValue {
  if (value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return String(value);
}

/** Whether an object holds anything nested (an object or an array among its values). */
export function isNested(record: Record<string, unknown>): boolean {
  for (const value of Object.values(record)) if (value !== null && typeof value === 'object') return true;
  return false;
}
