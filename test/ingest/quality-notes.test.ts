import { describe, expect, it } from 'vitest';
import { readFixture } from './support.ts';

describe('data-quality notes', () => {
  it('attaches one readable note per artifact, keeps the flow, and counts per code', async () => {
    const { flows, summary } = await readFixture('quality.csv');
    const byId = Object.fromEntries(flows.map((f) => [f.id, f]));
    expect(summary).toMatchObject({
      accepted: 8,
      quarantined: 0,
      notes: { 'wrapped-duration': 1, 'counter-max': 1, 'end-before-start': 1, 'bytes-per-packet-low': 1, 'bytes-per-packet-high': 1, 'flags-on-non-tcp': 1 },
    });
    expect(byId.wrapped!.notes).toEqual([
      {
        code: 'wrapped-duration',
        field: 'FLOW_DURATION_MILLISECONDS',
        value: 4294967,
        message:
          "FLOW_DURATION_MILLISECONDS is 4,294,967 ms but the flow's own start and end are 12 ms apart, so the reported value is a wrapped exporter counter and duration_ms uses the start/end difference.",
      },
    ]);
    expect(byId.wrapped!.duration_ms).toBe(12);
    expect(byId.wrapped!.fields.FLOW_DURATION_MILLISECONDS).toBe(4294967);
    // a long duration that agrees with start/end is true, not an artifact
    expect(byId['long-but-true']!).toMatchObject({ duration_ms: 5_000_000, notes: [] });
    expect(byId.counter!.notes.map((n) => [n.code, n.field, n.value])).toEqual([
      ['counter-max', 'in_bytes', 4294967295],
    ]);
    expect(byId.counter!.notes[0]!.message).toBe(
      'in_bytes is 4,294,967,295 (2^32 − 1), the ceiling of a 32-bit counter, so the true value is unknown and probably larger.',
    );
    expect(byId.backwards!).toMatchObject({ duration_ms: null, end_ms: 1704067202000 });
    expect(byId.backwards!.notes).toEqual([
      {
        code: 'end-before-start',
        field: 'end_ms',
        value: 1704067202000,
        message: "The flow's end time is 1,000 ms before its start time, so its timestamps are unreliable and duration_ms is null.",
      },
    ]);
    expect(byId.tiny!.notes.map((n) => [n.code, n.field])).toEqual([['bytes-per-packet-low', 'in_bytes']]);
    expect(byId.tiny!.notes[0]!.message).toBe(
      'in_bytes gives 10 bytes per packet, below the 20-byte minimum IP header, so the byte or packet count is wrong or sampled.',
    );
    expect(byId.huge!.notes.map((n) => [n.code, n.field])).toEqual([['bytes-per-packet-high', 'in_bytes']]);
    expect(byId['udp-flags']!.notes).toEqual([
      {
        code: 'flags-on-non-tcp',
        field: 'tcp_flags',
        value: 18,
        message: 'The flow has TCP flags (18) but protocol 17 is not TCP, so the flags are an exporter artifact and mean nothing here.',
      },
    ]);
    expect(byId.clean!.notes).toEqual([]);
  });

  it('notes a rate faster than any link, from the counters over the duration or from an exporter rate field', async () => {
    const { flows, summary } = await readFixture('implausible-rate.csv');
    const byId = Object.fromEntries(flows.map((f) => [f.id, f]));
    expect(summary).toMatchObject({ accepted: 3, notes: { 'rate-implausible': 2 } });
    expect(byId['too-fast']!.notes).toEqual([
      {
        code: 'rate-implausible',
        field: 'in_bytes',
        value: 200000000000,
        message:
          'in_bytes over duration_ms (1,000 ms) gives 2.00e+11 bytes/s (1,600 Gbit/s), faster than any network link (800 Gbit/s), so the byte count or the duration is wrong: a mis-scaled or wrapped counter, or a duration in another unit.',
      },
    ]);
    expect(byId['exporter-rate']!.notes.map((n) => [n.code, n.field, n.value])).toEqual([['rate-implausible', 'SRC_TO_DST_SECOND_BYTES', 6e14]]);
    expect(byId.ordinary!.notes).toEqual([]);
  });

  it('sets a wrapped duration aside when the flow has no start/end (NF-v2) and keeps the raw value in fields', async () => {
    const { flows, summary } = await readFixture('nf-v2.csv');
    expect(flows[0]!.duration_ms).toBeNull();
    expect(flows[0]!.fields.FLOW_DURATION_MILLISECONDS).toBe(4293498);
    expect(flows[0]!.notes[0]!.message).toBe(
      'FLOW_DURATION_MILLISECONDS is 4,293,498 ms, a value typical of a wrapped 32-bit exporter counter rather than a 71.6-minute flow, and the flow has no start and end times to check it against, so duration_ms is null and the raw value is kept in fields.',
    );
    expect(summary.notes).toEqual({ 'wrapped-duration': 1 });
  });

  it('does not flag low bytes per packet for CICFlowMeter, whose byte counts are payload only', async () => {
    const { flows } = await readFixture('cic-2018.csv');
    expect(flows[0]!.in_bytes).toBe(0);
    expect(flows[0]!.notes).toEqual([]);
  });
});
