import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from '../../src/ingest/reorder-buffer.ts';
import { makeFlow } from '../factories/flow.ts';
import { readFixture } from './support.ts';

describe('reorder buffer', () => {
  it('emits in (start, input order) and marks a flow older than the window behind the newest as late', async () => {
    const { flows, summary } = await readFixture('reorder.csv', { reorderWindowMs: 60_000 });
    // r6 (t=0) arrives after r5 (t=300 s): 300 s behind, beyond the 60 s window → late, emitted at once
    expect(flows.map((f) => f.id)).toEqual(['r6', 'r1', 'r3', 'r2', 'r4', 'r5', 'r7']);
    expect(flows[0]!.notes).toEqual([
      {
        code: 'late-flow',
        field: 'start_ms',
        value: 1704067200000,
        message:
          'This flow started 300,000 ms before the newest flow already read, beyond the 60,000 ms reorder window, so it could not be put in time order and its window features are null.',
      },
    ]);
    expect(summary).toMatchObject({ late: 1, notes: { 'late-flow': 1 }, accepted: 7 });
  });

  it('with the default 5-minute window nothing in that file is late', async () => {
    const { flows, summary } = await readFixture('reorder.csv');
    expect(flows.map((f) => f.id)).toEqual(['r1', 'r6', 'r3', 'r2', 'r4', 'r5', 'r7']);
    expect(summary.late).toBe(0);
  });

  it('keeps input order among equal start times and releases flows only past the window', () => {
    const buffer = new ReorderBuffer(1000);
    const at = (id: string, start: number, line: number) => makeFlow({ id, start_ms: start, line });
    const out: ReturnType<typeof at>[] = [];
    for (const f of [at('a', 5000, 2), at('b', 5000, 3), at('c', 4500, 4)]) expect(buffer.push(f)).toBe(false);
    buffer.drain(out);
    expect(out).toEqual([]);
    buffer.push(at('d', 6000, 5));
    buffer.drain(out);
    // limit = 6000 − 1000 = 5000: c, a, b leave; d stays
    expect(out.map((f) => f.id)).toEqual(['c', 'a', 'b']);
    expect(buffer.size).toBe(1);
    // 4999 is within the window of 6000 but older than b, already emitted at 5000 … still not late by the rule
    // only because 4999 < 6000 − 1000 = 5000: it is late
    expect(buffer.push(at('e', 4999, 6))).toBe(true);
    buffer.flush(out);
    expect(out.map((f) => f.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('forces the oldest out when the cap is reached; anything older is late', () => {
    const buffer = new ReorderBuffer(60_000, 2);
    const out: ReturnType<typeof makeFlow>[] = [];
    for (const [i, t] of [1000, 2000, 3000].entries()) buffer.push(makeFlow({ id: String(i), start_ms: t, line: i + 2 }));
    buffer.drain(out);
    expect(out.map((f) => f.start_ms)).toEqual([1000]);
    expect(buffer.push(makeFlow({ id: 'x', start_ms: 500, line: 9 }))).toBe(true);
    expect(buffer.push(makeFlow({ id: 'y', start_ms: 1000, line: 10 }))).toBe(false);
  });

  it('puts a shuffled stream back in (start, input order), whatever mix of in-order and out-of-order arrivals', () => {
    // a seeded LCG: starts drift forward with jitter up to 50 s behind, many ties
    let seed = 7;
    const rand = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const unset = { src_port: null, dst_port: null, tcp_flags: null, out_bytes: null, out_pkts: null, duration_ms: null, end_ms: null };
    const flows = Array.from({ length: 3000 }, (_, i) =>
      makeFlow({ id: i % 2 === 0 ? String(i) : `f${i}`, line: i + 2, start_ms: 1_000_000 + i * 10 - Math.floor(rand() * 5) * 10_000, ...(i % 5 === 0 ? unset : {}) }),
    );
    const buffer = new ReorderBuffer(60_000);
    const out: ReturnType<typeof makeFlow>[] = [];
    for (const [i, flow] of flows.entries()) {
      expect(buffer.push(flow)).toBe(false);
      if (i % 97 === 0) buffer.drain(out);
    }
    buffer.flush(out);
    const expected = [...flows].sort((a, b) => a.start_ms! - b.start_ms! || a.line - b.line);
    expect(out.map((f) => f.id)).toEqual(expected.map((f) => f.id));
    // rebuilt from the buffer's columns: equal to what went in, field by field
    expect(out).toEqual(expected);
  });

  it('passes inputs without time through in input order', async () => {
    const { flows, source } = await readFixture('nf-v2.csv');
    expect(source.hasTime).toBe(false);
    expect(flows.map((f) => f.line)).toEqual([2, 3]);
  });
});
