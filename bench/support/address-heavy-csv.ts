/**
 * A seeded nProbe NF-v3-style CSV (the demo's columns, src/synth SYNTH_HEADER) with the address
 * cardinality of a real network edge, for the end-to-end benches (issue 14): half the flows come from
 * 2,000 busy hosts, half from a pool of 250,000 (≈ 230,000 distinct sources at 1 M flows), to
 * 60,000 destinations; 100 flows/s of flow time in start order, TCP/UDP/ICMP, log-normal volumes.
 * The demo generator's 3,000 hosts would leave the address caches of the features stage warm.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createPrng } from '../../src/score/prng.ts';
import { SYNTH_HEADER } from '../../src/synth/index.ts';

const ipv4 = (base: number, k: number): string => `${base >>> 24}.${(base >>> 16) & 255}.${((base >>> 8) + (k >>> 8)) & 255}.${k & 255}`;
const BUSY = 2_000;
const POOL = 250_000;
const DESTINATIONS = 60_000;
const START_MS = 1_570_000_000_000;
const RATE = 100;

export interface GeneratedCsv {
  flows: number;
  distinctSources: number;
  bytes: number;
}

/** Write `flows` rows to `file`; returns what was written. */
export async function writeAddressHeavyCsv(file: string, flows: number, seed = 1): Promise<GeneratedCsv> {
  const next = createPrng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const seen = new Uint8Array(BUSY + POOL);
  let distinct = 0;
  const out = createWriteStream(file);
  let bytes = 0;
  let text = `${SYNTH_HEADER.join(',')}\n`;
  let t = START_MS;
  for (let i = 1; i <= flows; i++) {
    t += Math.round((-Math.log(1 - next()) * 1000) / RATE);
    const s = next() < 0.5 ? Math.floor(next() * BUSY) : BUSY + Math.floor(next() * POOL);
    if (seen[s] === 0) [seen[s], distinct] = [1, distinct + 1];
    const src = s < BUSY ? ipv4(0x0a140000, s) : ipv4(0x0a400000 + ((s >>> 16) << 16), s & 0xffff);
    const dst = ipv4(0xc6330000, Math.floor(next() ** 2 * DESTINATIONS));
    const r = next();
    const proto = r < 0.8 ? 6 : r < 0.97 ? 17 : 1;
    const dport = proto === 1 ? 0 : [443, 80, 53, 22, 25, 8080, 123][Math.floor(next() ** 3 * 7)]!;
    const sport = proto === 1 ? 0 : 1024 + Math.floor(next() * 64_000);
    const pkts = Math.max(1, Math.round(Math.exp(1.5 + 1.2 * normal())));
    const inBytes = pkts * (40 + Math.floor(next() * 1400));
    const outPkts = Math.max(1, Math.round(pkts * (0.5 + next())));
    const outBytes = outPkts * (40 + Math.floor(next() * 1400));
    const duration = Math.round(Math.exp(5 + 2 * normal()));
    const flags = proto === 6 ? (next() < 0.05 ? 2 : 27) : 0;
    text += `${i},${t},${t + duration},${src},${dst},,,${sport},${dport},${proto},${inBytes},${pkts},${outBytes},${outPkts},${flags},${duration},0,Benign\n`;
    if (text.length > 1 << 20) {
      bytes += text.length;
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  bytes += text.length;
  out.end(text);
  await once(out, 'finish');
  return { flows, distinctSources: distinct, bytes };
}
