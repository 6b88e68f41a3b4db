/**
 * Scoring quality: ROC-AUC and precision@k of each flowlens scorer against scikit-learn's
 * IsolationForest (200 trees, random_state 42) on the raw numeric columns of the same file.
 * Binary label: benign vs anything else. Run: npm run bench:quality
 *
 * Main benchmark: the five NF-v3 CSE-CIC-IDS2018 batches (950 benign + 50 attacks each), each scored
 * on its own. Also reported, not tuned to: the synthetic demo, NF-v2 BoT-IoT and IoT-23 (where
 * attacks are the majority, so "anomaly" is the wrong frame). With --variants (npm run bench:quality
 * -- --variants) it also measures the previous default forest and each forest view on its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFeatures } from '../src/features/index.ts';
import { openFlows } from '../src/ingest/index.ts';
import { createIsolationForest, SCORER_NAMES, type IsolationForestOptions, type ScorerName } from '../src/score/index.ts';
import { fitBaselineFile, selectTables } from '../src/table/index.ts';
import { isAnomaly, precisionAtK, rocAuc } from './quality/metrics.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const realDir = resolve(repoRoot, '../shared/data/real');
const work = mkdtempSync(join(tmpdir(), 'flowlens-quality-'));

interface Dataset {
  name: string;
  group: 'synthetic' | 'nf-v3' | 'other';
  /** What flowlens reads. */
  file: string;
  /** What the scikit-learn reference reads (CSV). */
  csv: string;
}

interface Metrics {
  auc: number;
  pAtAnomalies: number;
  pAt1pct: number;
  n: number;
  anomalies: number;
}

function metrics(scores: number[], anomaly: number[]): Metrics {
  const anomalies = anomaly.filter((a) => a === 1).length;
  const k1 = Math.max(1, Math.round(scores.length / 100));
  return {
    auc: rocAuc(scores, anomaly),
    pAtAnomalies: anomalies > 0 ? precisionAtK(scores, anomaly, anomalies) : Number.NaN,
    pAt1pct: precisionAtK(scores, anomaly, k1),
    n: scores.length,
    anomalies,
  };
}

async function scoreFlowlens(file: string, scorer: ScorerName): Promise<Metrics> {
  const scoresFile = join(work, `scores-${scorer}.jsonl`);
  await selectTables(file, { scorer, top: 1, scoresFile, ingest: { quarantineFile: join(work, 'quarantine.jsonl') } });
  const rows = readFileSync(scoresFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const labels = (r: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(Object.entries(r).filter(([k, v]) => !['flow_id', 'line', 'score', 'rank'].includes(k) && typeof v === 'string')) as Record<string, string>;
  return metrics(rows.map((r) => r.score as number), rows.map((r) => isAnomaly(labels(r))));
}

/**
 * Forest variants measured next to the shipped scorers, so the README's choice stays checkable:
 * the previous default (log view only, 1,024 rows a tree) and each view on its own.
 */
const FOREST_VARIANTS: Record<string, IsolationForestOptions> = {
  'iforest log-only 1024 (previous default)': { views: ['log'], sampleSize: 1024, trees: 500 },
  'iforest log-only': { views: ['log'] },
  'iforest rank-only': { views: ['rank'] },
  'iforest normal-only': { views: ['normal'] },
};

async function scoreVariant(file: string, options: IsolationForestOptions): Promise<Metrics> {
  const ingest = { quarantineFile: join(work, 'quarantine.jsonl') };
  const { baseline } = await fitBaselineFile(file, { ingest });
  const scorer = createIsolationForest(baseline, options);
  const scores: number[] = [];
  const anomaly: number[] = [];
  for await (const batch of extractFeatures(await openFlows(file, ingest), { windowMs: baseline.window_ms })) {
    scorer.scores(batch.map((b) => b.features)).forEach((s) => scores.push(s));
    for (const { flow } of batch) anomaly.push(isAnomaly(flow.labels));
  }
  return metrics(scores, anomaly);
}

function findPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

function scoreSklearn(python: string, csv: string): Metrics {
  const out = execFileSync(python, [join(repoRoot, 'bench/quality/sklearn_iforest.py'), csv], { maxBuffer: 256 * 1024 * 1024 }).toString();
  const { scores, anomaly } = JSON.parse(out) as { scores: number[]; anomaly: number[] };
  return metrics(scores, anomaly);
}

/** Split the joined NF-v3 CSV into one CSV per batch (without the batch column). */
function nfV3Batches(): Dataset[] {
  const file = join(realDir, 'nf-v3-cse-cic-ids2018-batches/flows_labeled.csv');
  if (!existsSync(file)) return [];
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const byBatch = new Map<string, string[]>();
  for (const line of lines) {
    const comma = line.indexOf(',');
    const batch = line.slice(0, comma);
    byBatch.set(batch, [...(byBatch.get(batch) ?? []), line.slice(comma + 1)]);
  }
  return [...byBatch].map(([batch, rows]) => {
    const out = join(work, `nf-v3-${batch}.csv`);
    writeFileSync(out, `${header!.slice(header!.indexOf(',') + 1)}\n${rows.join('\n')}\n`);
    return { name: `NF-v3 ${batch}`, group: 'nf-v3' as const, file: out, csv: out };
  });
}

/** Zeek conn.log with IoT-23's "tunnel_parents   label   detailed-label" last field → CSV for the reference. */
function iot23(): Dataset[] {
  const file = join(realDir, 'iot23-zeek-ctu34-1/conn.log.labeled');
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const fields = lines.find((l) => l.startsWith('#fields'))!.split('\t').slice(1).flatMap((f) => f.split(/\s{3}/));
  const rows = lines.filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t').flatMap((f) => f.split(/\s{3}/)).join(','));
  const csv = join(work, 'iot23.csv');
  writeFileSync(csv, `${fields.join(',')}\n${rows.join('\n')}\n`);
  return [{ name: 'IoT-23 CTU-34-1 (Zeek)', group: 'other', file, csv }];
}

function datasets(): Dataset[] {
  const demo = join(repoRoot, 'fixtures/flows/demo.csv');
  const botIot = join(realDir, 'nf-v2-bot-iot/nf-bot-iot-v2_subset.csv');
  return [
    ...(existsSync(demo) ? [{ name: 'synthetic demo', group: 'synthetic' as const, file: demo, csv: demo }] : []),
    ...nfV3Batches(),
    ...(existsSync(botIot) ? [{ name: 'NF-v2 BoT-IoT subset', group: 'other' as const, file: botIot, csv: botIot }] : []),
    ...iot23(),
  ];
}

const fmt = (x: number): string => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));

