import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAMILY_ORDER, loadFamily, VocabularyError, type Family } from '../../../src/table/vocabulary/index.ts';
import { FAMILIES_DIR } from '../../../src/table/vocabulary/families.ts';

/** Lower bounds on the entries of each family, so a file cut short by mistake fails. */
const AT_LEAST: Record<Family, number> = { nprobe: 80, ipfix: 100, zeek: 28, 'suricata-eve': 150, ecs: 250, cicflowmeter: 80, goflow2: 40, snort: 40, fortinet: 30, nfdump: 50, panos: 45 };

describe('family files', () => {
  it('are all loaded, in lookup priority', () => {
    expect(FAMILY_ORDER).toEqual(['nprobe', 'ipfix', 'zeek', 'suricata-eve', 'ecs', 'cicflowmeter', 'goflow2', 'snort', 'fortinet', 'nfdump', 'panos']);
  });

  it.each(FAMILY_ORDER.map((family) => [family]))('%s loads, each entry cited', (family) => {
    const data = loadFamily(join(FAMILIES_DIR, `${family}.json`), family);
    expect(data.family).toBe(family);
    expect(data.entries.length).toBeGreaterThanOrEqual(AT_LEAST[family]);
    for (const entry of data.entries) expect(data.sources[entry.source ?? data.default_source]).toMatch(/\S{8,}/);
  });
});

describe('a malformed family file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-vocab-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = JSON.parse(readFileSync(join(FAMILIES_DIR, 'nprobe.json'), 'utf8')) as { entries: Record<string, unknown>[] } & Record<string, unknown>;
  const variant = (edit: (copy: typeof good) => void): typeof good => {
    const copy = structuredClone(good);
    edit(copy);
    return copy;
  };

  it.each([
    ['an unknown dimension', variant((c) => { c.entries[3]!.dimension = 'speed'; }), /dimension: Invalid option.* in entry `IPV4_DST_ADDR` \(entries\[3\]\)/],
    ['a unit not in the list', variant((c) => { c.entries[11]!.unit = 'kilobytes'; }), /unit: Invalid option.* in entry `IN_BYTES` \(entries\[11\]\)/],
    ['a two-line description', variant((c) => { c.entries[0]!.description = 'a\nb'; }), /description: one line in entry `FLOW_START_MILLISECONDS` \(entries\[0\]\)/],
    ['an unknown key', variant((c) => { c.entries[5]!.units = 'bytes'; }), /Unrecognized key: "units" in entry `IPV6_DST_ADDR` \(entries\[5\]\)/],
    ['a source that is not cited', variant((c) => { c.entries[2]!.source = 'somewhere'; }), /source `somewhere` is not a key of sources in entry `IPV4_SRC_ADDR` \(entries\[2\]\)/],
    ['a name given twice', variant((c) => { c.entries[4]!.name = 'IN_BYTES'; }), /the name `IN_BYTES` appears twice in entry `IN_BYTES` \(entries\[11\]\)/],
    ['a missing name', variant((c) => { delete c.entries[7]!.name; }), /name: Invalid input.* in entry \(entries\[7\]\)/],
  ])('is rejected with the file and entry named: %s', (_what, content, message) => {
    const file = join(dir, 'nprobe.json');
    writeFileSync(file, JSON.stringify(content));
    const error = (() => { try { loadFamily(file, 'nprobe'); } catch (e) { return e; } return undefined; })();
    expect(error).toBeInstanceOf(VocabularyError);
    expect((error as VocabularyError).file).toBe(file);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(file);
  });

  it('names the file when it is not JSON or holds another family', () => {
    const broken = join(dir, 'zeek.json');
    writeFileSync(broken, '{"family": "zeek",');
    expect(() => loadFamily(broken, 'zeek')).toThrow(/Bad vocabulary file: not readable JSON .* at .*zeek\.json/);
    writeFileSync(broken, JSON.stringify(good));
    expect(() => loadFamily(broken, 'zeek')).toThrow(/family is `nprobe`, expected `zeek` for this file at .*zeek\.json/);
  });
});
