/**
 * Error classes for every failure a user can act on. Each carries the context needed to fix
 * the input (file, line, field, value, what was expected); the original error is kept as `cause`.
 */

/** Root of every error flowlens throws on purpose. */
export class FlowlensError extends Error {
  override readonly name: string = 'FlowlensError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface InputErrorContext {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  value?: unknown;
  expected?: string | undefined;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = text !== undefined && text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `, got \`${shown}\` (${value === null ? 'null' : typeof value})`;
}

function describeWhere(file: string, line?: number): string {
  return line === undefined ? file : `${file}:${line}`;
}

/** Bad input data: a row, a column, a file. Message form: "Expected `x` to be …, got `v` (type) at file:line". */
export class InputError extends FlowlensError {
  override readonly name: string = 'InputError';
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly value: unknown;
  readonly expected: string | undefined;
  constructor(context: InputErrorContext, reason?: string, options?: { cause?: unknown }) {
    const where = describeWhere(context.file, context.line);
    const message =
      reason !== undefined
        ? `${reason} at ${where}`
        : `Expected \`${context.field ?? 'value'}\` to be ${context.expected ?? 'valid'}${describeValue(context.value)} at ${where}`;
    super(message, options);
    this.file = context.file;
    this.line = context.line;
    this.field = context.field;
    this.value = context.value;
    this.expected = context.expected;
  }
}

/** A required column is absent: names the column and shows the header that was found. */
export class MissingColumnError extends InputError {
  override readonly name: string = 'MissingColumnError';
  readonly header: readonly string[];
  constructor(file: string, column: string, header: readonly string[], format?: string) {
    super(
      { file, line: 1, field: column, expected: 'a column in the header' },
      `Missing required column \`${column}\`${format ? ` for format ${format}` : ''}; the header has: ${header.join(', ') || '(empty)'}`,
    );
    this.header = header;
  }
}

/** One input row that cannot become a Flow; ingest quarantines it (file, line, field, value, reason) and goes on. */
export class BadRowError extends InputError {
  override readonly name: string = 'BadRowError';
  /** Short reason for the quarantine record, without the location. */
  readonly reason: string;
  constructor(context: InputErrorContext & { line: number }, reason: string) {
    super(context, reason);
    this.reason = reason;
  }
}

/** An input that gave no flow at all: empty, a header only, another format than --format says, or every row quarantined. */
export class NoFlowsError extends InputError {
  override readonly name: string = 'NoFlowsError';
  constructor(file: string, reason: string) {
    super({ file, expected: 'at least one flow' }, reason);
  }
}

/** An output path that cannot be created or written (a missing parent that cannot be made, no permission, a file in the way). */
export class OutputError extends FlowlensError {
  override readonly name: string = 'OutputError';
  constructor(
    readonly path: string,
    /** The flag that named it (`--out`, `--scores` …), for the message. */
    readonly flag: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot write ${path} (${flag}): ${message}`, options);
  }
}

/** Too many rows were quarantined for the run to be trusted. */
export class BadRatioError extends FlowlensError {
  override readonly name: string = 'BadRatioError';
  constructor(
    readonly file: string,
    readonly bad: number,
    readonly total: number,
    readonly maxRatio: number,
    /** Set when the run stopped before the end of the input: the physical line of the last row read. */
    readonly stoppedAtLine?: number,
  ) {
    super(
      `${bad} of ${total} rows in ${file} were quarantined (${((100 * bad) / Math.max(total, 1)).toFixed(2)} %), above --max-bad-ratio ${maxRatio}` +
        (stoppedAtLine === undefined ? '' : `; the run stopped at line ${stoppedAtLine}`),
    );
  }
}

/** A configuration value (flag, config file, environment) that cannot be used. */
export class ConfigError extends FlowlensError {
  override readonly name: string = 'ConfigError';
  constructor(
    readonly key: string,
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${message} (\`${key}\` from ${source})`, options);
  }
}

/** A template that cannot be loaded or rendered: names the template file and the variable. */
export class TemplateError extends FlowlensError {
  override readonly name: string = 'TemplateError';
  constructor(
    readonly template: string,
    message: string,
    readonly variable?: string,
    options?: { cause?: unknown },
  ) {
    super(`${template}: ${message}`, options);
  }
}

/** An LLM call that failed for good (after the SDK's own retries). */
export class ProviderError extends FlowlensError {
  override readonly name: string = 'ProviderError';
  constructor(
    readonly provider: string,
    message: string,
    readonly status?: number,
    readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(`${provider}: ${message}`, options);
  }
}

/** A model answer that is not the narrative or object the prompt asked for. */
export class NarrativeFormatError extends FlowlensError {
  override readonly name: string = 'NarrativeFormatError';
  constructor(
    message: string,
    readonly text: string,
    readonly finishReason?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A replay cassette has no answer for this request. */
export class CassetteMissError extends FlowlensError {
  override readonly name: string = 'CassetteMissError';
  constructor(
    readonly key: string,
    readonly dir: string,
  ) {
    super(`No recorded response for request key ${key} in ${dir}; record it with --record`);
  }
}

/** A baseline file that is corrupt, from another version, or fitted on other features. */
export class BaselineError extends FlowlensError {
  override readonly name: string = 'BaselineError';
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** A provider call that passed the batch runner's per-request deadline (all SDK retries included). */
export class RequestTimeoutError extends ProviderError {
  override readonly name: string = 'RequestTimeoutError';
  constructor(
    provider: string,
    readonly timeoutMs: number,
  ) {
    super(provider, `no answer within ${timeoutMs} ms (per-request timeout)`);
  }
}

/**
 * A Batch API call (upload, create, poll, download) that failed after the SDK's own retries, or a
 * batch file that cannot be read. The batch ids are saved before this is thrown: a rerun resumes.
 */
export class BatchApiError extends ProviderError {
  override readonly name: string = 'BatchApiError';
  constructor(
    readonly step: 'split' | 'upload' | 'create' | 'poll' | 'download' | 'state',
    message: string,
    readonly batchId?: string,
    status?: number,
    options?: { cause?: unknown },
  ) {
    super('openai batch', `${step}${batchId ? ` (${batchId})` : ''}: ${message}`, status, undefined, options);
  }
}

/** A flow a batch ended without answering (expired, cancelled, or missing from its files). */
export class BatchUnansweredError extends ProviderError {
  override readonly name: string = 'BatchUnansweredError';
  constructor(
    readonly batchId: string,
    readonly batchStatus: string,
  ) {
    super('openai batch', `batch ${batchId} ended ${batchStatus} without answering this flow; --retry-failed resubmits it`);
  }
}
