import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { parseBatchOutput } from '../../../src/llm/batch/batch-output.ts';

const ok = (id: string, content: string) =>
  JSON.stringify({ id: 'r', custom_id: id, response: { status_code: 200, request_id: 'q', body: { id: 'c', choices: [{ index: 0, message: { content }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 2 } } }, error: null });

describe('batch output and error files', () => {
  it('map answers, HTTP errors and expired requests to their custom_id', () => {
    const text = [
      ok('a', 'Hello.'),
      JSON.stringify({ custom_id: 'b', response: { status_code: 500, request_id: 'q2', body: { error: { message: 'boom', code: 'server_error' } } }, error: null }),
      JSON.stringify({ custom_id: 'c', response: null, error: { code: 'batch_expired', message: 'window expired' } }),
      '',
    ].join('\n');
    const answers = parseBatchOutput(text, 'out.jsonl');
    expect(answers.get('a')).toMatchObject({ ok: true, completion: { choices: [{ message: { content: 'Hello.' } }], usage: { prompt_tokens: 3, completion_tokens: 2 } } });
    const b = answers.get('b')!;
    expect(b.ok === false && [b.error.message, b.error.status, b.code]).toEqual(['openai batch: boom (server_error)', 500, 'server_error']);
    const c = answers.get('c')!;
    expect(c.ok === false && c.code).toBe('batch_expired');
  });

  it('makes a 200 whose body is no completion that flow\'s failure', () => {
    const line = JSON.stringify({ custom_id: 'a', response: { status_code: 200, body: { id: 'c', choices: 'none' } } });
    const a = parseBatchOutput(line, 'out.jsonl').get('a')!;
    expect(a.ok === false && a.error.message).toMatch(/invalid response: `choices`/);
  });

  it('rejects a line that is not a request output object, naming file, line and field', () => {
    expect(() => parseBatchOutput(`${ok('a', 'x')}\n{"response": {}}\n`, 'out.jsonl')).toThrow(InputError);
    expect(() => parseBatchOutput(`${ok('a', 'x')}\n{"response": {}}\n`, 'out.jsonl')).toThrow(/`custom_id`.* at out\.jsonl:2/);
    expect(() => parseBatchOutput('not json\n', 'out.jsonl')).toThrow(/at out\.jsonl:1/);
  });
});
