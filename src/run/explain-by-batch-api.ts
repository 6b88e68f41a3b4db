import { ProviderError } from '../errors.ts';
import { runBatchApi, type BatchApiOptions, type BatchApiStats, type BatchOutcome } from './deps.ts';
import type { NarrateRequest } from './deps.ts';

/** An item waiting for the Batch API: its record id (the line's `custom_id`), request and request key. */
export interface QueuedItem<T> {
  id: string;
  key: string;
  request: NarrateRequest;
  item: T;
}

/**
 * Send the items that missed the cache through the Batch API, one request per record id (two items
 * with the same id and request share an answer, as identical online calls do), and hand each
 * item its outcome as its batch ends.
 */
export function explainByBatchApi<T>(queued: readonly QueuedItem<T>[], options: BatchApiOptions, onOutcome: (item: T, outcome: BatchOutcome) => void): Promise<BatchApiStats> {
  const byId = new Map<string, QueuedItem<T>[]>();
  for (const q of queued) byId.set(q.id, [...(byId.get(q.id) ?? []), q]);
  const entries = [...byId.values()].map(([first]) => ({ customId: first!.id, key: first!.key, request: first!.request }));
  return runBatchApi(entries, options, (entry, outcome) => {
    for (const q of byId.get(entry.customId)!) {
      const same = q.key === entry.key;
      onOutcome(q.item, same ? outcome : { error: new ProviderError('openai batch', `another item has the flow id ${JSON.stringify(q.id)} with a different request; a batch holds one request per id`) });
    }
  });
}
