import { tokenizeKey } from '../deps.ts';
import { sharedMemo } from './shared-memo.ts';

/** A row key's words, split once across tables: every table's facts read the same keys again. */
export const keyTokens = sharedMemo(tokenizeKey);
