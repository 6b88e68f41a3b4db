import type { RegisterCommand } from '../program.ts';
import { registerIngest } from './ingest.ts';
import { registerExplain } from './explain.ts';
import { registerRun } from './run.ts';
import { registerEnrich } from './enrich.ts';
import { registerScore } from './score.ts';
import { registerBaseline } from './baseline.ts';
import { registerSchema } from './schema.ts';
import { registerCheck } from './check.ts';

/**
 * Every subcommand, in pipeline order. Each module under commands/ exports one `register*` function;
 * add it here (one import, one entry).
 */
export const COMMANDS: readonly RegisterCommand[] = [registerIngest, registerBaseline, registerScore, registerExplain, registerRun, registerEnrich, registerCheck, registerSchema];
