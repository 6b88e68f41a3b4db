import type { FeatureTable } from './deps.ts';
import type { BatchApiOptions, NarrateRequest, Narrative, Provider, TokenUsage } from './deps.ts';
import type { Clock } from './request-pacer.ts';

/** One unit of work: explain this flow's table. */
export interface BatchItem {
  /** Unique within the run; usually the table's flow_id. */
  id: string;
  table: FeatureTable;
  /** Repeat index when the same request is sampled several times. @default 0 */
  sample?: number;
}

/** Prices in US dollars per million tokens, for the cost line of the run summary. */
export interface TokenPrices {
  prompt_per_million: number;
  completion_per_million: number;
}

/** Privacy settings applied to every table before it is rendered for a provider. */
export interface PrivacyOptions {
  /** Replace addresses (and `fields`) with stable placeholders, mapped back in the answer. @default false */
  anonymize?: boolean;
  /** Extra row or identity names whose values are replaced too (e.g. `L7_PROTO`, `src_port`), ignoring case. @default [] */
  fields?: string[];
  /**
   * The only row and identity names that may ever be sent to a provider; undefined = everything.
   * Rows outside the list are removed from the copy sent; identity members are withheld.
   */
  allow?: string[];
}

export interface BatchOptions {
  provider: Provider;
  /** Render the request for one (already anonymized and filtered) table: E's `renderPrompt` bound to a template. */
  render: (table: FeatureTable, sample: number) => NarrateRequest;
  /** Content key of a request (E's `requestKey`): versioned hash, never secrets. */
  requestKey: (request: NarrateRequest) => string;
  /** JSONL results file, appended as each item finishes; read back to resume. */
  resultsFile: string;
  /** Disk cache directory, or false to disable. @default '.flowlens-cache' */
  cacheDir?: string | false;
  /** Calls in flight at once. @default 4 */
  concurrency?: number;
  /** HTTP requests per minute, retries included, spread evenly over the minute. @default unlimited */
  requestsPerMinute?: number;
  /** Estimated tokens (chars / 4 + max_tokens, reconciled with usage) per minute, per HTTP request. @default unlimited */
  tokensPerMinute?: number;
  /** For tests: the clock the RPM/TPM pacer reads. */
  clock?: Clock;
  /** Deadline of one item's provider call, all SDK retries included. @default 120000 */
  timeoutMs?: number;
  /** Rerun items whose last record is a failure. @default false */
  retryFailed?: boolean;
  privacy?: PrivacyOptions;
  prices?: TokenPrices;
  /** Strings scrubbed from every recorded error message (API keys). @default [] */
  secrets?: string[];
  /**
   * Send the items that miss the cache through the OpenAI Batch API instead of one call each
   * (`--batch-api`); `dir` defaults to `batches/` next to the results file.
   */
  batchApi?: Omit<BatchApiOptions, 'dir'> & { dir?: string };
  /** Called after every item is settled (done, failed or skipped). */
  onProgress?: (settled: number, total: number) => void;
  signal?: AbortSignal;
}

/** A finished explanation, as stored in the results JSONL. */
export interface DoneRecord {
  flow_id: string;
  status: 'done';
  at: string;
  sample?: number;
  provider: string;
  model: string;
  template: { id: string; version: string };
  /** Hash of provider, model, template and parameters: a rerun with other settings redoes the item. */
  fingerprint: string;
  text: string;
  structured?: unknown;
  usage?: TokenUsage;
  finish_reason?: string;
  /** The answer was cut at max_tokens, or billed more completion tokens than asked for. */
  warnings?: string[];
  /** Answered from the disk cache: no call was made. */
  cached: boolean;
  /** The provider saw placeholders; `text` has been mapped back to the real values. */
  anonymized: boolean;
}

/** A failed item: error class and message (secrets scrubbed), so `--retry-failed` can rerun it. */
export interface FailedRecord {
  flow_id: string;
  status: 'failed';
  at: string;
  sample?: number;
  provider: string;
  error: { class: string; message: string; status?: number };
}

export type ResultRecord = DoneRecord | FailedRecord;

/** What a run did. `done + failed + skipped === total`, always. */
export interface RunSummary {
  total: number;
  /** Explained in this run (fresh calls and cache hits). */
  done: number;
  /** Of `done`, answered from the cache. */
  cached: number;
  /** Failed in this run, or failed earlier and not retried (see `failedEarlier`). */
  failed: number;
  /** Of `failed`, failures from an earlier run left alone (no `retryFailed`). */
  failedEarlier: number;
  /** Already done in an earlier run (resume). */
  skipped: number;
  /** Flows sent to the provider in this run (cache hits and resumed flows are not). */
  sent: number;
  /** Chat requests made for them: one per flow, plus repair turns and structured-output fallbacks. */
  requests: number;
  /** HTTP requests the endpoint received: the requests plus the SDK's retries. */
  attempts: number;
  /** Answers the endpoint billed (reported usage), including ones rejected afterwards. */
  billed: number;
  /** Tokens of every billed answer of this run. */
  usage: TokenUsage;
  cost?: { currency: 'USD'; prompt: number; completion: number; total: number; pricing: 'online' | 'batch' };
  /** What the Batch API did, when the run went through it (`sent` is then the requests in batches created by this run). */
  batches?: { submitted: number; resumed: number; calls: number; polls: number; unanswered: number; dir: string };
  elapsedMs: number;
  resultsFile: string;
  /** Things the user should know about the settings (e.g. an `--anonymize-fields` name no table has). */
  warnings: string[];
  /** The final record of every item, in item order. */
  records: ResultRecord[];
}

export type { Narrative };
