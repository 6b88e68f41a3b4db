import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NarrateRequest, Narrative, Provider } from '../../src/llm/provider.ts';
import type { FeatureTable } from '../../src/table/schema.ts';

/** A small table with an identity, two features and a string field. */
export function table(id: string, src = '10.0.0.1', dst = '192.168.1.20'): FeatureTable {
  return {
    schema_version: 1,
    flow_id: id,
    source: { file: '/home/analyst/secret-case/flows.csv', line: 2 },
    flow: { src_addr: src, dst_addr: dst, src_port: 443, dst_port: 51000, protocol: 6, protocol_name: 'TCP', start: null, end: null },
    score: { value: 7.5, method: 'robust-z', rank: 1, threshold: 4 },
    features: [
      { name: 'in_bytes', value: 4761630, unit: 'bytes', description: 'Bytes from source to destination', baseline: { median: 1840, p99: 912000, percentile: 99.9 }, contribution: 3.2 },
      { name: 'duration_ms', value: 65870, unit: 'ms', description: 'Flow duration', baseline: { median: 20, p99: 60000, percentile: 99.2 }, contribution: 1.1 },
    ],
    fields: [{ name: 'L7_PROTO', value: '7.178', unit: '', description: 'nDPI application id', baseline: null, contribution: null }],
    notes: [],
  };
}

/** Render: the table as JSON in one user message (the real renderer is tested in test/prompt). */
export function render(t: FeatureTable, sample = 0): NarrateRequest {
  return {
    template: { id: 'explain-flow', version: '1' },
    model: 'fake-model',
    params: { temperature: 0 },
    mode: 'narrative',
    messages: [{ role: 'user', content: JSON.stringify({ flow: t.flow, features: t.features, fields: t.fields }) }],
    table: t,
    sample,
  };
}

export function requestKey(request: NarrateRequest): string {
  const basis = JSON.stringify([request.model, request.params, request.messages, request.template, request.sample ?? 0]);
  return `v1:${createHash('sha256').update(basis).digest('hex')}`;
}

/** A scriptable fake provider that remembers what it was sent. */
export function fakeProvider(answer: (request: NarrateRequest, call: number) => Promise<Narrative> | Narrative = plainAnswer): Provider & {
  seen: NarrateRequest[];
  maxInFlight: number;
} {
  let inFlight = 0;
  const fake = {
    id: 'fake',
    seen: [] as NarrateRequest[],
    maxInFlight: 0,
    async narrate(request: NarrateRequest) {
      fake.seen.push(request);
      inFlight++;
      fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 2));
        return await answer(request, fake.seen.length);
      } finally {
        inFlight--;
      }
    },
  };
  return fake;
}

export function plainAnswer(request: NarrateRequest): Narrative {
  const flow = request.table.flow!;
  return {
    text: `Flow ${request.table.flow_id} from ${flow.src_addr} to ${flow.dst_addr} carried 4761630 bytes.`,
    provider: 'fake',
    model: request.model,
    usage: { prompt_tokens: 100, completion_tokens: 20 },
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'flowlens-run-'));
}

/** The most times in any half-open window of `width` ms (a sliding-window count). */
export function maxInWindow(times: readonly number[], width: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= width) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
