import type { RegisterCommand } from '../program.ts';

/**
 * Every subcommand, in pipeline order. Each module under commands/ exports one `register*` function;
 * add it here (one import, one entry).
 */
export const COMMANDS: readonly RegisterCommand[] = [];
