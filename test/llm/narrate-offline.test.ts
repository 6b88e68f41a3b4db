import { describe, expect, it } from 'vitest';
import { narrate, narrateOffline, structuredOffline, StructuredExplanationSchema } from '../../src/llm/index.ts';
import type { FeatureTable } from '../../src/table/schema.ts';
import { hostileTable, seedTable } from './tables.ts';

/** Words the offline narrator must never use: outside knowledge, environments, attack classes as fact. */
const FORBIDDEN = /data ?cent(er|re)|cloud|synthetic|HTTPS|server|client|download|stream|malware|botnet|exfiltrat|scan|DDoS|C2\b|command and control|reputation|country|geolocat|OUT_BYTES|OUT_PKTS|back-to-back packets arriv/i;

function noBaselineTable(): FeatureTable {
  const t = seedTable();
  t.flow_id = 'nf-v2-17';
  t.score = { value: 1, method: 'column:Label', rank: 3, threshold: null };
  t.flow = undefined;
  t.features = t.features.map((r) => ({ ...r, baseline: null, contribution: null }));
  t.window = { seconds: 60, available: false, reason: 'the input has no time fields (NF-v2)' };
  return t;
}

describe('narrateOffline', () => {
  const text = narrateOffline(seedTable());

  it('is deterministic', () => {
    expect(narrateOffline(seedTable())).toBe(text);
  });

  it('has the four sections of the narrative template', () => {
    expect(text.match(/^### .+$/gm)).toEqual(['### What stands out', '### How they fit together', '### Caveats', '### Cautious conclusion']);
  });

  it('states the top contributors with exact values, units, definitions, baseline figures and contributions', () => {
    expect(text).toContain(
      '- **IN_BYTES** = 4761630 bytes: Bytes sent from source to destination in this flow. The value is above the baseline p99 (912000 bytes), at percentile 99.97 of the baseline, whose median is 1840 bytes. Its contribution to the score is 3.2. This may mean that more data was sent from source to destination than in most baseline flows.',
    );
    expect(text).toContain('The rows that contribute most to the score are IN_BYTES, IN_PKTS, duration_ms and avg_in_packet_size:');
    expect(text).toContain('It was scored 7.31 by robust-z (rank 1 of 200) against a threshold of 4.');
    expect(text).toContain('above the baseline median (153.3 bytes/packet), at percentile 96.5 of the baseline');
  });

  it('tells a flow below the threshold as not flagged, and never calls a value at the median below it', () => {
    const t = seedTable();
    t.score = { ...t.score!, value: 3.5, threshold: 4 };
    const inBytes = t.features.find((r) => r.name === 'IN_BYTES')!;
    // The forest's sign reads the percentile against 50: a value tied with the median can weigh negative.
    Object.assign(inBytes, { value: 1840, contribution: -0.5, baseline: { ...inBytes.baseline!, percentile: 40 } });
    const below = narrateOffline(t);
    expect(below).not.toContain('may have been flagged');
    expect(below).toContain("The flow's score is below the threshold, so it was not flagged as anomalous.");
    expect(below).toContain('The value is equal to the baseline median (1840 bytes), at percentile 40 of the baseline. Its contribution to the score is -0.5 (negative).');
    expect(below).not.toContain('below the baseline median (1840');
  });

  it('reads null as not applicable, never as 0', () => {
    expect(text).toContain('- inter_arrival_ms is null, meaning not applicable: Start-time gap to the previous flow');
    expect(text).not.toMatch(/inter_arrival_ms\W+(=|is|of)\s*0\b/);
  });

  it('hedges its interpretation and draws no verdict', () => {
    expect(text).toContain('could be consistent with a larger transfer than most in the baseline, a longer-lived flow than most and larger packets than most');
    expect(text).toContain('This is a statistical deviation, not evidence of malicious activity');
  });

  it('brings in nothing from outside the table', () => {
    expect(text).not.toMatch(FORBIDDEN);
    expect(narrateOffline(hostileTable())).not.toMatch(FORBIDDEN);
    expect(narrateOffline(noBaselineTable())).not.toMatch(FORBIDDEN);
  });

  it('repeats data-quality notes as caveats and flags the affected row', () => {
    const hostile = narrateOffline(hostileTable());
    expect(hostile).toContain('- Data quality (counter-max): IN_BYTES is at the ceiling of its exporter counter, so its true value is unknown and may be larger.');
    expect(hostile).toContain('A data-quality note applies to this value (see Caveats).');
  });

  it('says so when the table has no baseline or contributions, and why window features are missing', () => {
    const bare = narrateOffline(noBaselineTable());
    expect(bare).toContain('The flow was scored 1 by column:Label (rank 3).');
    expect(bare).toContain('The table gives no contributions and no row lies outside its baseline range, so it cannot show which features drove the score.');
    expect(bare).toContain('- Window features are not available: the input has no time fields (NF-v2).');
    expect(bare).toContain('The flow may have been flagged. This is a statistical deviation');
  });

  it('falls back to the rows furthest from their baseline when the table has no contributions', () => {
    const t = seedTable();
    t.features = t.features.map((r) => ({ ...r, contribution: null }));
    expect(narrateOffline(t)).toContain('The table gives no contributions, so these rows are the ones furthest from their baseline: IN_BYTES, IN_PKTS, src_in_pkts_sum and duration_ms:');
  });
});

describe('structuredOffline', () => {
  it('is a schema-valid object whose observations cite the rows they describe', () => {
    const answer = StructuredExplanationSchema.parse(structuredOffline(seedTable()));
    expect(answer.observations.map((o) => o.features)).toEqual([
      ['IN_BYTES'],
      ['IN_PKTS'],
      ['duration_ms'],
      ['avg_in_packet_size'],
      ['IN_BYTES', 'IN_PKTS', 'duration_ms', 'avg_in_packet_size'],
    ]);
    expect(answer.summary).toMatch(/^The flow is from 2a0b:e43:1::21 port 443/);
    expect(answer.caveats.at(-1)).toBe('The table holds observable flow features only: it cannot show payloads, applications, intent, or who operates either address.');
  });

  it('stays schema-valid for a table with nothing to say', () => {
    expect(StructuredExplanationSchema.safeParse(structuredOffline(noBaselineTable())).success).toBe(true);
  });
});

describe('narrate (library verb)', () => {
  it('explains a table with the offline provider and explain-flow v1 by default', async () => {
    const narrative = await narrate(seedTable());
    expect(narrative).toMatchObject({ provider: 'offline', model: 'offline-narrator-v1', text: narrateOffline(seedTable()) });
  });

  it('follows the configured mode', async () => {
    const narrative = await narrate(seedTable(), { config: { provider: 'offline', mode: 'structured' } });
    expect(narrative.structured).toEqual(structuredOffline(seedTable()));
  });
});

describe('narrate with configured parameters', () => {
  it('passes config params into the request the provider sees', async () => {
    const seen: unknown[] = [];
    const provider = { id: 'spy', narrate: async (request: unknown) => (seen.push(request), { text: 't', provider: 'spy', model: 'm' }) };
    await narrate(seedTable(), { provider, config: { provider: 'offline', model: 'm', params: { temperature: 0 } } });
    expect(seen[0]).toMatchObject({ model: 'm', params: { temperature: 0, max_tokens: 900, seed: 7 } });
  });
});

describe('narrateOffline caveats for null window features', () => {
  it('groups window features nulled together, names the reason, and keeps inter_arrival_ms on its own line', () => {
    const t = seedTable();
    const windowNames = new Set(['src_flows_in_window', 'dst_flows_in_window', 'src_in_pkts_sum', 'src_entropy_protocol', 'src_syn_flows', 'inter_arrival_ms']);
    t.features = t.features.map((r) => (windowNames.has(r.name) ? { ...r, value: null, contribution: null } : r));
    t.window = { seconds: 60, available: false, reason: 'the input has no time fields (NF-v2)' };
    const caveats = narrateOffline(t).split('### Caveats')[1]!.split('### Cautious conclusion')[0]!.trim().split('\n');
    expect(caveats).toEqual([
      '- The window features src_flows_in_window, dst_flows_in_window, src_in_pkts_sum, src_entropy_protocol and src_syn_flows are null, meaning not applicable: the input has no time fields (NF-v2).',
      '- inter_arrival_ms is null, meaning not applicable: Start-time gap to the previous flow from the same source in the window; null when there is no earlier flow from this source (not back-to-back packets).',
      '- The table holds observable flow features only: it cannot show payloads, applications, intent, or who operates either address.',
    ]);
  });

  it('drops the "null when" clause of a definition when the value is not null', () => {
    expect(narrateOffline(seedTable())).toContain('- **avg_in_packet_size** = 1276.6 bytes/packet: IN_BYTES divided by IN_PKTS. The value is');
  });
});

describe('describeRow', async () => {
  const { describeRow } = await import('../../src/llm/offline/narrate-offline.ts');
  it('writes a count of one in the singular', () => {
    const row = { name: 'src_distinct_dst_addrs', value: 2, unit: 'addresses', description: 'Distinct destination addresses contacted by the same source in the window', baseline: { median: 1, p99: 3, percentile: 96.5 }, contribution: 0.07 };
    expect(describeRow(row, undefined, false)).toBe(
      'src_distinct_dst_addrs = 2 addresses: Distinct destination addresses contacted by the same source in the window. The value is above the baseline median (1 address), at percentile 96.5 of the baseline. Its contribution to the score is 0.07. This may mean that the source reached more distinct destination addresses within the window than most baseline sources.',
    );
  });
});

describe('narrateOffline with signed contributions', () => {
  it('ranks rows by |contribution| and says what a negative sign means', () => {
    const t = seedTable();
    t.features = t.features.map((r) => (r.name === 'src_flows_in_window' ? { ...r, contribution: -5 } : r));
    const text = narrateOffline(t);
    expect(text).toContain('The rows that contribute most to the score are src_flows_in_window, IN_BYTES, IN_PKTS and duration_ms:');
    expect(text).toContain(
      '- **src_flows_in_window** = 1 flow: Flows from the same source address that started in the window ending at this flow, this flow included. The value is below the baseline median (3 flows), at percentile 12.5 of the baseline. Its contribution to the score is -5 (negative: the value is below the baseline median).',
    );
  });
});

describe('narrateOffline on a flow alone in its window (the seed trap)', () => {
  it('says a source window sum only repeats the flow when src_flows_in_window is 1 and the values are equal', () => {
    const t = seedTable();
    t.features = t.features.map((r) => (r.name === 'src_in_pkts_sum' ? { ...r, contribution: 1.5 } : r)).sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0));
    expect(narrateOffline(t)).toContain(
      'src_flows_in_window is 1 flow, so this is the only flow from its source in the window: src_in_pkts_sum equals IN_PKTS, and that sum adds no evidence beyond the flow itself.',
    );
    t.features = t.features.map((r) => (r.name === 'src_in_pkts_sum' ? { ...r, value: 3731 } : r));
    expect(narrateOffline(t)).not.toContain('only flow from its source');
  });
});
