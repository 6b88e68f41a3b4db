import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/check/index.ts';
import { firstRuns } from '../../src/check/extract/first-runs.ts';
import { execAtHits, findTriggers, registeredTriggers, stickyOf } from '../../src/check/extract/triggers.ts';
import { gatedSentences, registeredWordGates } from '../../src/check/extract/context.ts';
import { splitSentences } from '../../src/check/text/segment.ts';
import { SIDE_FIRST, SIDE_START } from '../../src/check/extract/relations.ts';
import { portMayStart } from '../../src/check/extract/identity.ts';
import { listCountMayStart } from '../../src/check/extract/list-counts.ts';
import { scanSentencesAtTriggers } from '../../src/check/extract/context.ts';
import { loadCases } from './load-cases.ts';

describe('firstRuns: the words a match can start with, read from the regex source', () => {
  it('reads literal words, optional groups and the run end', () => {
    expect(firstRuns(String.raw`\b(?:(?:the )?(?:vast )?majority of|most|one-way)\b`)).toEqual([
      { text: 'the', exact: true },
      { text: 'vast', exact: true },
      { text: 'majority', exact: true },
      { text: 'most', exact: true },
      { text: 'one', exact: true },
    ]);
  });

  it('gives a prefix where the run may go on', () => {
    expect(firstRuns(String.raw`\b(?:brute[- ]?force|beacon\w*|flows?|T\d{4})\b`)).toEqual([
      { text: 'brute', exact: false },
      { text: 'beacon', exact: false },
      { text: 'flow', exact: false },
      ...'0123456789'.split('').map((d) => ({ text: `t${d}`, exact: false })),
    ]);
  });

  it('reads a lookbehind that rules out a word character before as a word boundary', () => {
    expect(firstRuns(String.raw`(?<![\w/-])(?:TCP|IPv6-ICMP)(?![\w/])`)).toEqual([
      { text: 'tcp', exact: false },
      { text: 'ipv6', exact: true },
    ]);
    expect(firstRuns(String.raw`(?<![/-])TCP`)).toBeUndefined();
  });

  it('gives up when a match need not start at a word boundary', () => {
    expect(firstRuns('jitter|\\bgap')).toBeUndefined();
    expect(firstRuns(String.raw`\b(?:\d+|x)`)).toBeDefined();
    expect(firstRuns(String.raw`\b\s?x`)).toBeUndefined();
    expect(firstRuns(String.raw`(?<!\w)x`)).toBeUndefined();
  });
});

/** Words, joins and punctuation the keyword regexes care about, to build hostile texts from. */
function fuzzTexts(count: number): string[] {
  const words = [
    'the', 'vast', 'majority', 'of', 'most', 'traffic', 'bytes', 'packets', 'data', 'was', 'balanced', 'high', 'unusually', 'low',
    'DDoS', 'C&C', 'C2', 'server', 'T1046', 'T1046.001', 'APT28', 'AS13335', 'U.S.', 'in', 'a', 'data center', 'datacenter', 'Tor',
    'initiated', 'client-initiated', 'handshake', 'completed', 'no', 'zero', 'without', 'any', 'top', 'bottom', '5', '%', 'decile',
    'two', 'three', 'hosts', 'flows', 'IN_BYTES', 'duration', 'source', 'port', '1,024', 'brute-force', 'bruteforce', 'geolocated',
    'HTTPS', 'HTTP-alt', 'https', 'SSH', 'DNS', 'mDNS', 'TCP', 'UDP', 'tcp', 'IPv6-ICMP', 'ICMPv6', 'TCP-based', 'SYN', 'ACK', 'RST', 'FIN',
    'syn', '/', '4.76', '10.0.0.1', '22', 'MB',
    // words the word gates start with, and what may follow them
    'internal', 'private', 'RFC1918', 'rfc 1918', 'public', 'TLSv1.2', 'TLS 1.3', 'SSH-2.0', 'http/1.1', 'id', '(id', 'sid', 'rule', 'same',
    'different', 'twice', 'as many', 'S0', 'REJ', 'RSTO', 'SH', 'NXDOMAIN', 'AAAA', 'A', 'client/server', 'in/out', 'vs', 'and', 'client', "server's",
    'flow.state', 'alert.severity', 'app_proto', 'e.g.', 'x-IN_BYTES', 'is', 'was', 'its', 'their', 'The', '=', ':', '"http"', 'closed', 'Attempted Leak',
    // comparisons of two sides or two fields
    'sent', 'more', 'less', 'fewer', 'than', 'it', 'received', 'returned', '20%', 'percent', 'higher', 'exceeded', 'outnumbered', 'size', 'differ', 'are', 'identical', 'orig_pkts', 'resp_bytes', 'reply', 'query', 'times',
  ];
  const joins = [' ', ' ', ' ', '  ', '-', '.', ',', ', ', '. ', '\n', '', '_', '&', '(', ')'];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    for (let i = 0, n = 5 + rand(30); i < n; i++) {
      const w = words[rand(words.length)]!;
      text += (rand(4) === 0 ? w.toUpperCase() : w) + joins[rand(joins.length)]!;
    }
    return text;
  });
}

