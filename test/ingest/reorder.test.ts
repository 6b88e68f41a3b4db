import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFlows, readAllFlows } from '../../src/ingest/index.ts';
import { ReorderBuffer } from '../../src/ingest/reorder-buffer.ts';
import { makeFlow } from '../factories/flow.ts';
import { fixture, readFixture, tempDir } from './support.ts';

describe('reorder buffer', () => {
  it('emits in (start, input order) and marks a flow older than the window behind the newest as late', async () => {
    const { flows, summary } = await readFixture('reorder.csv', { reorderWindowMs: 60_000, reorderHoldFlows: 0 });
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

  it('hands out at most `max` flows per drain, in order, except those over the cap', () => {
    const buffer = new ReorderBuffer(1000, 8);
    const out: ReturnType<typeof makeFlow>[] = [];
    for (let i = 0; i < 6; i++) buffer.push(makeFlow({ id: `a${i}`, start_ms: 10_000 - i, line: i + 2 }));
    buffer.push(makeFlow({ id: 'new', start_ms: 50_000, line: 9 }));
    buffer.drain(out, 4);
    expect(out.map((f) => f.id)).toEqual(['a5', 'a4', 'a3', 'a2']);
    buffer.drain(out, 4);
    expect(out.map((f) => f.id)).toEqual(['a5', 'a4', 'a3', 'a2', 'a1', 'a0']);
    // over the cap of 8: the oldest leave whatever the limit, until 8 are held
    for (let i = 0; i < 9; i++) buffer.push(makeFlow({ id: `b${i}`, start_ms: 50_000 + i, line: 20 + i }));
    buffer.drain(out, 0);
    expect(out.slice(6).map((f) => f.id)).toEqual(['new', 'b0']);
    expect(buffer.size).toBe(8);
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

describe('input not in time order', () => {
  // 3 sources × 12 flows 6 min apart, sorted by source then time (the NF-v3 batches' order, made up here)
  it('by default holds a small input whole: sorted exactly, nothing late, nothing to warn about', async () => {
    const { summary, flows } = await readFixture('sorted-by-source.csv');
    expect(summary).toMatchObject({ late: 0, outOfOrder: 22 });
    expect(summary.orderWarning).toBeUndefined();
    expect(flows.slice(0, 3).map((f) => f.id)).toEqual(['s1', 's13', 's25']);
  });

  it('says so in the summary, names the order it looks like, and counts late and out-of-order flows', async () => {
    const { summary, flows } = await readFixture('sorted-by-source.csv', { reorderHoldFlows: 0 });
    // newest after source 1 is 3,961 s; source 2 flows at k·360 + 2 s are late while below 3,661 s (k ≤ 10),
    // then 3,962 s is new; source 3 likewise (k ≤ 10 below 3,662 s): 11 + 11
    expect(summary).toMatchObject({ accepted: 36, late: 22, outOfOrder: 22, notes: { 'late-flow': 22 } });
    expect(flows.filter((f) => f.notes.length > 0)).toHaveLength(22);
    expect(summary.orderWarning).toBe(
      `${fixture('sorted-by-source.csv')} is not in time order: 22 of 36 flows (61.1 %) started more than the 5 min reorder window before a flow read earlier, ` +
        'so they are marked late and get null window features; its rows look sorted by source address instead. ' +
        'Sort the input by start time, or pass --reorder-window all to sort it whole in memory (up to 200,000 flows), or a wider --reorder-window.',
    );
  });

  it('with the whole input held (reorderWindowMs Infinity) nothing is late and the flows come out in time order', async () => {
    const { summary, flows } = await readFixture('sorted-by-source.csv', { reorderWindowMs: Infinity, reorderHoldFlows: 0 });
    expect(summary).toMatchObject({ late: 0, outOfOrder: 22 });
    expect(summary.orderWarning).toBeUndefined();
    const starts = flows.map((f) => f.start_ms!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(flows.slice(0, 3).map((f) => f.id)).toEqual(['s1', 's13', 's25']);
  });

  it('warns early, once the late share shows after the held flows, while the rest is still being read', async () => {
    // 5,000 flows 1 s apart, even rows from a source whose clock runs an hour ahead: every odd row after the
    // 2,000 held ones is late; at the 3,000th flow 500 of 3,000 are (16.7 %)
    let text = 'IPV4_SRC_ADDR,IPV4_DST_ADDR,PROTOCOL,IN_BYTES,IN_PKTS,FLOW_START_MILLISECONDS\n';
    for (let i = 0; i < 5000; i++) text += `10.0.${i % 2}.1,10.1.0.1,17,100,1,${1_704_067_200_000 + i * 1000 + (i % 2 === 0 ? 3_600_000 : 0)}\n`;
    const file = join(tempDir(), 'interleaved.csv');
    writeFileSync(file, text);
    const warnings: { message: string; flowsSoFar: number }[] = [];
    let flowsSoFar = 0;
    const onWarning = (message: string): void => void warnings.push({ message, flowsSoFar });
    const source = await openFlows(file, { quarantineFile: join(tempDir(), 'q.jsonl'), reorderHoldFlows: 2000, onWarning });
    for await (const batch of source.batches()) flowsSoFar += batch.length;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('is not in time order: 500 of the first 3,000 flows (16.7 %)');
    // odd rows go down and up again: not "sorted by source address"
    expect(warnings[0]!.message).not.toContain('source address');
    expect(warnings[0]!.flowsSoFar).toBeLessThan(5000);
    expect(source.summary()).toMatchObject({ late: 1500, outOfOrder: 2500 });
    expect(source.summary().orderWarning).toContain('1,500 of 5,000 flows (30.0 %)');
  });

  it('does not warn about a few late flows (long connections logged when they end)', async () => {
    // 200 flows in order, 5 of them started 10 min before their neighbours: late, but 2.5 % < 10 %
    let text = 'IPV4_SRC_ADDR,IPV4_DST_ADDR,PROTOCOL,IN_BYTES,IN_PKTS,FLOW_START_MILLISECONDS\n';
    for (let i = 0; i < 200; i++) text += `10.0.0.1,10.1.0.1,6,100,1,${1_704_067_200_000 + i * 60_000 - (i % 40 === 39 ? 600_000 : 0)}\n`;
    const file = join(tempDir(), 'few-late.csv');
    writeFileSync(file, text);
    const { summary } = await readAllFlows(file, { quarantineFile: join(tempDir(), 'q.jsonl'), reorderHoldFlows: 0 });
    expect(summary.late).toBe(5);
    expect(summary.orderWarning).toBeUndefined();
  });
});
