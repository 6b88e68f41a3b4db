import type { Flow } from '../ingest/index.ts';
import { FEATURE_NAMES, FEATURES, type FeatureFormula, type FeatureName, type FlowMeasure, type WindowAggregate } from './registry.ts';
import type { WindowView } from './sliding-windows.ts';

/** Everything a feature is computed from; one reused object per extractor. */
export interface FeatureContext {
  flow: Flow;
  /** The flow's windows; undefined when window features do not apply (no time, late flow). */
  window: WindowView | undefined;
  /** The input carries TCP flags (else src_syn_flows is null). */
  hasFlags: boolean;
}

export type FeatureCompute = (c: FeatureContext) => number | null;

/** `numerator / (duration in s)`; null when the duration is unknown or 0. */
function perSecond(numerator: number, durationMs: number | null): number | null {
  return durationMs === null || durationMs === 0 ? null : numerator / (durationMs / 1000);
}

// One literal closure per case (not one generic reader with a key), so each call site stays monomorphic.
const FLOW_READERS: Record<FlowMeasure, FeatureCompute> = {
  in_bytes: (c) => c.flow.in_bytes,
  in_pkts: (c) => c.flow.in_pkts,
  out_bytes: (c) => c.flow.out_bytes,
  out_pkts: (c) => c.flow.out_pkts,
  // as ingest gave it: a wrapped duration is already null or end − start there
  duration_ms: (c) => c.flow.duration_ms,
};

const RATIOS: Record<string, FeatureCompute> = {
  'in_bytes/in_pkts': (c) => (c.flow.in_pkts === 0 ? null : c.flow.in_bytes / c.flow.in_pkts),
  'in_bytes/duration_s': (c) => perSecond(c.flow.in_bytes, c.flow.duration_ms),
  'in_pkts/duration_s': (c) => perSecond(c.flow.in_pkts, c.flow.duration_ms),
};

/**
 * The aggregates SlidingWindows maintains, by `key:fn[:column]`. A formula asking for one it does
 * not maintain fails at load (and in test/features/computations.test.ts), never silently.
 */
const WINDOW_READERS: Record<string, FeatureCompute> = {
  'src:count': (c) => (c.window ? c.window.src.srcCount : null),
  'dst:count': (c) => (c.window ? c.window.dst.dstCount : null),
  'src:sum:in_pkts': (c) => (c.window ? c.window.src.pktsSum : null),
  'src:sum:in_bytes': (c) => (c.window ? c.window.src.bytesSum : null),
  'src:entropy:protocol': (c) => (c.window ? c.window.src.protocolEntropy() : null),
  'src:syn-count': (c) => (c.window && c.hasFlags ? c.window.src.synFlows : null),
  'src:distinct:dst_port': (c) => (c.window ? c.window.src.distinctDstPorts : null),
  'src:distinct:dst_addr': (c) => (c.window ? c.window.src.distinctDsts : null),
  'dst:distinct:src_addr': (c) => (c.window ? c.window.dst.distinctSrcs : null),
  // null, not 0: no earlier flow from this source in the window (the seed's misreading)
  'src:gap-ms': (c) => (c.window ? c.window.interArrivalMs : null),
};

/** The lookup key of a window aggregate in WINDOW_READERS. */
export function windowAggregateKey(key: 'src' | 'dst', aggregate: WindowAggregate): string {
  return 'column' in aggregate ? `${key}:${aggregate.fn}:${aggregate.column}` : `${key}:${aggregate.fn}`;
}

/** The TypeScript computation of a registry formula. */
export function computeFormula(formula: FeatureFormula): FeatureCompute {
  let compute: FeatureCompute | undefined;
  let what: string;
  switch (formula.of) {
    case 'flow':
      what = formula.column;
      compute = FLOW_READERS[formula.column];
      break;
    case 'ratio':
      what = `${formula.numerator}/${formula.denominator}`;
      compute = RATIOS[what];
      break;
    case 'window':
      what = windowAggregateKey(formula.key, formula.aggregate);
      compute = WINDOW_READERS[what];
      break;
  }
  if (compute === undefined) throw new Error(`The TypeScript feature engine does not compute \`${what}\` (formula ${JSON.stringify(formula)})`);
  return compute;
}

/** How each registry feature is computed, made from its formula. Null means "does not apply", never a stand-in 0. */
export const COMPUTATIONS = Object.fromEntries(FEATURE_NAMES.map((name) => [name, computeFormula(FEATURES[name].formula)])) as Record<
  FeatureName,
  FeatureCompute
>;
