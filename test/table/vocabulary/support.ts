import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared/data/real beside the repository; FLOWLENS_REAL_DATA points elsewhere (a git worktree has no ../shared). */
export const REAL = process.env.FLOWLENS_REAL_DATA ?? resolve(import.meta.dirname, '../../../../shared/data/real');
export const realPresent = existsSync(REAL);
