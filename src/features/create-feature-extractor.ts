import { ConfigError } from '../errors.ts';
import type { Flow } from '../ingest/index.ts';
import { COMPUTATIONS, type FeatureContext } from './computations.ts';
import { DEFAULT_WINDOW_MS, FEATURE_NAMES, type FeatureValues } from './registry.ts';
import { SlidingWindows } from './sliding-windows.ts';

/** Options for createFeatureExtractor. */
export interface FeatureExtractorOptions {
  /** Sliding-window length W in ms: the window of a flow starting at t is [t − W, t]. @default 60000 */
  windowMs?: number;
  /** The input has start times; when false every window feature is null. */
  hasTime: boolean;
  /** The input has TCP flags; when false src_syn_flows is null. */
  hasFlags: boolean;
}

/** A streaming extractor: feed flows in (start time, input order), one call per flow. */
export interface FeatureExtractor {
  next(flow: Flow): FeatureValues;
}

/**
 * Build the row with one object literal generated from the registry: every row gets the same shape
 * in one allocation, instead of 18 keyed stores through a megamorphic cache (measured ~2x slower).
 */
function compileRowBuilder(): (context: FeatureContext) => FeatureValues {
  const computes = FEATURE_NAMES.map((name) => COMPUTATIONS[name]);
  const body = `return { ${FEATURE_NAMES.map((name, i) => `${JSON.stringify(name)}: computes[${i}](context)`).join(', ')} };`;
  return new Function('computes', `return function buildRow(context) { ${body} };`)(computes) as (context: FeatureContext) => FeatureValues;
}

/**
 * Create a streaming feature extractor (DESIGN.md "Features"). Each flow costs O(1) amortised and
 * memory is bounded by what the window holds. Window features are null for an input without time,
 * for a flow without a start, and for a late flow (a `late-flow` note, or a start earlier than a flow
 * already seen): such flows are not inserted, so they never distort the windows of others.
 *
 * @example
 * const extractor = createFeatureExtractor({ hasTime: true, hasFlags: true });
 * for (const flow of flows) rows.push(extractor.next(flow));
 */
export function createFeatureExtractor(options: FeatureExtractorOptions): FeatureExtractor {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  if (!(windowMs >= 0 && Number.isFinite(windowMs))) {
    throw new ConfigError('windowMs', 'options', `Expected \`windowMs\` to be a finite number >= 0, got \`${windowMs}\` (${typeof windowMs})`);
  }
  const windows = new SlidingWindows(windowMs);
  const buildRow = compileRowBuilder();
  const context: FeatureContext = { flow: undefined as unknown as Flow, window: undefined, hasFlags: options.hasFlags };
  return {
    next(flow) {
      context.flow = flow;
      context.window = undefined;
      const start = flow.start_ms;
      if (options.hasTime && start !== null && start >= windows.latestStart && !isLate(flow)) {
        context.window = windows.insert(flow, start);
      }
      return buildRow(context);
    },
  };
}

function isLate(flow: Flow): boolean {
  const notes = flow.notes;
  for (let i = 0; i < notes.length; i++) if (notes[i]!.code === 'late-flow') return true;
  return false;
}
