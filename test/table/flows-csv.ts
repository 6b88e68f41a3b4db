import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = 'FLOW_START_MILLISECONDS,IPV4_SRC_ADDR,IPV4_DST_ADDR,L4_SRC_PORT,L4_DST_PORT,PROTOCOL,FLOW_DURATION_MILLISECONDS,IN_BYTES,OUT_BYTES,IN_PKTS,OUT_PKTS,TCP_FLAGS,MIN_TTL,score_Autoencoder,Label,Attack';

export interface CsvFlow {
  start?: number;
  src?: string;
  dst?: string;
  dport?: number;
  duration?: number;
  inBytes?: number;
  inPkts?: number;
  score?: string;
  attack?: string;
}

/**
 * Write an NF-v3-style nProbe CSV: `n` ordinary flows (varied, deterministic) then `extra` rows.
 * Flow ids are the 1-based data row numbers (the file has no id column).
 */
export function writeFlowsCsv(dir: string, name: string, n: number, extra: CsvFlow[] = []): string {
  const rows: string[] = [];
  const t0 = 1_700_000_000_000;
  const line = (f: CsvFlow, i: number): string => {
    const inPkts = f.inPkts ?? 4 + (i % 9);
    const inBytes = f.inBytes ?? inPkts * (80 + ((i * 37) % 300));
    const attack = f.attack ?? 'Benign';
    return [
      f.start ?? t0 + i * 7_000,
      f.src ?? `10.0.${i % 7}.${1 + (i % 50)}`,
      f.dst ?? `172.16.0.${1 + (i % 5)}`,
      40_000 + i,
      f.dport ?? [443, 80, 53][i % 3],
      6,
      f.duration ?? 200 + ((i * 53) % 900),
      inBytes,
      inBytes * 2,
      inPkts,
      inPkts,
      27,
      64,
      f.score ?? ((i % 10) / 10).toFixed(2),
      attack === 'Benign' ? 0 : 1,
      attack,
    ].join(',');
  };
  for (let i = 0; i < n; i++) rows.push(line({}, i));
  extra.forEach((f, k) => rows.push(line(f, n + k)));
  const file = join(dir, name);
  writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
  return file;
}
