import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Narrative } from './types.ts';

const CACHE_FORMAT = 1;

interface CacheEntry {
  format: number;
  key: string;
  narrative: Narrative;
}

/**
 * Content-addressed answer cache: one JSON file per request key, under the provider's id so an
 * offline answer never stands in for a model's. Only successes are written; keys come from
 * `requestKey`, which hashes the request without headers or API keys.
 */
export class DiskCache {
  private readonly made = new Map<string, Promise<unknown>>();
  private readonly writes = new Set<Promise<void>>();

  constructor(
    readonly dir: string,
    private readonly providerId: string,
  ) {}

  private pathOf(key: string): { folder: string; file: string } {
    const hash = createHash('sha256').update(key).digest('hex');
    const folder = join(this.dir, safeSegment(this.providerId), hash.slice(0, 2));
    return { folder, file: join(folder, `${hash}.json`) };
  }

  /** The cached answer, or undefined on a miss (or an unreadable entry, which is then just recomputed). */
  get(key: string): Narrative | undefined {
    const { file } = this.pathOf(key);
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
      return entry.format === CACHE_FORMAT && entry.key === key ? entry.narrative : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Store an answer atomically (temp file + rename), so a kill never leaves a half entry. The write
   * runs off the event loop (synchronous disk writes stalled every request in flight); `flush`
   * waits for all of them. A failed write only costs a future cache miss.
   */
  set(key: string, narrative: Narrative): void {
    const { folder, file } = this.pathOf(key);
    let made = this.made.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.made.set(folder, made);
    }
    const entry: CacheEntry = { format: CACHE_FORMAT, key, narrative };
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const write = made
      .then(() => writeFile(tmp, JSON.stringify(entry)))
      .then(() => rename(tmp, file))
      .catch(() => undefined)
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  /** Wait until every `set` so far is on disk. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }
}

function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_') || 'provider';
}
