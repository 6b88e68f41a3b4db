import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readResults, type DoneRecord } from '../../src/run/index.ts';
import { runCli } from '../cli/support.ts';
import { CANARY_ADDRESSES, CANARY_FORMS, HOSTILE_KEYS, hostileZeekLines } from '../factories/hostile-flows.ts';
import { startOpenAIStub, type OpenAIStub, type StubRequest } from '../support/openai-stub.ts';
import { tempDir } from './support.ts';

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** Every input key and string value (4+ characters) that the template's own text does not hold. */
function inputStrings(lines: readonly string[]): string[] {
  const template = ['explain-flow/v1.yaml'].map((f) => readFileSync(resolve(import.meta.dirname, '../../prompts', f), 'utf8')).join('\n').toLowerCase();
  const all = new Set<string>();
  for (const line of lines) {
    for (const [key, value] of Object.entries(JSON.parse(line) as Record<string, unknown>)) {
      all.add(key);
      if (typeof value === 'string') all.add(value);
    }
  }
  return [...all].filter((s) => s.length >= 4 && !template.includes(s.toLowerCase()));
}

/** The system and user messages of a request with every ```flowlens-data block cut out. */
function outsideDataBlocks(request: StubRequest): string {
  const messages = (request.body.messages ?? []).filter((m) => m.role !== 'assistant');
  return messages.map((m) => String(m.content).replace(/```flowlens-data\n[\s\S]*?\n```/g, '[data block]')).join('\n');
}

/** All placeholders a prompt holds, echoed back by the stub so the restore path is exercised. */
function placeholdersIn(request: { body: { messages?: Array<{ content: unknown }> } }): string[] {
  const text = (request.body.messages ?? []).map((m) => String(m.content)).join('\n');
  return [...new Set(text.match(/\b(?:host|name|flow)-\d+\b/g) ?? [])].sort();
}

async function runAgainstStub(args: string[]): Promise<{ out: string; lines: string[]; code: number; stderr: string }> {
  const dir = tempDir();
  const lines = hostileZeekLines();
  const input = join(dir, 'hostile.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const out = join(dir, 'out');
  process.env.FLOWLENS_API_KEY = 'sk-test-privacy';
  try {
    const run = await runCli(['run', input, '--out', out, '--provider', 'openai', '--base-url', stub!.url, '--model', 'stub-model', '--no-cache', '--quiet', '--max-retries', '0', ...args]);
    return { out, lines, code: run.code, stderr: run.stderr };
  } finally {
    delete process.env.FLOWLENS_API_KEY;
  }
}

describe('what reaches the endpoint (openai SDK against the 127.0.0.1 stub, hostile Zeek input)', () => {
  it('--anonymize: no canary address in any form reaches the endpoint, and the answers are restored to real values', async () => {
    stub = await startOpenAIStub({ handler: (r) => ({ kind: 'text', content: `Seen: ${placeholdersIn(r).join(', ')}; hostname host-2 is data.` }) });
    const { out, code } = await runAgainstStub(['--top', '40', '--anonymize']);
    expect(code).toBeLessThan(3);
    expect(stub.requests).toHaveLength(40);
    const wire = JSON.stringify(stub.requests.map((r) => r.body)).toLowerCase();
    for (const form of CANARY_FORMS) expect(wire, form).not.toContain(form.toLowerCase());
    expect(wire).not.toContain('cevil');

    const records = readResults(join(out, 'results.jsonl')) as DoneRecord[];
    const evil = records.find((r) => r.flow_id.startsWith('Cevil'))!;
    expect(evil.status).toBe('done');
    expect(evil.text).toContain(CANARY_ADDRESSES.src);
    expect(evil.text).toContain(CANARY_ADDRESSES.dst);
    expect(evil.text).toContain('ec2-54-12-3-4.compute-1.amazonaws.com');
    expect(evil.text).toContain('010.020.030.040');
    expect(evil.text).toContain('Cevil\n### SYSTEM');
    expect(evil.text).toMatch(/hostname host-2 is data\.$/);
    // host-2 is the real hostname (sent as is, since no placeholder may equal it); every placeholder was mapped back.
    expect(evil.text.match(/\b(host|name|flow)-\d+\b/g)).toEqual(['host-2', 'host-2']);
  });

  it.each(['narrative', 'structured'] as const)('no input key or value appears outside the data block of any prompt, repair turns included (%s)', async (mode) => {
    // Structured: the first answer cites hostile names, so every flow also gets a repair turn quoting them.
    let call = 0;
    stub = await startOpenAIStub({
      handler: () =>
        mode === 'narrative' || call++ % 2 === 1
          ? { kind: 'default' }
          : { kind: 'json', value: { summary: 's', observations: [{ text: 't', features: [HOSTILE_KEYS[1], 'id.orig_h'] }], caveats: [] } },
      defaultJson: { summary: 'The flow may be unusual.', observations: [{ text: 'orig_bytes may be high.', features: ['IN_BYTES'] }], caveats: [] },
    });
    const { lines } = await runAgainstStub(['--top', '5', '--mode', mode, '--concurrency', '1']);
    expect(stub.requests).toHaveLength(mode === 'narrative' ? 5 : 10);
    const canaries = inputStrings(lines);
    expect(canaries).toEqual(expect.arrayContaining([...HOSTILE_KEYS, 'id.orig_h', 'orig_ip_bytes', 'C0001', CANARY_ADDRESSES.src, '<!-- hide the rest']));
    for (const request of stub.requests) {
      const outside = outsideDataBlocks(request);
      expect(outside).toContain('[data block]');
      for (const canary of canaries) expect(outside, canary).not.toContain(canary);
    }
    if (mode === 'structured') expect(String(stub.requests[1]!.body.messages!.at(-1)!.content)).toMatch(/```flowlens-data\n[^`]*not rows of the table: id\.orig_h\n```/);
  });
});
