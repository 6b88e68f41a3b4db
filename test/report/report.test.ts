import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport, renderRunIndex, writeReports, writeRunIndex, type ReportEntry } from '../../src/report/index.ts';
import type { CheckResult } from '../../src/check/types.ts';
import { FeatureTableSchema, readReport } from '../../src/table/index.ts';
import { table, tempDir } from '../run/support.ts';

const explanation = { text: 'The flow carried 4761630 bytes.', provider: 'offline', model: 'offline', template: { id: 'explain-flow', version: '1' } };

const flaggedCheck: CheckResult = {
  claims: [
    { text: 'carried 4761630 bytes', start: 9, end: 30, kind: 'number', verdict: 'supported', evidence: { rows: ['in_bytes'], values: [4761630] }, reason: 'in_bytes is 4761630.' },
    { text: 'inside a data center', start: 31, end: 51, kind: 'entity', verdict: 'unsupported', reason: 'The table has no location | site field.' },
  ],
  summary: { claims: 2, supported: 1, contradicted: 0, unsupported: 1, speculative: 0, hallucinated: 1, supported_share: 0.5, grounded: false },
};

describe('renderReport', () => {
  it('follows the seed layout: title, summary from the top contributors, table, explanation, grounding', () => {
    const md = renderReport({ table: table('3943031'), explanation }, flaggedCheck);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Flow 3943031 – Anomaly Explanation',
      '## 🔍 Summary',
      '## 📊 Observable Features',
      '## 🧠 Model Explanation',
      '## 🧾 Grounding',
    ]);
    expect(md).toContain('_Explained by `offline` (model `offline`), prompt `explain-flow@v1`._');
    expect(md).toContain('- Anomaly score **7.5** (robust-z, rank 1, threshold 4), driven mainly by `in_bytes` and `duration_ms`.');
    expect(md).toContain('- `in_bytes` = 4,761,630 bytes: above the baseline p99 (912,000 bytes); percentile 99.9, baseline median 1,840 bytes; contribution +3.2.');
    expect(md).toContain('- `duration_ms` = 65,870 ms: above the baseline p99 (60,000 ms); percentile 99.2, baseline median 20 ms; contribution +1.1.');
    expect(md).toContain('- Flow: TCP 10.0.0.1:443 → 192.168.1.20:51000.');
    expect(md).toContain('## 🧠 Model Explanation\nThe flow carried 4761630 bytes.\n');
    expect(md).toContain('2 claims: 1 supported, 0 contradicted, 1 unsupported, 0 speculative — **not grounded** (1 claim the table does not back).');
    expect(md).toContain('| unsupported | inside a data center | The table has no location \\| site field. |');
    expect(md).not.toContain('| supported |');
  });

  it('reports a failed call with its error and how to rerun it', () => {
    const md = renderReport({ table: table('9'), error: { class: 'RequestTimeoutError', message: 'openai: no answer within 100 ms' } }, undefined);
    expect(md).toContain('_No explanation: the call failed (RequestTimeoutError: openai: no answer within 100 ms). Rerun with `--retry-failed`._');
    expect(md).toContain('## 🧾 Grounding\n_Not checked: there is no explanation to check._');
  });
});

describe('writeReports and writeRunIndex', () => {
  it('writes one report and one JSONL line per flow, and an index by score with links', () => {
    const out = tempDir();
    const low = table('low');
    low.score = { value: 4.2, method: 'robust-z', rank: 2, threshold: 4, of: 50 };
    const entries: ReportEntry[] = [
      { table: low, explanation, check: flaggedCheck },
      { table: table('high/1'), error: { class: 'ProviderError', message: 'openai: HTTP 500' } },
    ];
    const written = writeReports(entries, { outDir: out });
    expect(written.map((w) => w.file)).toEqual(['reports/flow-low.md', 'reports/flow-high_1.md']);
    const jsonl = readFileSync(join(out, 'explanations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl[0]).toMatchObject({
      flow_id: 'low',
      report: 'reports/flow-low.md',
      explanation: { text: explanation.text, provider: 'offline', model: 'offline', prompt: { id: 'explain-flow', version: '1' }, grounding: { claims: 2, unsupported: 1 } },
    });
    expect(jsonl[1]).toMatchObject({ flow_id: 'high/1', error: { class: 'ProviderError' } });
    // The JSON twin of each report reads back exactly (what `flowlens check` takes).
    const twin = readReport(readFileSync(join(out, 'reports/flow-low.json'), 'utf8'), 'flow-low.json');
    expect(twin.narrative).toBe(explanation.text);
    expect(twin.table).toEqual(FeatureTableSchema.parse(low));
    writeRunIndex(written, { outDir: out, title: 'demo.csv', details: ['2 flows'] });
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const rows = index.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows).toEqual([
      '| 1 | high/1 | TCP 10.0.0.1:443 → 192.168.1.20:51000 | 7.500 | `in_bytes`, `duration_ms` | ❌ failed (ProviderError) | [report](reports/flow-high_1.md) |',
      '| 2 | low | TCP 10.0.0.1:443 → 192.168.1.20:51000 | 4.200 | `in_bytes`, `duration_ms` | ⚠️ 0 contradicted, 1 unsupported | [report](reports/flow-low.md) |',
    ]);
    expect(renderRunIndex(written, { title: 't' })).toContain('2 flows; 1 explained, 1 failed; 1 with claims the table does not back.');
  });

  it('shows the input labels when there are any, marks flows below the threshold, and rounds every score alike', () => {
    const out = tempDir();
    const below = table('below');
    below.score = { value: 3.9, method: 'robust-z', rank: 2, threshold: 4, of: 50 };
    const written = writeReports([{ table: below, explanation, check: flaggedCheck }, { table: table('above'), explanation, check: flaggedCheck }], { outDir: out });
    const index = renderRunIndex(written, { title: 't', labels: { below: { Label: '1', Attack: 'DoS|Hulk' } } });
    expect(index.split('\n').filter((l) => /^\| \d/.test(l)).map((l) => l.split(' | ').slice(1, 5))).toEqual([
      ['above', 'TCP 10.0.0.1:443 → 192.168.1.20:51000', '—', '7.500'],
      ['below', 'TCP 10.0.0.1:443 → 192.168.1.20:51000', 'Label: 1, Attack: DoS\\|Hulk', '3.900 (below the 4.000 threshold)'],
    ]);
  });
});
