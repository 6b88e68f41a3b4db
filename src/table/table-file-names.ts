/**
 * File names for a list of tables, `flow-<id>.json`, the same in `flowlens score --out DIR` and a run's
 * `tables/`: anything but letters, digits, dot, dash and underscore becomes "_", and a name taken by an
 * earlier table (two ids that differ only there) gets `-2`, `-3` ….
 */
export function tableFileNames(flowIds: readonly string[]): string[] {
  const used = new Set<string>();
  return flowIds.map((id) => {
    const stem = `flow-${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}`;
    let name = stem;
    for (let i = 2; used.has(name); i++) name = `${stem}-${i}`;
    used.add(name);
    return `${name}.json`;
  });
}
