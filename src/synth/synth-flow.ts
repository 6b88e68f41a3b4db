/** One synthetic flow before it is written; times in epoch ms. OUT counters null = one-way export. */
export interface SynthFlow {
  start: number;
  duration: number;
  src: string;
  dst: string;
  v6: boolean;
  sport: number;
  dport: number;
  protocol: number;
  inBytes: number;
  inPkts: number;
  outBytes: number | null;
  outPkts: number | null;
  flags: number;
  /** The flow's own id when it must be fixed (the seed flow); else the writer numbers it. */
  id?: number;
  /** Ground truth: 'Benign' or the scenario name. */
  attack: string;
}

export const BENIGN = 'Benign';

/** nProbe NF-v3-style columns, lean enough to commit 20,000 rows (an ID column so ids survive ingest). */
export const SYNTH_HEADER = [
  'FLOW_ID',
  'FLOW_START_MILLISECONDS',
  'FLOW_END_MILLISECONDS',
  'IPV4_SRC_ADDR',
  'IPV4_DST_ADDR',
  'IPV6_SRC_ADDR',
  'IPV6_DST_ADDR',
  'L4_SRC_PORT',
  'L4_DST_PORT',
  'PROTOCOL',
  'IN_BYTES',
  'IN_PKTS',
  'OUT_BYTES',
  'OUT_PKTS',
  'TCP_FLAGS',
  'FLOW_DURATION_MILLISECONDS',
  'Label',
  'Attack',
] as const;

/** One CSV line (with its newline); IPv4 flows leave the IPv6 columns empty and the reverse. */
export function formatSynthRow(id: number, f: SynthFlow): string {
  const addrs = f.v6 ? `,,${f.src},${f.dst}` : `${f.src},${f.dst},,`;
  const out = f.outBytes === null ? ',' : `${f.outBytes},${f.outPkts}`;
  const label = f.attack === BENIGN ? 0 : 1;
  return `${id},${f.start},${f.start + f.duration},${addrs},${f.sport},${f.dport},${f.protocol},${f.inBytes},${f.inPkts},${out},${f.flags},${f.duration},${label},${f.attack}\n`;
}
