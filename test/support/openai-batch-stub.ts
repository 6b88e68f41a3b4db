/**
 * An OpenAI-compatible Files + Batches server for tests and benchmarks: node:http on 127.0.0.1, a
 * random port. Point the real `openai` SDK at `stub.url` (it ends in /v1). It implements
 * POST /v1/files (multipart upload), GET /v1/files/{id}/content, POST /v1/batches, GET /v1/batches/{id}
 * and GET /v1/batches (list), and answers every line of a batch as the chat stub answers a request.
 *
 * A batch is `validating` when created; each retrieve moves it on (`in_progress` for `pollsBeforeDone`
 * polls, held there while `hold` is set), then it ends as `plan` says: `completed`, `expired` (the
 * first `answered` lines run, the rest go to the error file as `batch_expired`) or `failed`.
 *
 * @example
 * const stub = await startBatchStub({ errorFor: (id) => (id === 'f3' ? { status: 500, message: 'boom' } : undefined) });
 * const client = new OpenAI({ baseURL: stub.url, apiKey: 'sk-test' });
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { completionBody, defaultContent, readBody, sendJson, type ChatBody } from './openai-stub.ts';

export type BatchPlan = { kind: 'complete' } | { kind: 'expire'; answered: number } | { kind: 'fail'; message: string };

export interface BatchStubOptions {
  /** How the n-th batch created (0-based) ends. @default complete */
  plan?: (batchIndex: number) => BatchPlan;
  /** An error line instead of an answer for this request (partial errors). */
  errorFor?: (customId: string) => { status: number; message: string; code?: string } | undefined;
  /** The answer's content for a request; @default the chat stub's default answer */
  contentFor?: (customId: string, body: ChatBody) => string | undefined;
  /** Retrieves a batch stays `in_progress` before it ends. @default 0 */
  pollsBeforeDone?: number;
  /** Keep every batch `in_progress` until `release()`. @default false */
  hold?: boolean;
}

export interface StubBatch {
  id: string;
  status: string;
  inputFileId: string;
  metadata: Record<string, string>;
  /** The parsed input lines (custom_id, method, url, body). */
  lines: Array<{ custom_id: string; method: string; url: string; body: ChatBody }>;
  retrieves: number;
  outputFileId?: string | undefined;
  errorFileId?: string | undefined;
  /** Lines answered and failed, once the batch has ended. */
  done?: { completed: number; failed: number };
  /** Why a failed batch failed. */
  failure?: string;
}

export interface BatchStub {
  url: string;
  /** Uploaded and generated files by id. */
  files: Map<string, { purpose: string; filename: string; text: string }>;
  /** Every batch created, in order. */
  batches: StubBatch[];
  /** Calls by route. */
  counts: { uploads: number; creates: number; retrieves: number; lists: number; downloads: number };
  /** Let held batches end. */
  release(): void;
  close(): Promise<void>;
}

export async function startBatchStub(options: BatchStubOptions = {}): Promise<BatchStub> {
  let held = options.hold ?? false;
  const state = {
    files: new Map<string, { purpose: string; filename: string; text: string }>(),
    batches: [] as StubBatch[],
    counts: { uploads: 0, creates: 0, retrieves: 0, lists: 0, downloads: 0 },
  };
  const server = createServer((req, res) => {
    void route(req, res, state, options, () => held).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: 'stub_error' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    ...state,
    release: () => void (held = false),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type State = Pick<BatchStub, 'files' | 'batches' | 'counts'>;

async function route(req: IncomingMessage, res: ServerResponse, state: State, options: BatchStubOptions, isHeld: () => boolean): Promise<void> {
  const raw = await readBody(req);
  const path = (req.url ?? '/').split('?')[0]!.replace(/^\/v1/, '');
  const method = req.method ?? 'GET';
  if (method === 'POST' && path === '/files') return upload(req, res, raw, state);
  const content = /^\/files\/([^/]+)\/content$/.exec(path);
  if (method === 'GET' && content) return download(res, state, content[1]!);
  if (method === 'POST' && path === '/batches') return create(res, raw, state);
  if (method === 'GET' && path === '/batches') {
    state.counts.lists++;
    const data = [...state.batches].reverse().map((b) => batchObject(b));
    return sendJson(res, 200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false });
  }
  const one = /^\/batches\/([^/]+)$/.exec(path);
  if (method === 'GET' && one) return retrieve(res, state, one[1]!, options, isHeld());
  sendJson(res, 404, { error: { message: `batch stub does not serve ${method} ${path}`, type: 'invalid_request_error' } });
}

async function upload(req: IncomingMessage, res: ServerResponse, raw: string, state: State): Promise<void> {
  const form = await new Request('http://stub/files', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: raw }).formData();
  const file = form.get('file');
  const purpose = form.get('purpose');
  if (!(file instanceof File) || purpose !== 'batch') return sendJson(res, 400, { error: { message: 'expected a file with purpose batch', type: 'invalid_request_error' } });
  state.counts.uploads++;
  const id = `file-${state.files.size + 1}`;
  const text = await file.text();
  state.files.set(id, { purpose, filename: file.name, text });
  sendJson(res, 200, { id, object: 'file', bytes: Buffer.byteLength(text), created_at: now(), filename: file.name, purpose, status: 'processed' });
}

function download(res: ServerResponse, state: State, id: string): void {
  const file = state.files.get(id);
  if (!file) return sendJson(res, 404, { error: { message: `no file ${id}`, type: 'invalid_request_error' } });
  state.counts.downloads++;
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(file.text) });
  res.end(file.text);
}

