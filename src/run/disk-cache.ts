import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  private readonly made = new Set<string>();

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

  /** Store an answer atomically (temp file + rename), so a kill never leaves a half entry. */
  set(key: string, narrative: Narrative): void {
    const { folder, file } = this.pathOf(key);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    const entry: CacheEntry = { format: CACHE_FORMAT, key, narrative };
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  }
}

function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_') || 'provider';
}