describe('triggered scans find exactly what a global scan finds', () => {
  // loading the extractors registers every trigger
  extractClaims('');
  const texts = [...loadCases().map((c) => c.narrative), ...fuzzTexts(3000)];
  const withRegex = registeredTriggers().filter((t) => t.re !== undefined);

  it('has the extractors’ triggers registered', () => {
    expect(withRegex.length).toBeGreaterThanOrEqual(8);
  });

  it.each(withRegex.map((t) => [t.re!.source.slice(0, 60), t] as const))('%s…', (_name, trigger) => {
    const global = new RegExp(trigger.re!.source, trigger.re!.flags.includes('g') ? trigger.re!.flags : `${trigger.re!.flags}g`);
    const sticky = stickyOf(trigger.re!);
    for (const text of texts) {
      const expected = [...text.matchAll(global)].map((m) => `${m.index}:${m[0]}`);
      const { at: hits, from } = findTriggers(text);
      const found: string[] = [];
      execAtHits(sticky, text, hits, 0, (m, at) => found.push(`${at}:${m[0]}`), from[trigger.id]!, from[trigger.id + 1]!);
      expect(found, text).toEqual(expected);
    }
  });
});

describe('word gates pass the sentences their regex passes', () => {
  extractClaims('');
  const texts = [...loadCases().map((c) => c.narrative), ...fuzzTexts(1500)];
  const gates = registeredWordGates();

  it('has the extractors’ word gates registered', () => {
    expect(gates.length).toBeGreaterThanOrEqual(8);
  });

  it.each(gates.map((g) => [g.gate.re.source.slice(0, 60), g] as const))('%s…', (_name, gate) => {
    for (const text of texts) {
      const lowered = text.toLowerCase();
      const lower = lowered.length === text.length ? lowered : undefined;
      const sentences = splitSentences(text, lower);
      const ctx = { text, lower, sentences, mentions: [], bySentence: new Map(), triggers: findTriggers(text), taken: new Uint8Array(text.length), claims: [] };
      expect(gatedSentences(ctx, gate).map((s) => s.start), text).toEqual(gatedSentences(ctx, gate.gate).map((s) => s.start));
    }
  });
});

describe('comparisons read where they can start, as a global scan reads them', () => {
  const texts = [...loadCases().map((c) => c.narrative), ...fuzzTexts(3000), 'The client sent twice as many packets as the server. the server\'s bytes exceeded the client\'s.', 'the responder returned 23% more bytes than it received'];
  const sentencesOf = (text: string) => {
    const lowered = text.toLowerCase();
    const lower = lowered.length === text.length ? lowered : undefined;
    const sentences = splitSentences(text, lower);
    return { ctx: { text, lower, sentences, mentions: [], bySentence: new Map(), triggers: findTriggers(text), taken: new Uint8Array(text.length), claims: [] }, sentences };
  };
  const globalMatches = (re: RegExp, sentences: ReturnType<typeof splitSentences>) => {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    return sentences.flatMap((s) => [...s.text.matchAll(global)].map((m) => `${s.start + m.index}:${m[0]}`));
  };

  it.each(Object.entries(SIDE_FIRST))('%s at the side words', (_name, re) => {
    const sticky = stickyOf(re);
    for (const text of texts) {
      const { ctx, sentences } = sentencesOf(text);
      const found: string[] = [];
      scanSentencesAtTriggers(ctx, sentences, SIDE_START, sticky, (m, at) => found.push(`${at}:${m[0]}`));
      expect(found, text).toEqual(globalMatches(re, sentences));
    }
  });
});

describe('a start test rules out only hits where its regex cannot match', () => {
  extractClaims('');
  const texts = [...loadCases().map((c) => c.narrative), ...fuzzTexts(3000), 'ports 443/tcp and 53/udp, 123456/tcp, 1/udp; port 8080', '3 distinct hosts, 12\tunique ports, 1234 hosts, 7 ports'];
  const cases = [['port', portMayStart], ['list count', listCountMayStart]] as const;

  it.each(cases)('%s', (name, mayStart) => {
    const trigger = registeredTriggers().find((t) => t.re !== undefined && mayStartOf(t.re) === name)!;
    const global = new RegExp(trigger.re!.source, trigger.re!.flags.includes('g') ? trigger.re!.flags : `${trigger.re!.flags}g`);
    for (const text of texts) for (const m of text.matchAll(global)) expect(mayStart(text, m.index), `${text} @${m.index}`).toBe(true);
  });
});

/** Which start test a registered regex has (by what it matches). */
function mayStartOf(re: RegExp): string | undefined {
  if (re.source.includes('L4_(?:SRC|DST)_PORT')) return 'port';
  if (re.source.startsWith(String.raw`\b(\d{1,3}|one|`)) return 'list count';
  return undefined;
}
