import type { AddressBook, Host } from './address-book.ts';
import { MinHeap } from './min-heap.ts';
import type { Prng } from './prng.ts';
import { BENIGN, type SynthFlow } from './synth-flow.ts';

type Session = (ctx: SessionContext) => void;

interface SessionContext {
  prng: Prng;
  book: AddressBook;
  t: number;
  emit: (f: SynthFlow) => void;
}

// cumulative TCP flags of ordinary conversations: FIN SYN PSH ACK mostly, some cut by a timeout or a reset
const TCP_DONE = [0x1b, 0x1b, 0x1b, 0x1b, 0x1a, 0x1f];
const ephemeral = (p: Prng): number => p.int(49152, 65535);

function tcp(ctx: SessionContext, client: string, server: string, v6: boolean, dport: number, at: number, shape: { pkts: number; reqBytes: number; respPerPkt: number; durMs: number }): void {
  const { prng } = ctx;
  const inPkts = prng.logNormal(shape.pkts, 0.7, 3);
  const outPkts = Math.max(2, Math.round(inPkts * (0.8 + prng.next() * 0.9)));
  ctx.emit({
    start: at, duration: prng.logNormal(shape.durMs, 1, 1), src: client, dst: server, v6, sport: ephemeral(prng), dport, protocol: 6,
    inBytes: inPkts * prng.int(52, 66) + prng.logNormal(shape.reqBytes, 0.8), inPkts,
    outBytes: outPkts * prng.logNormal(shape.respPerPkt, 0.4, 52), outPkts, flags: prng.pick(TCP_DONE), attack: BENIGN,
  });
}

function dns(ctx: SessionContext, client: Host, useV6: boolean, at: number): void {
  const { prng, book } = ctx;
  const v6 = useV6 && client.v6 !== null;
  const resolver = book.resolvers[client.v4.charCodeAt(client.v4.length - 1) & 1]!;
  ctx.emit({
    start: at, duration: prng.int(0, 40), src: v6 ? client.v6! : client.v4, dst: v6 ? resolver.v6! : resolver.v4, v6,
    sport: ephemeral(prng), dport: 53, protocol: 17, inBytes: prng.int(56, 92), inPkts: 1, outBytes: prng.int(88, 320), outPkts: 1, flags: 0, attack: BENIGN,
  });
}

const web: Session = (ctx) => {
  const { prng, book } = ctx;
  const client = prng.pick(book.clients);
  const useV6 = client.v6 !== null && prng.chance(0.6);
  if (prng.chance(0.7)) dns(ctx, client, useV6, ctx.t);
  let at = ctx.t + prng.int(5, 60);
  for (let n = 1 + Math.floor(prng.exp(2)); n > 0; n--) {
    const server = book.webServers[prng.popular(book.webServers.length)]!;
    const v6 = useV6 && server.v6 !== null;
    const src = v6 ? client.v6! : client.v4;
    tcp(ctx, src, v6 ? server.v6! : server.v4, v6, prng.chance(0.88) ? 443 : 80, at, { pkts: 12, reqBytes: 600, respPerPkt: 900, durMs: 1500 });
    at += prng.int(10, 400);
  }
};

const lookups: Session = (ctx) => {
  const client = ctx.prng.pick(ctx.book.clients);
  for (let n = ctx.prng.int(1, 3), at = ctx.t; n > 0; n--, at += ctx.prng.int(1, 30)) dns(ctx, client, ctx.prng.chance(0.5), at);
};

const ntp: Session = (ctx) => {
  const { prng, book } = ctx;
  ctx.emit({
    start: ctx.t, duration: 0, src: prng.pick(book.clients).v4, dst: book.ntpServer, v6: false, sport: prng.chance(0.5) ? 123 : ephemeral(prng), dport: 123,
    protocol: 17, inBytes: 76, inPkts: 1, outBytes: 76, outPkts: 1, flags: 0, attack: BENIGN,
  });
};

