/**
 * An OpenAI-compatible chat-completions server for tests and benchmarks: node:http on 127.0.0.1,
 * a random port, scriptable answers. Point the real `openai` SDK at `stub.url` (it ends in /v1).
 *
 * Each request takes the next behaviour from the queue (`behaviours`, then `stub.enqueue(...)`);
 * when the queue is empty, `handler(request)` decides; without a handler the `fallback` answers
 * (default: a plain text answer, or a valid structured answer when the request asks for JSON).
 *
 * @example
 * const stub = await startOpenAIStub({ latencyMs: 200, behaviours: [{ kind: 'rate-limit', retryAfterSeconds: 0 }] });
 * const client = new OpenAI({ baseURL: stub.url, apiKey: 'sk-test', maxRetries: 2 });
 * // … first call gets a 429, the SDK retries, the second gets a text answer
 * await stub.close();
 *
 * Requests are recorded (path, parsed body, response_format type) without the Authorization
 * header's value: only whether one was sent. Nothing is logged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stub does with one request. */
export type StubBehaviour =
  /** 200 with this assistant text. */
  | { kind: 'text'; content: string; latencyMs?: number; finishReason?: string }
  /** 200 whose assistant content is `JSON.stringify(value)` (valid or schema-violating: the stub does not judge). */
  | { kind: 'json'; value: unknown; latencyMs?: number }
  /** 429 with `retry-after` (seconds) and/or `retry-after-ms` headers. */
  | { kind: 'rate-limit'; retryAfterSeconds?: number; retryAfterMs?: number; latencyMs?: number }
  /** Any error status (500 by default) with an OpenAI-style error body. */
  | { kind: 'error'; status?: number; message?: string; code?: string; latencyMs?: number }
  /** Waits `delayMs` before answering (past a client timeout, the client gives up first). */
  | { kind: 'slow'; delayMs: number; content?: string }
  /** 200 with a body that is not JSON at all. */
  | { kind: 'malformed'; latencyMs?: number }
  /** 200 with a full content-length, half the body, then a reset connection (a body cut mid-stream). */
  | { kind: 'truncated'; latencyMs?: number }
  /** Let the default answer decide (useful from a handler). */
  | { kind: 'default'; latencyMs?: number };

/** A request as the stub saw it. Never holds the Authorization value. */
export interface StubRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  path: string;
  body: ChatBody;
  /** `response_format.type` of the request, or 'none'. */
  responseFormat: string;
  /** Whether an Authorization header was sent (its value is never kept). */
  authorized: boolean;
  /** Retry count the SDK put in `x-stainless-retry-count`, when present. */
  retryCount: number | undefined;
  /** The behaviour kind that answered. */
  answeredWith: StubBehaviour['kind'];
  /** When the request arrived, on `StubOptions.clock`. */
  arrivedAt: number;
  /** The usage the stub reported with a 200 answer (what the endpoint bills). */
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  response_format?: { type?: string; json_schema?: { name?: string; schema?: unknown } };
  [key: string]: unknown;
}

export interface StubOptions {
  /** Behaviours taken in order, one per request, before `handler`/`fallback`. @default [] */
  behaviours?: StubBehaviour[];
  /** Decides when the queue is empty. */
  handler?: (request: Omit<StubRequest, 'answeredWith' | 'usage'>) => StubBehaviour | Promise<StubBehaviour>;
  /** Answer when neither queue nor handler decides. @default { kind: 'default' } */
  fallback?: StubBehaviour;
  /** Added before every answer, unless the behaviour sets its own. @default 0 */
  latencyMs?: number;
  /** Reject these `response_format.type`s with 400, like endpoints without JSON-schema support. @default [] */
  rejectResponseFormats?: Array<'json_schema' | 'json_object'>;
  /** Content of the default text answer. @default 'The flow shows a value above the baseline median.' */
  defaultText?: string;
  /** Content of the default structured answer (requests asking for JSON). */
  defaultJson?: unknown;
  /** Keep each request's parsed body in `requests` (turn off for long benchmarks to bound memory). @default true */
  recordBodies?: boolean;
  /** The clock `arrivedAt` is read from (tests share a fake one with the client). @default performance.now */
  clock?: () => number;
}

export interface OpenAIStub {
  /** Base URL for the SDK, e.g. http://127.0.0.1:40123/v1 */
  url: string;
  /** Every request so far, in arrival order. */
  requests: StubRequest[];
  /** Append behaviours to the queue. */
  enqueue(...behaviours: StubBehaviour[]): void;
  /** Stop listening and drop open connections (slow answers included). */
  close(): Promise<void>;
}

const DEFAULT_TEXT = 'The flow shows a value above the baseline median.';
const DEFAULT_JSON = {
  summary: 'The flow may be unusual in volume.',
  observations: [{ text: 'IN_BYTES may be above the baseline median.', features: ['IN_BYTES'] }],
  caveats: ['Only observable features were available.'],
};

