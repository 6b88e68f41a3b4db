import type { FeatureValues, FlowFeatures } from '../features/index.ts';
import type { Flow } from '../ingest/index.ts';
import { SCORE_BLOCK, TopHeap, type ScoreResult } from '../score/index.ts';
import type { FlowScorer } from './flow-scorer.ts';
import type { Selection } from './select-options.ts';

export interface Candidate {
  order: number;
  flow: Flow;
  features: FeatureValues;
  result: ScoreResult;
}

export interface PassResult {
  /** Every flow's score, in input order (8 bytes a flow: the one thing that grows with the input). */
  scores: Float64Array;
  candidates: Candidate[];
  missingIds: string[];
}

/** Blocks scored at once while more are read. */
const IN_FLIGHT = 2;


interface Scored {
  order: number;
  flow: Flow;
  features: FeatureValues;
  score: number;
}

/**
 * One streaming pass over flows and their features (extractFeatures' batches): score every flow, keep only what the selection needs (a bounded top-N heap,
 * the flows at or above a threshold, or the listed ids), and every score for ranking. Only the kept
 * flows are scored again with attribution, at the end (the forest's attribution walk is the slow one).
 */
export async function scorePass(
  rows: AsyncIterable<readonly FlowFeatures[]> | Iterable<readonly FlowFeatures[]>,
  scorer: FlowScorer,
  selection: Selection,
  onProgress?: (flows: number) => void,
  onBatch?: (batch: readonly { flow: Flow }[]) => Promise<void>,
): Promise<PassResult> {
  let scores: Float64Array = new Float64Array(1024);
  let n = 0;
  const heap = selection.kind === 'top' ? new TopHeap<Scored>(selection.top) : undefined;
  const kept: Scored[] = [];
  const wanted = selection.kind === 'ids' ? new Set(selection.ids) : undefined;
  const take = (batch: readonly FlowFeatures[], batchScores: Float64Array): void => {
    for (let k = 0; k < batch.length; k++) {
      const { flow, features } = batch[k]!;
      const score = batchScores[k]!;
      if (n === scores.length) scores = grow(scores);
      scores[n] = score;
      const candidate = { order: n, flow, features, score };
      if (heap) heap.push(score, n, candidate);
      else if (selection.kind === 'threshold' && score >= selection.threshold) kept.push(candidate);
      else if (wanted?.has(flow.id)) kept.push(candidate);
      n++;
    }
    onProgress?.(n);
  };
  // Batches are scored while the next ones are read (the forest walks on worker threads), and taken
  // in input order; a few in flight keep every thread busy with memory bounded. The extractor's short
  // slices are gathered into blocks of SCORE_BLOCK flows first: the forest walks a block tree by tree,
  // and a 256-flow block fetched every tree from memory again for every 256 flows (2.4 times slower).
  const inFlight: { batch: readonly FlowFeatures[]; scores: Promise<Float64Array> }[] = [];
  // Rows already held in memory (a small input read once) have cost their memory: all their blocks
  // go to the walks at once.
  const limit = Array.isArray(rows) ? Infinity : IN_FLIGHT;
  let gathered: FlowFeatures[] = [];
  const dispatch = async (): Promise<void> => {
    const batch = gathered.length > SCORE_BLOCK ? gathered.splice(0, SCORE_BLOCK) : gathered;
    if (batch === gathered) gathered = [];
    const scores = scorer.scores(batch);
    scores.catch(() => {}); // awaited below, in order; a failure meanwhile is not unhandled
    inFlight.push({ batch, scores });
    while (inFlight.length > limit) {
      const done = inFlight.shift()!;
      take(done.batch, await done.scores);
    }
  };
  for await (const batch of rows) {
    for (const row of batch) gathered.push(row);
    await onBatch?.(batch);
    while (gathered.length >= SCORE_BLOCK) await dispatch();
  }
  if (gathered.length > 0) await dispatch();
  scorer.prepare(); // while the last blocks are walked
  for (const done of inFlight) take(done.batch, await done.scores);
  const chosen = heap ? heap.sorted().map((e) => e.item) : kept.sort((a, b) => b.score - a.score || a.order - b.order);
  const candidates = chosen.map(({ order, flow, features }) => ({ order, flow, features, result: scorer.score(flow, features) }));
  const found = new Set(candidates.map((c) => c.flow.id));
  const missingIds = selection.kind === 'ids' ? selection.ids.filter((id) => !found.has(id)) : [];
  return { scores: scores.subarray(0, n), candidates, missingIds };
}

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** Rank of a score among all: 1 + how many scored strictly higher (ties share a rank). */
export function createRanker(scores: Float64Array): (score: number) => number {
  const sorted = Float64Array.from(scores).sort();
  return (score) => {
    // First index with a value > score, in ascending order.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! > score) hi = mid;
      else lo = mid + 1;
    }
    return 1 + (sorted.length - lo);
  };
}