const ssh: Session = (ctx) => {
  const { prng, book } = ctx;
  tcp(ctx, prng.pick(book.clients).v4, prng.pick(book.sshHosts), false, 22, ctx.t, { pkts: 80, reqBytes: 4000, respPerPkt: 180, durMs: 60_000 });
};

const mail: Session = (ctx) => {
  const { prng, book } = ctx;
  if (prng.chance(0.4)) {
    // the mail server relays outbound mail to an exchanger
    tcp(ctx, book.mailServer.v4, prng.pick(book.mailExchangers), false, 25, ctx.t, { pkts: 18, reqBytes: 30_000, respPerPkt: 70, durMs: 1200 });
  } else {
    tcp(ctx, prng.pick(book.clients).v4, book.mailServer.v4, false, 993, ctx.t, { pkts: 14, reqBytes: 900, respPerPkt: 700, durMs: 2500 });
  }
};

const download: Session = (ctx) => {
  const { prng, book } = ctx;
  const client = prng.pick(book.clients);
  const server = book.webServers[prng.popular(book.webServers.length, 4)]!;
  tcp(ctx, client.v4, server.v4, false, 443, ctx.t, { pkts: 900, reqBytes: 800, respPerPkt: 1400, durMs: 30_000 });
};

const api: Session = (ctx) => {
  const { prng, book } = ctx;
  const server = book.webServers[prng.popular(40, 1)]!;
  tcp(ctx, prng.pick(book.clients).v4, server.v4, false, 443, ctx.t, { pkts: 8, reqBytes: 400, respPerPkt: 300, durMs: 300 });
};

/** Session kinds, weights, and the flows each makes on average (to pace sessions to a flow rate). */
const SESSIONS: [Session, number, number][] = [
  [web, 0.56, 3.24],
  [lookups, 0.14, 2],
  [ntp, 0.04, 1],
  [ssh, 0.04, 1],
  [mail, 0.08, 1],
  [download, 0.04, 1],
  [api, 0.1, 1],
];
const FLOWS_PER_SESSION = SESSIONS.reduce((s, [, w, f]) => s + w * f, 0);
// burst levels (quiet, normal, busy) and how often each holds: bursty, with no day/night cycle
const BURST = [0.3, 1, 2.2];
const BURST_P = [0.3, 0.5, 0.2];

function pickSession(prng: Prng): Session {
  let r = prng.next();
  for (const [session, weight] of SESSIONS) if ((r -= weight) < 0) return session;
  return SESSIONS[0]![0];
}

/**
 * Background traffic from `startMs` on, at about `flowsPerSecond`, forever, in start-time order:
 * sessions arrive as a Poisson process whose rate switches between burst levels every couple of
 * minutes; each session's flows (spread over a few hundred ms) wait in a small heap until no
 * later session can start before them.
 */
export function* backgroundFlows(prng: Prng, book: AddressBook, startMs: number, flowsPerSecond: number): Generator<SynthFlow> {
  const pending = new MinHeap<SynthFlow>();
  const ctx: SessionContext = { prng, book, t: startMs, emit: (f) => pending.push(f.start, f) };
  const meanGapMs = 1000 / (flowsPerSecond / FLOWS_PER_SESSION) * 1.03; // 1.03: mean burst level
  let burst = 1;
  let burstEnds = startMs;
  for (;;) {
    if (ctx.t >= burstEnds) {
      const r = prng.next();
      burst = r < BURST_P[0]! ? BURST[0]! : r < BURST_P[0]! + BURST_P[1]! ? BURST[1]! : BURST[2]!;
      burstEnds = ctx.t + prng.exp(120_000);
    }
    pickSession(prng)(ctx);
    ctx.t += Math.max(0, Math.round(prng.exp(meanGapMs / burst)));
    while (pending.peekKey() <= ctx.t) yield pending.pop()!;
  }
}