async function main(): Promise<void> {
  if (!existsSync(realDir)) console.log(`real data not found at ${realDir}: only the synthetic demo is measured`);
  const python = findPython();
  if (!python) console.log('scikit-learn not found (apt-get install python3-sklearn): the reference column is skipped');
  const variants = process.argv.includes('--variants') ? Object.keys(FOREST_VARIANTS) : [];
  const methods = [...SCORER_NAMES, ...variants, ...(python ? ['sklearn-iforest'] : [])];
  const results = new Map<string, Map<string, Metrics | string>>();
  console.log(`| dataset | flows | anomalies | scorer | ROC-AUC | P@k (k = anomalies) | P@1 % |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const ds of datasets()) {
    const row = new Map<string, Metrics | string>();
    for (const method of methods) {
      try {
        const m =
          method === 'sklearn-iforest'
            ? scoreSklearn(python!, ds.csv)
            : method in FOREST_VARIANTS
              ? await scoreVariant(ds.file, FOREST_VARIANTS[method]!)
              : await scoreFlowlens(ds.file, method as ScorerName);
        row.set(method, m);
        console.log(`| ${ds.name} | ${m.n} | ${m.anomalies} | ${method} | ${fmt(m.auc)} | ${fmt(m.pAtAnomalies)} | ${fmt(m.pAt1pct)} |`);
      } catch (error) {
        row.set(method, (error as Error).message);
        console.log(`| ${ds.name} | | | ${method} | skipped: ${(error as Error).message.split('\n')[0]} | | |`);
      }
    }
    results.set(ds.name, row);
  }
  const batches = [...results].filter(([name]) => name.startsWith('NF-v3'));
  if (batches.length > 0) {
    console.log(`\nNF-v3 CSE-CIC-IDS2018, mean over ${batches.length} batches (the main benchmark):`);
    console.log(`| scorer | mean ROC-AUC | mean P@k (k = anomalies) | mean P@1 % |\n|---|---|---|---|`);
    for (const method of methods) {
      const ms = batches.map(([, r]) => r.get(method)).filter((m): m is Metrics => typeof m === 'object');
      if (ms.length === 0) continue;
      const mean = (f: (m: Metrics) => number): number => ms.reduce((s, m) => s + f(m), 0) / ms.length;
      console.log(`| ${method} | ${fmt(mean((m) => m.auc))} | ${fmt(mean((m) => m.pAtAnomalies))} | ${fmt(mean((m) => m.pAt1pct))} |`);
    }
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