function create(res: ServerResponse, raw: string, state: State): void {
  const body = JSON.parse(raw || '{}') as { input_file_id?: string; endpoint?: string; completion_window?: string; metadata?: Record<string, string> };
  const input = state.files.get(body.input_file_id ?? '');
  if (!input || input.purpose !== 'batch' || body.endpoint !== '/v1/chat/completions' || body.completion_window !== '24h') {
    return sendJson(res, 400, { error: { message: `bad batch request ${raw}`, type: 'invalid_request_error' } });
  }
  state.counts.creates++;
  const lines = input.text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as StubBatch['lines'][number]);
  const batch: StubBatch = { id: `batch_${state.batches.length + 1}`, status: 'validating', inputFileId: body.input_file_id!, metadata: body.metadata ?? {}, lines, retrieves: 0 };
  state.batches.push(batch);
  sendJson(res, 200, batchObject(batch));
}

function retrieve(res: ServerResponse, state: State, id: string, options: BatchStubOptions, held: boolean): void {
  const batch = state.batches.find((b) => b.id === id);
  if (!batch) return sendJson(res, 404, { error: { message: `no batch ${id}`, type: 'invalid_request_error' } });
  state.counts.retrieves++;
  batch.retrieves++;
  if (batch.status === 'validating' || batch.status === 'in_progress') {
    if (held || batch.retrieves <= (options.pollsBeforeDone ?? 0)) batch.status = 'in_progress';
    else finish(batch, state, options);
  }
  sendJson(res, 200, batchObject(batch));
}

/** End a batch as its plan says, writing its output and error files. */
function finish(batch: StubBatch, state: State, options: BatchStubOptions): void {
  const plan = options.plan?.(state.batches.indexOf(batch)) ?? { kind: 'complete' };
  if (plan.kind === 'fail') {
    batch.status = 'failed';
    batch.failure = plan.message;
    return;
  }
  const output: string[] = [];
  const errors: string[] = [];
  batch.lines.forEach((line, i) => {
    const id = `batch_req_${batch.id}_${i}`;
    if (plan.kind === 'expire' && i >= plan.answered) {
      errors.push(JSON.stringify({ id, custom_id: line.custom_id, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }));
      return;
    }
    const failure = options.errorFor?.(line.custom_id);
    if (failure) {
      const body = { error: { message: failure.message, type: 'server_error', code: failure.code ?? null } };
      errors.push(JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: failure.status, request_id: `req_${i}`, body }, error: null }));
      return;
    }
    const content = options.contentFor?.(line.custom_id, line.body) ?? defaultContent(line.body, {});
    output.push(JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: 200, request_id: `req_${i}`, body: completionBody(line.body, content).completion }, error: null }));
  });
  batch.outputFileId = output.length > 0 ? addFile(state, `${batch.id}_output.jsonl`, output) : undefined;
  batch.errorFileId = errors.length > 0 ? addFile(state, `${batch.id}_error.jsonl`, errors) : undefined;
  batch.done = { completed: output.length, failed: errors.length };
  batch.status = plan.kind === 'expire' ? 'expired' : 'completed';
}

function addFile(state: State, filename: string, lines: string[]): string {
  const id = `file-${state.files.size + 1}`;
  state.files.set(id, { purpose: 'batch_output', filename, text: lines.map((l) => `${l}\n`).join('') });
  return id;
}

function batchObject(b: StubBatch): Record<string, unknown> {
  return {
    id: b.id,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    input_file_id: b.inputFileId,
    completion_window: '24h',
    status: b.status,
    created_at: now(),
    metadata: b.metadata,
    output_file_id: b.outputFileId ?? null,
    error_file_id: b.errorFileId ?? null,
    errors: b.failure ? { object: 'list', data: [{ code: 'invalid_request', message: b.failure, line: 1 }] } : null,
    request_counts: { total: b.lines.length, completed: b.done?.completed ?? 0, failed: b.done?.failed ?? 0 },
  };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
