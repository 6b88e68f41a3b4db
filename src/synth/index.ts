/**
 * synth: seeded, deterministic synthetic flows (nProbe NF-v3-style CSV) with labelled injected
 * scenarios and the seed flow, for the demo and the benchmarks.
 */
export { generateSynthFlows, DEFAULT_SYNTH_FLOWS, DEFAULT_SYNTH_SEED, DEFAULT_FLOWS_PER_SECOND } from './generate-synth-flows.ts';
export type { NumberedFlow, SynthOptions } from './generate-synth-flows.ts';
export { synthCsvChunks, writeSynthCsv } from './write-synth-csv.ts';
export { SCENARIO_NAMES, SEED_ID, SEED_START_MS } from './scenarios.ts';
export type { ScenarioName } from './scenarios.ts';
export { SYNTH_HEADER, BENIGN } from './synth-flow.ts';
export type { SynthFlow } from './synth-flow.ts';
export { Prng } from './prng.ts';
