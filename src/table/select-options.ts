import { DEFAULT_WINDOW_MS } from '../features/index.ts';
import type { ReadFlowsOptions } from '../ingest/index.ts';
import { ConfigError } from '../errors.ts';
import { DEFAULT_SCORER, SCORER_NAMES, type ScorerName } from '../score/index.ts';

/** Options of selectTables (and `flowlens score`). */
export interface SelectOptions {
  /** @default DEFAULT_SCORER ('isolation-forest', chosen by measured quality) */
  scorer?: ScorerName;
  /** Keep the N highest scores. @default 10 when neither threshold nor ids is given */
  top?: number;
  /** Keep every flow scoring at or above this. */
  threshold?: number;
  /** Keep these flow ids (the input's own ids). */
  ids?: string[];
  /** Sliding window for window features. @default 60000 */
  windowMs?: number;
  /** Fit the baseline on this flow file instead of the input. */
  baseline?: string;
  /** Load a saved baseline (`flowlens baseline fit`) instead of fitting one. */
  baselineFile?: string;
  /** Take an upstream detector's score from this input column instead of scoring. */
  scoreColumn?: string;
  /** Write every flow's id, score, rank and label columns here (JSONL). */
  scoresFile?: string;
  ingest?: ReadFlowsOptions;
  /** Progress: phase and flows done so far. */
  onProgress?: (phase: 'fit' | 'score' | 'scores-file', flows: number) => void;
}

export type Selection = { kind: 'top'; top: number } | { kind: 'threshold'; threshold: number } | { kind: 'ids'; ids: string[] };

export const DEFAULT_TOP = 10;

/** Validate the selection flags once, at the edge: exactly one of top / threshold / ids. */
export function resolveSelection(options: SelectOptions): Selection {
  const given = [options.top !== undefined, options.threshold !== undefined, options.ids !== undefined].filter(Boolean).length;
  if (given > 1) throw new ConfigError('top', 'flags', 'Give only one of --top, --threshold and --ids');
  if (options.threshold !== undefined) {
    if (!Number.isFinite(options.threshold)) throw new ConfigError('threshold', 'flags', `Expected \`--threshold\` to be a finite number, got \`${options.threshold}\``);
    return { kind: 'threshold', threshold: options.threshold };
  }
  if (options.ids !== undefined) {
    const ids = options.ids.map((id) => id.trim()).filter((id) => id !== '');
    if (ids.length === 0) throw new ConfigError('ids', 'flags', 'Expected `--ids` to list at least one flow id');
    return { kind: 'ids', ids };
  }
  const top = options.top ?? DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 1) {
    throw new ConfigError('top', 'flags', `Expected \`--top\` to be a whole number ≥ 1, got \`${top}\`; to score without explaining any flow, use --scores with --ids`);
  }
  return { kind: 'top', top };
}

/** Resolve scorer and window with their defaults, validated. */
export function resolveScoring(options: SelectOptions): { scorer: ScorerName; windowMs: number } {
  if (options.baseline !== undefined && options.baselineFile !== undefined) {
    throw new ConfigError('baseline', 'flags', 'Give only one of --baseline (fit on a flow file) and --baseline-file (a saved baseline)');
  }
  const scorer = options.scorer ?? DEFAULT_SCORER;
  if (!SCORER_NAMES.includes(scorer)) {
    throw new ConfigError('scorer', 'flags', `Expected \`--scorer\` to be one of ${SCORER_NAMES.join(', ')}, got \`${String(scorer)}\``);
  }
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new ConfigError('window', 'flags', `Expected \`--window\` to be a positive duration, got \`${windowMs}\` ms`);
  return { scorer, windowMs };
}
