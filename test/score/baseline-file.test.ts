import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineError } from '../../src/errors.ts';
import { REGISTRY_VERSION } from '../../src/features/registry.ts';
import { loadBaseline, saveBaseline } from '../../src/score/baseline-file.ts';
import { SAMPLE_SIZE } from '../../src/score/fit-baseline.ts';
import { fitOn, makeNormalRows } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowlens-baseline-'));
const baseline = fitOn(makeNormalRows(5000));

async function rejectWith(json: unknown | string, pattern: RegExp): Promise<void> {
  const file = join(dir, `b-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  const error = await loadBaseline(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BaselineError);
  expect((error as Error).message).toMatch(pattern);
  expect((error as Error).message).toContain(file);
}

describe('baseline files', () => {
  it('round-trips: versioned, registry version, rows, bounded sample', async () => {
    const file = join(dir, 'baseline.json');
    await saveBaseline(baseline, file);
    const back = await loadBaseline(file);
    expect(back).toEqual(baseline);
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    expect(raw).toMatchObject({ format: 'flowlens-baseline', version: 1, registry_version: REGISTRY_VERSION, rows: 5000 });
    expect(raw.sample.length).toBe(Math.min(5000, SAMPLE_SIZE));
    expect(raw.features.IN_PKTS.median).toBeGreaterThan(5);
    expect(raw.features.IN_PKTS.quantiles).toHaveLength(raw.quantile_grid.length);
  });

  it('rejects corrupt JSON', () => rejectWith('{"format": "flowlens-baseline", ', /not valid JSON/));
  it('rejects another format version', () => rejectWith({ ...baseline, version: 99 }, /format version 99, this flowlens reads version 1/));
  it('rejects another registry version', () =>
    rejectWith({ ...baseline, registry_version: REGISTRY_VERSION + 1 }, new RegExp(`registry version ${REGISTRY_VERSION + 1}`)));
  it('rejects a feature set that differs from the registry', () => {
    const { IN_BYTES: _, ...rest } = baseline.features;
    return rejectWith({ ...baseline, features: { ...rest, bogus_feature: baseline.features.IN_PKTS } }, /missing IN_BYTES; unknown bogus_feature/);
  });
  it('rejects a wrong value inside a feature', () =>
    rejectWith({ ...baseline, features: { ...baseline.features, IN_PKTS: { ...baseline.features.IN_PKTS, median: 'x' } } }, /corrupt baseline: features\.IN_PKTS\.median/));
  it('rejects something that is not a baseline', () => rejectWith({ hello: 1 }, /not a flowlens baseline/));
  it('names a missing file', () => expect(loadBaseline(join(dir, 'nope.json'))).rejects.toThrow(/cannot read the baseline file/));
});
