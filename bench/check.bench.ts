/**
 * Grounding checker speed (issue 3): reports per second on one core for ~500-word reports
 * against ~20-row tables; target ≥ 2,000/s. Three figures:
 *  1. the full checker with the table's facts rebuilt for every report (64 table objects in turn),
 *     as in a batch where every report has its own table;
 *  2. the full checker, one table reused (facts cached per table object);
 *  3. two plain numeric matchers for comparison, neither with claim kinds, row binding or derivations:
 *     a bare one (every digit string looked up among the table's raw values: no units, no
 *     tolerance) and one with units and tolerance (every number read with its unit and hedge, as the
 *     checker reads it, and compared within the precision written against every raw value).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { checkNarrative } from '../src/check/index.ts';
import { NUMBER_RE, numberMatches, numberText } from '../src/check/extract/number-text.ts';
import { readTable, type FeatureTable } from '../src/table/index.ts';

const root = resolve(import.meta.dirname, '..');
const table = readTable(JSON.parse(readFileSync(resolve(root, 'eval/cases/tables/upload-tls.json'), 'utf8')));

const PARAGRAPHS = [
  '## What stands out\nFlow 88120 is a long session from 10.20.4.17 (source port 51544) to 203.0.113.45 on port 443 (HTTPS) over TCP (protocol 6), starting 2024-03-11 14:02:17 UTC. Over roughly 2.5 minutes (154,000 ms) the source sent about 187 MB in 129,402 packets, while only 1.9 MB came back in 41,210 packets.',
  '- **IN_BYTES** = 187,340,212 bytes, far above the baseline p99 of 4,100,000 bytes and at percentile 99.99 of the baseline. The average packet size of 1447.74 bytes is close to the Ethernet MTU, which may be typical of bulk transfers.',
  '- The sending rate works out to about 9.7 Mbps (1,216,494 bytes per second), and SRC_TO_DST_AVG_THROUGHPUT agrees at 9,731,000 bits per second. The destination received only 1 flow in the window, which is low compared with the baseline.',
  '- TCP_FLAGS is 27: SYN, ACK, PSH and FIN are set and no RST was seen, so the session could have been opened and closed normally. MIN_TTL is 63 and MAX_TTL is 64.',
  '- NUM_PKTS_1024_TO_1514_BYTES is 165,959 against 3,120 packets up to 128 bytes, so nearly all packets (97%) were full-size. IN_BYTES accounts for roughly 99% of all bytes exchanged.',
  '## How they fit together\nRead together, the volume, the duration and the packet sizes could be consistent with a large upload, perhaps a backup job or a file synchronisation. This is one possible reading, not an established cause. The destination 203.0.113.45 belongs to a hosting provider in the Netherlands, and its reputation is unknown.',
  'The source started 4 flows in the 60-second window, with 2,210 ms between this flow and the previous one; src_syn_flows is 4 and it reached 2 distinct destination ports. OUT_BYTES at 1,893,344 bytes sits at the 71st percentile, so the return traffic is typical.',
  '## Caveats\nThe table holds observable flow features only: it cannot show payloads, applications, intent, or who operates either address. This is a statistical deviation, not evidence of malicious activity; judging it would need context from outside this table.',
];

function makeReport(i: number): string {
  const parts: string[] = [];
  let words = 0;
  for (let k = 0; words < 500; k++) {
    const p = PARAGRAPHS[(i + k) % PARAGRAPHS.length]!;
    parts.push(p);
    words += p.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

const REPORTS = Array.from({ length: 64 }, (_, i) => makeReport(i));
const words = REPORTS.reduce((s, r) => s + r.split(/\s+/).length, 0) / REPORTS.length;
const rows = table.features.length + table.fields.length; // feature and field rows (the flow identity comes on top)

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;
function numericMatcher(text: string, t: FeatureTable): number {
  const values = new Set<number>();
  for (const r of [...t.features, ...t.fields]) if (typeof r.value === 'number') values.add(r.value);
  let hits = 0;
  for (const m of text.matchAll(NUMBER)) if (values.has(Number(m[0].replace(/,/g, '')))) hits++;
  return hits;
}

const UNITLESS = [{ factor: 1 }];
function unitMatcher(text: string, t: FeatureTable): number {
  const values: number[] = [];
  for (const r of [...t.features, ...t.fields]) if (typeof r.value === 'number') values.push(r.value);
  let hits = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    const n = numberText(m);
    const readings = n.readings.length > 0 ? n.readings : UNITLESS;
    if (values.some((v) => readings.some((r) => numberMatches(n, r.factor, v)))) hits++;
  }
  return hits;
}

/**
 * Reports per CPU-second of this (single-threaded) process — "per second on one core" — and per
 * wall-clock second. On a shared machine the wall figure drops with the load; the CPU figure drops
 * less but still does (other processes share the caches: the same code gave 1,135 and 1,800 reports
 * per CPU-second minutes apart at load 3–3.5), so compare figures taken at the same time only.
 */
function rate(label: string, run: (i: number) => unknown, seconds = 2, warmUpSeconds = 0.2): number {
  // warm-up by CPU time, not a count: the compiler's background threads count in this process's
  // CPU time until the hot code is optimised, which takes a few seconds of a path's own workload
  const warm = process.cpuUsage();
  for (let i = 0; ; i++) {
    run(i);
    const used = process.cpuUsage(warm);
    if (used.user + used.system >= warmUpSeconds * 1e6) break;
  }
  let n = 0;
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const budget = seconds * 1e6;
  for (;;) {
    for (let k = 0; k < 50; k++) run(n++);
    const used = process.cpuUsage(cpu);
    if (used.user + used.system >= budget) break;
  }
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
  const perCpuSecond = n / cpuSeconds;
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(9);
  console.log(`${label.padEnd(58)} ${fmt(perCpuSecond)} reports/CPU-s  (${fmt(n / wallSeconds)} per wall-s)`);
  return perCpuSecond;
}

console.log(`reports of ~${Math.round(words)} words against a ${rows}-row table; one core, single thread; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
const claims = checkNarrative(REPORTS[0]!, table).claims.length;
console.log(`claims per report: ~${claims}`);
// facts recomputed for every report: 64 distinct table objects in turn (the checker caches the last 8)
const tables = Array.from({ length: 64 }, () => structuredClone(table));
// Each path is warmed up on its own workload for 3 CPU-seconds and then timed (a batch of reports
// with a table each runs in this steady state after its first seconds): timed sooner, or right after
// another path, a figure moved by ±20 % from run to run with the compiler and collector still busy.
const fresh = rate('full checker, facts rebuilt per report (64 tables in turn)', (i) => checkNarrative(REPORTS[i % REPORTS.length]!, tables[i % tables.length]!), 3, 3);
rate('full checker, one table reused (facts cached)', (i) => checkNarrative(REPORTS[i % REPORTS.length]!, table), 3, 3);
const plain = rate('bare numeric matcher (digit strings vs raw values)', (i) => numericMatcher(REPORTS[i % REPORTS.length]!, tables[i % tables.length]!));
const withUnits = rate('numeric matcher with units and tolerance', (i) => unitMatcher(REPORTS[i % REPORTS.length]!, tables[i % tables.length]!));
const target = 2000;
console.log(`target ≥ ${target.toLocaleString('en-US')} reports/s: ${fresh >= target ? 'met' : 'NOT met'}; the bare matcher is ${(plain / fresh).toFixed(1)}× faster, the matcher with units ${(withUnits / fresh).toFixed(1)}×`);
