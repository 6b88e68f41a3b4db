/**
 * A function of one key, remembered across tables and narratives: row names, ports, flag masks,
 * descriptions and qualifiers repeat from table to table, so each value is built once. At most
 * `limit` keys are kept, so unusual input cannot grow it without end (past that, values are
 * built on each call).
 */
export function sharedMemo<K, V>(build: (key: K) => V, limit = 10_000): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = build(key);
      if (memo.size < limit) memo.set(key, value);
    }
    return value;
  };
}
