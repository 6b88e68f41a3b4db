import { setTimeout as sleep } from 'node:timers/promises';
import { TERMINAL_STATUSES, type BatchClient, type BatchInfo } from './batch-client.ts';

/** How often batches are polled: from `intervalMs`, ×1.5 after each round, up to `maxIntervalMs`. */
export interface PollOptions {
  /** @default 5000 */
  intervalMs?: number;
  /** @default 60000 */
  maxIntervalMs?: number;
  signal?: AbortSignal | undefined;
}

/** Where the batches stand after a round of polls, for the progress line. */
export interface PollRound {
  batches: number;
  /** Batches by status. */
  statuses: Record<string, number>;
  /** Requests in those batches, and how many have finished or failed so far (the endpoint's counts). */
  requests: number;
  completed: number;
  failed: number;
  /** Milliseconds until the next round; 0 after the last. */
  nextPollMs: number;
}

const BACKOFF = 1.5;

/**
 * Poll every batch until it is terminal (completed, failed, expired, cancelled), handing each to
 * `onTerminal` as soon as it ends, so a run's answers land as their batch finishes. Returns the polls made.
 */
export async function pollBatches(
  client: BatchClient,
  batchIds: readonly string[],
  onTerminal: (info: BatchInfo) => Promise<void>,
  options: PollOptions & { onRound?: (round: PollRound) => void; sizes?: ReadonlyMap<string, number> } = {},
): Promise<number> {
  const maxInterval = options.maxIntervalMs ?? 60_000;
  let interval = Math.min(options.intervalMs ?? 5_000, maxInterval);
  const open = new Set(batchIds);
  const latest = new Map<string, BatchInfo>();
  let polls = 0;
  while (open.size > 0) {
    for (const id of [...open]) {
      const info = await client.retrieve(id);
      polls++;
      latest.set(id, info);
      if (!TERMINAL_STATUSES.has(info.status)) continue;
      await onTerminal(info);
      open.delete(id);
    }
    options.onRound?.(roundOf([...latest.values()], open.size > 0 ? interval : 0, options.sizes));
    if (open.size === 0) break;
    await sleep(interval, undefined, options.signal ? { signal: options.signal } : {});
    interval = Math.min(maxInterval, Math.ceil(interval * BACKOFF));
  }
  return polls;
}

function roundOf(batches: readonly BatchInfo[], nextPollMs: number, sizes: ReadonlyMap<string, number> | undefined): PollRound {
  const round: PollRound = { batches: batches.length, statuses: {}, requests: 0, completed: 0, failed: 0, nextPollMs };
  for (const b of batches) {
    round.statuses[b.status] = (round.statuses[b.status] ?? 0) + 1;
    round.requests += b.request_counts?.total || sizes?.get(b.id) || 0;
    round.completed += b.request_counts?.completed ?? 0;
    round.failed += b.request_counts?.failed ?? 0;
  }
  return round;
}

/** The progress line of a round, e.g. `batch-api: 2 batches (1 in_progress, 1 completed): 600/1000 requests done, 3 failed; next poll in 15 s`. */
export function formatPollRound(r: PollRound): string {
  const statuses = Object.entries(r.statuses).map(([s, n]) => `${n} ${s}`).join(', ');
  const next = r.nextPollMs > 0 ? `; next poll in ${r.nextPollMs >= 1000 ? `${Math.round(r.nextPollMs / 1000)} s` : `${r.nextPollMs} ms`}` : '';
  return `batch-api: ${r.batches} batch${r.batches === 1 ? '' : 'es'} (${statuses}): ${r.completed + r.failed}/${r.requests} requests done, ${r.failed} failed${next}`;
}
