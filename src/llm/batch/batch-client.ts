import type OpenAI from 'openai';
import { z } from 'zod';
import { BatchApiError, FlowlensError } from '../../errors.ts';
import { scrub, toProviderError } from '../providers/openai-errors.ts';
import { loadOpenAI } from '../providers/openai-sdk.ts';
import { BATCH_ENDPOINT } from './batch-lines.ts';

export interface BatchClientOptions {
  baseURL?: string | undefined;
  apiKey?: string | undefined;
  /** SDK retries of each Files/Batches call. @default 2 */
  maxRetries?: number;
  /** SDK timeout of one attempt, in ms. @default 60000 */
  timeoutMs?: number;
  /** For tests: the fetch the SDK uses. */
  fetch?: typeof fetch;
}

/** A batch as flowlens reads it, validated at the edge. */
const BatchSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['validating', 'failed', 'in_progress', 'finalizing', 'completed', 'expired', 'cancelling', 'cancelled']),
  input_file_id: z.string(),
  output_file_id: z.string().nullish(),
  error_file_id: z.string().nullish(),
  request_counts: z.object({ total: z.number(), completed: z.number(), failed: z.number() }).nullish(),
  errors: z.object({ data: z.array(z.object({ code: z.string().nullish(), message: z.string().nullish(), line: z.number().nullish() })).nullish() }).nullish(),
});
export type BatchInfo = z.infer<typeof BatchSchema>;

/** Statuses after which a batch changes no more. */
export const TERMINAL_STATUSES: ReadonlySet<BatchInfo['status']> = new Set(['completed', 'failed', 'expired', 'cancelled']);

/**
 * The Files and Batches API through the real `openai` SDK (its retries, its backoff). Every failure
 * after those retries is a `BatchApiError` naming the step and batch; keys are scrubbed.
 */
export class BatchClient {
  /** Files/Batches calls made (each may hide SDK retries). */
  calls = 0;
  /** Made at the first call (the SDK is loaded then: openai-sdk.ts). */
  private clientMade: Promise<OpenAI> | undefined;
  private readonly makeClient: () => Promise<OpenAI>;
  private readonly secrets: string[];
  private readonly limits: { timeoutMs: number; maxRetries: number };

  constructor(options: BatchClientOptions) {
    this.secrets = options.apiKey ? [options.apiKey] : [];
    this.limits = { timeoutMs: options.timeoutMs ?? 60_000, maxRetries: options.maxRetries ?? 2 };
    this.makeClient = async () =>
      new (await loadOpenAI()).default({
        apiKey: options.apiKey ?? 'no-key',
        maxRetries: this.limits.maxRetries,
        timeout: this.limits.timeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      });
  }

  private client(): Promise<OpenAI> {
    return (this.clientMade ??= this.makeClient());
  }

  /** Upload a batch input file (`purpose: batch`); its file id. */
  async upload(text: string, filename: string): Promise<string> {
    const file = await this.call('upload', undefined, async () => (await this.client()).files.create({ file: await (await loadOpenAI()).toFile(Buffer.from(text), filename, { type: 'application/jsonl' }), purpose: 'batch' }));
    return file.id;
  }

  /** Create a batch of chat completions over an uploaded file, with the 24 h window. */
  async create(inputFileId: string, metadata: Record<string, string>): Promise<BatchInfo> {
    const batch = await this.call('create', undefined, async () => (await this.client()).batches.create({ input_file_id: inputFileId, endpoint: BATCH_ENDPOINT, completion_window: '24h', metadata }));
    return this.valid('create', batch);
  }

  /** The batch already made from this input file, if a create answered after a crash cut the state write. */
  async findByInputFile(inputFileId: string): Promise<BatchInfo | undefined> {
    return this.call('create', undefined, async () => {
      for await (const batch of (await this.client()).batches.list({ limit: 100 })) {
        if (batch.input_file_id === inputFileId) return this.valid('create', batch);
      }
      return undefined;
    });
  }

  async retrieve(batchId: string): Promise<BatchInfo> {
    return this.valid('poll', await this.call('poll', batchId, async () => (await this.client()).batches.retrieve(batchId)), batchId);
  }

  /** A file's whole content as text (output and error files). */
  async download(fileId: string, batchId: string): Promise<string> {
    return this.call('download', batchId, async () => (await (await this.client()).files.content(fileId)).text());
  }

  private async call<T>(step: BatchApiError['step'], batchId: string | undefined, run: () => Promise<T>): Promise<T> {
    this.calls++;
    try {
      return await run();
    } catch (error) {
      if (error instanceof FlowlensError) throw error;
      const mapped = toProviderError(error, 'openai batch', this.secrets, this.limits);
      const status = (mapped as { status?: number }).status;
      // A batch the endpoint no longer knows would stop every rerun: say how to let go of it.
      const hint = step === 'poll' && status === 404 ? '; if this batch is gone for good, remove its entry from state.json and rerun' : '';
      throw new BatchApiError(step, `${scrub(mapped.message, this.secrets)}${hint}`, batchId, status, { cause: mapped });
    }
  }

  private valid(step: BatchApiError['step'], value: unknown, batchId?: string): BatchInfo {
    const parsed = BatchSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new BatchApiError(step, `the endpoint answered with an unexpected batch object: \`${issue.path.join('.')}\` ${issue.message}`, batchId);
  }
}
