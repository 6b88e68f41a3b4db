import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../../src/eval/index.ts';
import { startOpenAIStub, type OpenAIStub, type StubBehaviour } from '../support/openai-stub.ts';
import { CI_TABLES, tempDir, writeSuite } from './support.ts';

const SECRET = 'sk-test-eval-secret-123';
const V1_ANSWER = 'IN_BYTES = 4761630 bytes, at the 99.97th percentile. The source belongs to a hosting provider in the Netherlands.';
const V2_ANSWER = 'IN_BYTES = 4761630 bytes, at the 99.97th percentile; IN_PKTS = 3730 packets.';

/** The model's side: explain-flow answers by version, judge answers by claim text. */
function answer(body: { messages?: Array<{ role: string; content: unknown }> }): StubBehaviour {
  const system = String(body.messages?.[0]?.content ?? '');
  const user = String(body.messages?.at(-1)?.content ?? '');
  if (!system.startsWith('You audit claims')) return { kind: 'text', content: system.includes('Before answering, check each number') ? V2_ANSWER : V1_ANSWER };
  const claims = [...user.matchAll(/^(\d+)\. (".*")$/gm)].map((m) => ({ n: Number(m[1]), text: JSON.parse(m[2]!) as string }));
  const verdicts = claims.map(({ n, text }) => ({ claim: n, verdict: text === 'Netherlands' ? 'unsupported' : 'supported', reason: `judged ${text}` }));
  return { kind: 'text', content: `Verdicts:\n${JSON.stringify({ verdicts })}` };
}

describe('eval with a live provider (OpenAI-compatible stub on 127.0.0.1)', () => {
  let stub: OpenAIStub;
  const dir = tempDir();
  beforeAll(async () => {
    stub = await startOpenAIStub({ handler: (r) => answer(r.body) });
  });
  afterAll(async () => {
    await stub.close();
    await dir[Symbol.asyncDispose]();
  });

  it('--judge adds a second opinion beside the unsupported verdicts; --record writes cassettes that replay the same figures', async () => {
    const cassettes = join(dir.path, 'cassettes');
    const suite = writeSuite(dir.path, {
      name: 'judge',
      tables: [join(CI_TABLES, 'flow-3943031.json')],
      prompts: ['explain-flow@v1', 'explain-flow@v2'],
      provider: { name: 'openai', base_url: stub.url, model: 'stub-model', cassettes },
      thresholds: { max_regression: 0 },
    });
    const env = { OPENAI_API_KEY: SECRET };
    const live = await runEval(suite, { outDir: join(dir.path, 'live'), judge: true, record: true, cacheDir: false, env, cwd: dir.path });

    const v1 = live.reports.find((r) => r.prompt === 'explain-flow@v1')!;
    const unsupported = v1.check!.claims.flatMap((c, i) => (c.verdict === 'unsupported' ? [[i, c.text] as const] : []));
    expect(unsupported.map(([, t]) => t)).toEqual(expect.arrayContaining(['hosting provider', 'Netherlands']));
    // One opinion per unsupported claim, kept beside the checker's verdict, which is unchanged.
    expect(Object.keys(v1.judge!).map(Number)).toEqual(unsupported.map(([i]) => i));
    for (const [i, text] of unsupported) {
      expect(v1.judge![i]).toEqual({ verdict: text === 'Netherlands' ? 'unsupported' : 'supported', reason: `judged ${text}` });
      expect(v1.check!.claims[i]!.verdict).toBe('unsupported');
    }
    expect(live.reports.find((r) => r.prompt === 'explain-flow@v2')!.judge).toBeUndefined();
    expect(live.metrics[0]!.judge).toEqual({ supported: unsupported.length - 1, contradicted: 0, unsupported: 1, speculative: 0, unparsed: 0 });
    expect(stub.requests).toHaveLength(3); // two explanations, one judge call (v2 has nothing unsupported)
    expect(live.passed).toBe(true);

    const html = readFileSync(live.files.html, 'utf8');
    expect(html).toContain('<span class="judge" data-judge="unsupported"');
    const summary = readFileSync(live.files.markdown, 'utf8');
    expect(summary).toContain("## LLM judge (second opinion on unsupported claims; the checker's verdicts stand)");
    expect(summary).toContain('- explain-flow@v1 flow 3943031 sample 0: `hosting provider` checker unsupported, judge supported: judged hosting provider');
    expect(summary).not.toContain('`Netherlands` checker unsupported, judge');

    // Every successful answer, judge included, became a cassette; the key is never written.
    const files = readdirSync(cassettes);
    expect(files).toHaveLength(3);
    for (const f of files) expect(readFileSync(join(cassettes, f), 'utf8')).not.toContain(SECRET);
    for (const f of [live.files.json, live.files.markdown, live.files.html]) expect(readFileSync(f, 'utf8')).not.toContain(SECRET);

    const replayed = await runEval(suite, { outDir: join(dir.path, 'replay'), judge: true, provider: 'replay', cwd: dir.path });
    expect(stub.requests).toHaveLength(3);
    expect(replayed.metrics).toEqual(live.metrics);
    expect(replayed.reports.map((r) => r.judge)).toEqual(live.reports.map((r) => r.judge));
  }, 60_000);
});
