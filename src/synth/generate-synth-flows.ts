import { createAddressBook } from './address-book.ts';
import { backgroundFlows } from './background.ts';
import { Prng } from './prng.ts';
import { beacon, bulkUpload, dnsTunnel, portScan, SEED_ID, SEED_START_MS, seedFlows, synFlood } from './scenarios.ts';
import type { SynthFlow } from './synth-flow.ts';

/** Options for the synthetic flow generator. */
export interface SynthOptions {
  /** Flows to generate. @default 20000 */
  flows?: number;
  /** PRNG seed: the same seed gives the same flows, byte for byte. @default 42 */
  seed?: number;
  /** Average flows per second of flow time (sets the time span and how full a window is). @default 6 */
  flowsPerSecond?: number;
}

export const DEFAULT_SYNTH_FLOWS = 20_000;
export const DEFAULT_SYNTH_SEED = 42;
export const DEFAULT_FLOWS_PER_SECOND = 6;
const SCENARIO_FLOWS = 250 + 300 + 5 + 60 + 150 + 3;

/** A generated flow and the id it is written under. */
export interface NumberedFlow {
  id: number;
  flow: SynthFlow;
}

/**
 * Generate synthetic flows in start-time order, streaming (memory does not grow with `flows`):
 * background traffic merged with the injected scenarios, placed at fixed fractions of the time span,
 * and the seed flow at 40 % of it (so the span starts before 2019-10-02 07:53:06 UTC).
 * Ids count from 1, skipping the seed's 3943031.
 *
 * @example
 * for (const { id, flow } of generateSynthFlows({ flows: 1000, seed: 7 })) …
 */
export function* generateSynthFlows(options: SynthOptions = {}): Generator<NumberedFlow> {
  const total = options.flows ?? DEFAULT_SYNTH_FLOWS;
  const rate = options.flowsPerSecond ?? DEFAULT_FLOWS_PER_SECOND;
  const prng = new Prng(options.seed ?? DEFAULT_SYNTH_SEED);
  const spanMs = (total / rate) * 1000;
  const t0 = SEED_START_MS - Math.round((0.4 * spanMs) / 1000) * 1000;
  const at = (fraction: number): number => t0 + Math.round(fraction * spanMs);
  const backgroundRate = Math.max(total / 2, total - SCENARIO_FLOWS) / (spanMs / 1000);
  // each stream draws from its own generator, so the scenarios do not shift with the background
  const sources: Iterator<SynthFlow>[] = [
    backgroundFlows(new Prng(prng.next() * 2 ** 32), createAddressBook(new Prng(prng.next() * 2 ** 32)), t0, backgroundRate),
    beacon(new Prng(prng.next() * 2 ** 32), at(0.08)),
    portScan(new Prng(prng.next() * 2 ** 32), at(0.15)),
    synFlood(new Prng(prng.next() * 2 ** 32), at(0.28)),
    seedFlows(new Prng(prng.next() * 2 ** 32)),
    bulkUpload(new Prng(prng.next() * 2 ** 32), at(0.33)),
    dnsTunnel(new Prng(prng.next() * 2 ** 32), at(0.62)),
  ];
  const heads: (SynthFlow | undefined)[] = sources.map((s) => s.next().value as SynthFlow | undefined);
  let nextId = 1;
  for (let n = 0; n < total; n++) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h !== undefined && (best < 0 || h.start < heads[best]!.start)) best = i;
    }
    const flow = heads[best]!;
    const next = sources[best]!.next();
    heads[best] = next.done ? undefined : next.value;
    if (nextId === SEED_ID) nextId++;
    yield { id: flow.id ?? nextId++, flow };
  }
}