/** Start the stub on 127.0.0.1 with a random port. */
export async function startOpenAIStub(options: StubOptions = {}): Promise<OpenAIStub> {
  const queue = [...(options.behaviours ?? [])];
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    void serve(req, res, options, queue, requests).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: 'stub_error' } });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...behaviours) => void queue.push(...behaviours),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  options: StubOptions,
  queue: StubBehaviour[],
  requests: StubRequest[],
): Promise<void> {
  const raw = await readBody(req);
  const path = (req.url ?? '/').split('?')[0]!;
  if (req.method !== 'POST' || !/^(\/v1)?\/chat\/completions$/.test(path)) {
    sendJson(res, 404, { error: { message: `stub serves POST /v1/chat/completions, not ${req.method} ${path}`, type: 'invalid_request_error' } });
    return;
  }
  let body: ChatBody;
  try {
    body = JSON.parse(raw || '{}') as ChatBody;
  } catch {
    sendJson(res, 400, { error: { message: 'request body is not JSON', type: 'invalid_request_error' } });
    return;
  }
  const retryHeader = req.headers['x-stainless-retry-count'];
  const seen = {
    index: requests.length,
    method: req.method,
    path,
    body,
    responseFormat: body.response_format?.type ?? 'none',
    authorized: typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0,
    retryCount: typeof retryHeader === 'string' ? Number(retryHeader) : undefined,
    arrivedAt: (options.clock ?? (() => performance.now()))(),
  };
  const record: StubRequest = { ...seen, ...(options.recordBodies === false ? { body: { model: body.model } } : {}), answeredWith: 'default' };
  requests.push(record);

  // A rejected response_format consumes no scripted behaviour: the client's fallback call gets it.
  const rejected = (options.rejectResponseFormats as string[] | undefined)?.includes(seen.responseFormat) ?? false;
  const behaviour: StubBehaviour = rejected
    ? { kind: 'error', status: 400, message: `response_format ${seen.responseFormat} is not supported by this server`, code: 'unsupported_response_format' }
    : (queue.shift() ?? (options.handler ? await options.handler(seen) : (options.fallback ?? { kind: 'default' })));
  record.answeredWith = behaviour.kind;
  const usage = await answer(req, res, behaviour, body, options);
  if (usage) record.usage = usage;
}

type Usage = { prompt_tokens: number; completion_tokens: number };

/** Answer one request; returns the usage reported with a 200 answer. */
async function answer(req: IncomingMessage, res: ServerResponse, b: StubBehaviour, body: ChatBody, options: StubOptions): Promise<Usage | undefined> {
  const delay = b.kind === 'slow' ? b.delayMs : (b.latencyMs ?? options.latencyMs ?? 0);
  if (!(await wait(delay, req))) return undefined; // the client hung up (timeout or abort)
  switch (b.kind) {
    case 'rate-limit': {
      const headers: Record<string, string> = {};
      if (b.retryAfterSeconds !== undefined) headers['retry-after'] = String(b.retryAfterSeconds);
      if (b.retryAfterMs !== undefined) headers['retry-after-ms'] = String(b.retryAfterMs);
      sendJson(res, 429, { error: { message: 'Rate limit reached (stub)', type: 'rate_limit_error', code: 'rate_limit_exceeded' } }, headers);
      return undefined;
    }
    case 'error':
      sendJson(res, b.status ?? 500, { error: { message: b.message ?? 'The server had an error (stub)', type: 'server_error', code: b.code ?? null } });
      return undefined;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-stub", "choices": [ {"message": ');
      return undefined;
    case 'truncated': {
      const text = JSON.stringify({ id: 'chatcmpl-stub-cut', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: options.defaultText ?? DEFAULT_TEXT } }] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, text.length >> 1), () => res.destroy());
      return undefined;
    }
    case 'text':
      return sendCompletion(res, body, b.content, b.finishReason);
    case 'json':
      return sendCompletion(res, body, JSON.stringify(b.value));
    case 'slow':
      return sendCompletion(res, body, b.content ?? options.defaultText ?? DEFAULT_TEXT);
    case 'default':
      return sendCompletion(res, body, defaultContent(body, options));
  }
}

let completionCounter = 0;

/** The chat completion the stub answers `body` with, and the usage it bills (shared with the Batch API stub). */
export function completionBody(body: ChatBody, content: string, finishReason = 'stop'): { completion: Record<string, unknown>; usage: Usage } {
  const promptChars = (body.messages ?? []).reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  const prompt_tokens = Math.ceil(promptChars / 4);
  const completion_tokens = Math.ceil(content.length / 4);
  const completion = {
    id: `chatcmpl-stub-${++completionCounter}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? 'stub-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
  };
  return { completion, usage: { prompt_tokens, completion_tokens } };
}

/** The default answer's content: a valid structured answer when the request asks for JSON, else the default text. */
export function defaultContent(body: ChatBody, options: Pick<StubOptions, 'defaultText' | 'defaultJson'>): string {
  const wantsJson = body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object';
  return wantsJson ? JSON.stringify(options.defaultJson ?? DEFAULT_JSON) : (options.defaultText ?? DEFAULT_TEXT);
}

function sendCompletion(res: ServerResponse, body: ChatBody, content: string, finishReason = 'stop'): Usage {
  const { completion, usage } = completionBody(body, content, finishReason);
  sendJson(res, 200, completion);
  return usage;
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': `req-stub-${status}`, ...headers });
  res.end(text);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Resolves true after `ms`, or false as soon as the client closes the connection. */
function wait(ms: number, req: IncomingMessage): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!req.socket.destroyed);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      req.socket.off('close', onClose);
      resolve(!req.socket.destroyed);
    }, ms);
    req.socket.once('close', onClose);
  });
}
