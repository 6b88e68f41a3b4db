import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallStats } from './call-provider.ts';
import type { BatchApiStats } from './deps.ts';
import type { ResultRecord } from './types.ts';

/** Flow ids shown in the warning line; the file beside the batch state holds them all. */
const SHOWN = 10;

/** A Batch API run in the summary's terms: each flow sent is one request, one HTTP line of a batch (no retries). */
export function batchCallStats(stats: BatchApiStats): CallStats {
  return { sent: stats.sent, requests: stats.sent, attempts: stats.sent, billed: stats.billed, usage: stats.usage };
}

/**
 * List the flows whose last record is a failure (a batch's error line, an expired batch's unanswered
 * request, an answer rejected by validation) in `failed.txt` beside the batch state, one id a line,
 * and as a warning line: `--retry-failed` resubmits exactly those.
 */
export function listFailed(records: readonly ResultRecord[], dir: string): string[] {
  const failed = records.filter((r) => r?.status === 'failed').map((r) => r.flow_id);
  const file = join(dir, 'failed.txt');
  writeFileSync(file, failed.map((id) => `${id}\n`).join(''));
  if (failed.length === 0) return [];
  const shown = failed.slice(0, SHOWN).join(', ') + (failed.length > SHOWN ? `, … (${failed.length - SHOWN} more)` : '');
  return [`${failed.length} flow${failed.length === 1 ? '' : 's'} failed or left unanswered by their batch: ${shown}; all in ${file}; --retry-failed resubmits only those`];
}
