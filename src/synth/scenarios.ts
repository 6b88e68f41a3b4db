import type { Prng } from './prng.ts';
import { BENIGN, type SynthFlow } from './synth-flow.ts';

/** Attack (ground-truth) names of the injected scenarios, as written to the Attack column. */
export const SCENARIO_NAMES = ['PortScan', 'SYNFlood', 'BulkUpload', 'Beacon', 'DNSTunnel'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const ephemeral = (p: Prng): number => p.int(49152, 65535);

/** One internal host probes 250 TCP ports of an internal server in ~12 s, one SYN each; closed ports answer RST. */
export function* portScan(prng: Prng, at: number): Generator<SynthFlow> {
  const open = new Set([22, 80, 443]);
  const ports = Array.from({ length: 1024 }, (_, i) => i + 1);
  for (let i = 0; i < 250; i++) {
    const j = i + Math.floor(prng.next() * (ports.length - i));
    [ports[i], ports[j]] = [ports[j]!, ports[i]!];
    const port = ports[i]!;
    const isOpen = open.has(port);
    yield {
      start: at, duration: prng.int(0, 2), src: '10.20.7.77', dst: '10.0.1.10', v6: false, sport: prng.int(40000, 40100), dport: port, protocol: 6,
      inBytes: isOpen ? 84 : 44, inPkts: isOpen ? 2 : 1, outBytes: isOpen ? 44 : 40, outPkts: 1, flags: isOpen ? 0x16 : 0x16, attack: 'PortScan',
    };
    at += prng.int(20, 80);
  }
}

/** 300 spoofed sources send one SYN each to one web server in ~1.5 s; the server retries its SYN-ACK into the void. */
export function* synFlood(prng: Prng, at: number): Generator<SynthFlow> {
  for (let i = 0; i < 300; i++) {
    const src = `${prng.int(1, 223)}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
    const outPkts = prng.int(3, 5);
    yield {
      start: at, duration: prng.int(7000, 15000), src, dst: '10.0.1.80', v6: false, sport: prng.int(1024, 65535), dport: 80, protocol: 6,
      inBytes: prng.chance(0.5) ? 40 : 60, inPkts: 1, outBytes: 44 * outPkts, outPkts, flags: 0x12, attack: 'SYNFlood',
    };
    at += prng.int(2, 8);
  }
}

/** One workstation uploads ~420 MB to an outside host at ~240 KB/s, in five 5-minute flow records. */
export function* bulkUpload(prng: Prng, at: number): Generator<SynthFlow> {
  for (let i = 0; i < 5; i++) {
    const duration = 300_000 - prng.int(0, 400);
    const inBytes = Math.round(duration * (235 + prng.next() * 10));
    const inPkts = Math.ceil(inBytes / 1440);
    const outPkts = Math.ceil(inPkts / 2);
    yield {
      start: at, duration, src: '10.20.3.14', dst: '203.0.113.50', v6: false, sport: 51544, dport: 443, protocol: 6,
      inBytes, inPkts, outBytes: outPkts * 52, outPkts, flags: i === 0 ? 0x1a : 0x18, attack: 'BulkUpload',
    };
    at += duration + prng.int(1, 30);
  }
}

/** An implant calls home every second (±5 %) for a minute: same small request and answer, one destination. */
export function* beacon(prng: Prng, at: number): Generator<SynthFlow> {
  for (let i = 0; i < 60; i++) {
    yield {
      start: at, duration: prng.int(90, 140), src: '10.20.5.200', dst: '198.51.100.77', v6: false, sport: ephemeral(prng), dport: 8443, protocol: 6,
      inBytes: 412, inPkts: 5, outBytes: 367, outPkts: 4, flags: 0x1b, attack: 'Beacon',
    };
    at += 1000 + prng.int(-50, 50);
  }
}

/** Data leaves as long DNS queries: 4 queries a second for 35 s, each a new source port, big answers. */
export function* dnsTunnel(prng: Prng, at: number): Generator<SynthFlow> {
  for (let i = 0; i < 150; i++) {
    yield {
      start: at, duration: prng.int(0, 30), src: '10.20.9.33', dst: '10.0.0.53', v6: false, sport: ephemeral(prng), dport: 53, protocol: 17,
      inBytes: prng.int(190, 255), inPkts: 1, outBytes: prng.int(240, 480), outPkts: 1, flags: 0, attack: 'DNSTunnel',
    };
    at += prng.int(150, 320);
  }
}

/** The seed flow's start: 2019-10-02 07:53:06 UTC. */
export const SEED_START_MS = Date.UTC(2019, 9, 2, 7, 53, 6);
export const SEED_ID = 3943031;
const SEED_CLIENT = '2002:becf:7b73::becf:7b73';

/**
 * The seed report's flow, with exactly its values (a one-way export: no OUT counters; no SYN seen),
 * preceded by two downloads to the same client so its destination window holds 3 flows, as in the seed.
 */
export function* seedFlows(prng: Prng): Generator<SynthFlow> {
  const base = { v6: true, protocol: 6, dst: SEED_CLIENT, outBytes: null, outPkts: null, attack: BENIGN };
  yield { ...base, start: SEED_START_MS - 41_000, duration: 2_300, src: '2a00:1450:4001:82b::200e', sport: 443, dport: 57344, inBytes: 48_220, inPkts: 41, flags: 0x1b };
  yield { ...base, start: SEED_START_MS - 12_000 - prng.int(0, 500), duration: 640, src: '2606:4700::6810:84e5', sport: 443, dport: 57352, inBytes: 7_310, inPkts: 9, flags: 0x1b };
  yield { ...base, id: SEED_ID, start: SEED_START_MS, duration: 65_870, src: '2a0b:e43:1::21', sport: 443, dport: 57360, inBytes: 4_761_630, inPkts: 3_730, flags: 0x18 };
}
