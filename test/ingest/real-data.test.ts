import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllFlows } from '../../src/ingest/index.ts';
import { tempDir } from './support.ts';

const REAL = resolve(import.meta.dirname, '../../../shared/data/real');
const present = existsSync(REAL);
if (!present) console.warn(`real-data ingest tests skipped: ${REAL} is absent`);

/** Row counts from each folder's SOURCE.md. */
const CASES: { file: string; format: string; read: number; hasTime: boolean; extra?: (r: Awaited<ReturnType<typeof readAllFlows>>) => void }[] = [
  { file: 'nf-v3-cse-cic-ids2018-batches/flows_labeled.csv', format: 'nprobe-csv', read: 5000, hasTime: true,
    extra: ({ flows, summary }) => {
      expect(flows.filter((f) => f.labels.Attack !== 'Benign')).toHaveLength(250);
      expect(flows.filter((f) => f.src_addr === '0.0.0.0' && f.dst_addr === '0.0.0.0')).toHaveLength(27);
      expect(new Set(flows.map((f) => f.id)).size).toBe(5000);
      // ids reach the prompt: the batch (named after its attack) must not leak into them
      expect(flows.filter((f) => /Bot|DDOS|DoS|SSH|Infil/i.test(f.id))).toEqual([]);
      // sorted by source address in the file; 5,000 flows are held and sorted whole, so none is late
      expect(flows[0]!.id).toBe('b1:309');
      const starts = flows.map((f) => f.start_ms!);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(summary).toMatchObject({ late: 0, outOfOrder: 4984 });
      expect(summary.orderWarning).toBeUndefined();
      expect(flows.every((f) => !('Label' in f.fields) && !('batch' in f.fields))).toBe(true);
    } },
  ...['Bot', 'DDOS_attack-HOIC', 'DoS_attacks-Slowloris', 'Infilteration', 'SSH-Bruteforce'].map((batch) => ({
    file: `nf-v3-cse-cic-ids2018-batches/${batch}/flows.json`, format: 'nf-batch-json', read: 1000, hasTime: true,
    extra: ({ flows }: Awaited<ReturnType<typeof readAllFlows>>) => {
      expect(flows.filter((f) => f.labels.attack_type === 'Benign')).toHaveLength(950);
      expect(flows.filter((f) => f.labels.attack_type === batch)).toHaveLength(50);
    },
  })),
  { file: 'nf-v2-bot-iot/nf-bot-iot-v2_subset.csv', format: 'nprobe-csv', read: 16252, hasTime: false,
    extra: ({ flows, summary }) => {
      expect(summary.notes['wrapped-duration']).toBe(14584);
      expect(flows.filter((f) => f.protocol === 6)).toHaveLength(11473);
      expect(flows.filter((f) => f.labels.Attack === 'Theft')).toHaveLength(33);
    } },
  { file: 'nf-v2-bot-iot/botiot_reduced.csv.gz', format: 'nprobe-csv', read: 278781, hasTime: false,
    extra: ({ flows }) => {
      expect(flows.filter((f) => f.labels.Attack === 'DoS')).toHaveLength(167004);
    } },
  { file: 'iot23-zeek-ctu34-1/conn.log.labeled', format: 'zeek-tsv', read: 23145, hasTime: true,
    extra: ({ flows }) => {
      const count = (detail: string) => flows.filter((f) => (f.labels['detailed-label'] ?? '-') === detail).length;
      expect([count('DDoS'), count('C&C'), count('PartOfAHorizontalPortScan')]).toEqual([14394, 6706, 122]);
      expect(flows.filter((f) => f.labels.label === 'Benign')).toHaveLength(1923);
      expect(flows.filter((f) => f.protocol === 6)).toHaveLength(21331);
    } },
  { file: 'suricata-eve-internet-sensor/eve.json', format: 'suricata-eve', read: 215, hasTime: true,
    extra: ({ flows, summary }) => {
      expect(summary.skipped).toEqual({ ssh: 13, tls: 12, stats: 13 });
      expect([6, 17, 58].map((p) => flows.filter((f) => f.protocol === p).length)).toEqual([197, 10, 8]);
    } },
  { file: 'suricata-eve-zeus-lab/eve.json', format: 'suricata-eve', read: 205, hasTime: true,
    extra: ({ flows, summary }) => {
      expect(summary.skipped).toEqual({ alert: 656, dhcp: 6, dns: 1, stats: 1 });
      expect([17, 58].map((p) => flows.filter((f) => f.protocol === p).length)).toEqual([193, 12]);
    } },
];

describe.skipIf(!present)('real data loads with exact row counts (SOURCE.md)', () => {
  it.each(CASES)('$file', async ({ file, format, read, hasTime, extra }) => {
    const result = await readAllFlows(join(REAL, file), { quarantineFile: join(tempDir(), 'q.jsonl') });
    expect(result.source.format).toBe(format);
    expect(result.source.hasTime).toBe(hasTime);
    expect(result.summary).toMatchObject({ read, accepted: read, quarantined: 0 });
    expect(result.flows).toHaveLength(read);
    extra?.(result);
  }, 60_000);
});
