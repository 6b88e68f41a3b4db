import type { RegisterCommand } from '../program.ts';
import { registerIngest } from './ingest.ts';
import { registerFeatures } from './features.ts';
import { registerSynth } from './synth.ts';
import { registerExplain } from './explain.ts';
import { registerRun } from './run.ts';
import { registerEnrich } from './enrich.ts';
import { registerScore } from './score.ts';
import { registerBaseline } from './baseline.ts';
import { registerSchema } from './schema.ts';
import { registerCheck } from './check.ts';
import { registerEval } from './eval.ts';

/**
 * Every subcommand, in pipeline order. Each module under commands/ exports one `register*` function;
 * add it here (one import, one entry).
 */
export const COMMANDS: readonly RegisterCommand[] = [registerSynth, registerIngest, registerFeatures, registerBaseline, registerScore, registerExplain, registerRun, registerEnrich, registerCheck, registerEval, registerSchema];
