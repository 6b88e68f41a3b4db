import { createHash } from 'node:crypto';
import { mkdir, readFileSync, rename, writeFile } from 'node:fs';
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
  private readonly made = new Map<string, Promise<void>>();
  private readonly writes = new Set<Promise<void>>();

  constructor(
    readonly dir: string,
    private readonly providerId: string,
  ) {}

  private pathOf(key: string): { folder: string; file: string } {
    const hash = createHash('sha256').update(key).digest('hex');
    // One flat folder per provider: a per-prefix fan-out cost a mkdir per folder for little gain.
    const folder = join(this.dir, safeSegment(this.providerId));
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
      made = new Promise<void>((resolve) => mkdir(folder, { recursive: true }, () => resolve()));
      this.made.set(folder, made);
    }
    const text = JSON.stringify({ format: CACHE_FORMAT, key, narrative } satisfies CacheEntry);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    // Callback fs (not fs/promises): the same threadpool work with a fraction of the main-thread cost.
    const write = made.then(
      () =>
        new Promise<void>((resolve) => {
          writeFile(tmp, text, (error) => (error ? resolve() : rename(tmp, file, () => resolve())));
        }),
    );
    this.writes.add(write);
    void write.then(() => this.writes.delete(write));
  }

  /** Wait until every `set` so far is on disk. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }
}

function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_') || 'provider';
}
