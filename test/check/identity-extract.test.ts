import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/check/claim.ts';
import { extractClaims } from '../../src/check/extract/extract-claims.ts';
import { splitSentences } from '../../src/check/text/segment.ts';

/**
 * Identity and flag extraction search the whole text once, or only near a literal every match must
 * hold ("port", a dot reading d.d.d, a colon, "flag"), instead of running each regex sentence by
 * sentence behind a keyword gate. These cases sit where the two could differ: matches at sentence
 * and line edges, anchors that lead to no match, case, and a text whose lower case changes length.
 */
const claimsOf = (text: string, kind: Claim['kind']): string[] =>
  extractClaims(text)
    .filter((c) => c.kind === kind)
    .map((c) => {
      const role = (c.data as { role?: string }).role;
      const set = c.kind === 'tcp-flags' && c.data.flags.length === 1 ? (c.data.flags[0]!.set ? '+' : '-') : '';
      return `${text.slice(c.start, c.end)}${role ? `/${role}` : ''}${set}`;
    });

describe('identity extraction: addresses', () => {
  it('finds IPv4 addresses only where four dotted groups stand alone', () => {
    expect(claimsOf('Version 1.2.3 and 1.2.3.4.5 and 1234.1.2.3 and x1.2.3.4 and 10.0.0.256 and 8.8.8.8.', 'address')).toEqual(['8.8.8.8']);
  });

  it('finds IPv6 addresses after colons that lead to none (a time, a label)', () => {
    expect(claimsOf('At 14:02:17 UTC the host fe80::1 replied; x14:02:17 then ::1 and 2001:DB8::A.', 'address')).toEqual(['fe80::1/dst', '::1', '2001:DB8::A']);
    expect(claimsOf('Odd: a:b:c and :: and 12345:1::2 and 1:2:3:4:5:6:7:8 end.', 'address')).toEqual(['1:2:3:4:5:6:7:8']);
    expect(claimsOf('Traffic from 10.0.0.1 to 2001:db8::1 and ::ffff:192.0.2.1 was seen.', 'address')).toEqual(['10.0.0.1/src', '2001:db8::1/dst', '192.0.2.1']);
  });

  it('reads address families only as whole words written IPv4 / IPv6', () => {
    expect(claimsOf('IPv4, IPv6-only, xIPv4, IPv6 and IPV4.', 'address-family')).toEqual(['IPv4', 'IPv6']);
  });
});

describe('identity extraction: ports, services, protocols', () => {
  it('finds ports by keyword, field name and n/udp, not in "report" or a count of ports', () => {
    expect(claimsOf('The source port 51544, Destination Port: 443, L4_DST_PORT=53 and 53/udp; a report of 80 ports.', 'port')).toEqual(['51544/src', '443/dst', '53/dst', '53/dst']);
  });

  it('keeps a port keyword and its number apart across a line break', () => {
    const text = 'It used the port\n443 later. Port number 8080 (HTTP) and HTTPS (443) and non-HTTP.';
    expect(claimsOf(text, 'port')).toEqual(['8080']);
    expect(claimsOf(text, 'service')).toEqual(['HTTP', 'HTTPS']);
  });

  it('finds the same claims when the lower-case text is longer than the text', () => {
    const text = 'İ said port 80 and protocol 6 and flags 27; a reset flag.';
    expect(claimsOf(text, 'port')).toEqual(['80']);
    expect(claimsOf(text, 'protocol')).toEqual(['protocol 6']);
    expect(claimsOf(text, 'tcp-flags')).toEqual(['flags 27', 'reset+']);
  });

  it('reads protocol numbers after "protocol" in its forms, not across a line break', () => {
    expect(claimsOf('Protocol 6, Protocol number 17, protocol\n6, protocol_num=1 and TCP (protocol 6).', 'protocol')).toEqual(['Protocol 6', 'Protocol number 17', 'protocol_num=1', 'TCP', 'protocol 6']);
  });

  it('does not let a Kelvin sign (which lower-cases to k) make a word boundary disappear', () => {
    expect(claimsOf('Ports 80\u212A and \u212Aport 81 and fla\u212A reset and AC\u212A.', 'port')).toEqual(['80', '81']);
    expect(claimsOf('Ports 80\u212A and \u212Aport 81 and fla\u212A reset and AC\u212A.', 'tcp-flags')).toEqual([]);
  });
});

describe('identity extraction: times', () => {
  it('reads clock times with a zone only in sentences its gate passes', () => {
    expect(claimsOf('At 14:02Z and 15:03 Z and 16:04\tZ and 17:05\nUTC and 18:06 GMT.', 'timestamp')).toEqual(['14:02Z', '15:03 Z', '16:04\tZ', '18:06 GMT']);
    // alone, a tab before Z passes the clock regex but not its gate (utc, gmt, \dz, \d z)
    expect(claimsOf('It began at 16:04\tZ.', 'timestamp')).toEqual([]);
  });

  it('reads dates with a month name, the day up to 5 characters before it', () => {
    expect(claimsOf('On 21st Mar 2024, 2nd June 2023 and Sept. 3 2022; 1 May 2024.', 'timestamp')).toEqual(['21st Mar 2024', '2nd June 2023', '1 May 2024']);
    expect(claimsOf('In 2024 it ran; March 2024 and 3 Dec, 2024. Not 32nd Jan 2024 nor X Mar 2024.', 'timestamp')).toEqual(['32nd Jan 2024']);
  });

  it('reads dates', () => {
    expect(claimsOf('Timestamps 2024-03-11 14:02:17 UTC and 11 March 2024 and Mar 3, 2024, and 3024-01-01.', 'timestamp')).toEqual(['2024-03-11 14:02:17 UTC', '11 March 2024', 'Mar 3, 2024', '3024-01-01']);
  });
});

describe('flag extraction', () => {
  it('reads English flag words only beside "flag" or a parenthesised abbreviation, capitals anywhere', () => {
    expect(claimsOf('A reset flag, reset the counter, RST, Reset (RST), the acknowledgement flag, xRESET, and the push (PSH) flag.', 'tcp-flags')).toEqual([
      'reset+', 'reset+', 'RST+', 'Reset+', 'RST+', 'acknowledgement+', 'push+', 'PSH+',
    ]);
    expect(claimsOf('We reset the counter and push on.', 'tcp-flags')).toEqual([]);
    expect(claimsOf('We push (ack) now, then Finish (Fin).', 'tcp-flags')).toEqual(['push+', 'ack+', 'Finish+', 'Fin+']);
    expect(claimsOf('Flagged: reset, push and finish. A flag; reset.', 'tcp-flags')).toEqual(['reset+', 'finish+', 'reset+']);
    // a Kelvin sign lower-cases to k, but /\(ACK\)/i does not match it
    expect(claimsOf('We push (AC\u212A) now.', 'tcp-flags')).toEqual([]);
  });

  it('skips floods and scans within 8 characters, and reads negations', () => {
    expect(claimsOf('SYN flood, SYN   -   flood, without SYN, ACK not set, FIN was absent, flags of 18 here.', 'tcp-flags')).toEqual(['SYN+', 'SYN-', 'ACK-', 'FIN-', 'flags of 18']);
  });

  it('reads a negation up to 25 characters before a flag, within its clause', () => {
    expect(claimsOf('Without SYN or ACK, and no flag at all about the FIN.', 'tcp-flags')).toEqual(['SYN-', 'ACK-', 'FIN-']);
    expect(claimsOf('The absence of any ACK, lacking of a SYN reply, a packet that was never SYN-ACK here.', 'tcp-flags')).toEqual(['ACK-', 'SYN-', 'SYN-', 'ACK-']);
    expect(claimsOf('No retransmissions were seen at all in the capture; SYN was set. No; RST.', 'tcp-flags')).toEqual(['SYN+', 'RST+']);
  });

  it('reads flag values after the field names', () => {
    expect(claimsOf('CLIENT_TCP_FLAGS = 24 and SERVER_TCP_FLAGS 18; TCP flags value of 2; Flag Reset.', 'tcp-flags')).toEqual(['CLIENT_TCP_FLAGS = 24', 'SERVER_TCP_FLAGS 18', 'TCP flags value of 2', 'Reset+']);
  });
});

/** The sentence split as it was written first, line by line: the reference for the one-pass split. */
function splitByLine(text: string): Array<{ start: number; end: number; topic: string }> {
  const out: Array<{ start: number; end: number; topic: string }> = [];
  let topic = '';
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (/^\s*(?:#{1,6}\s+.*|\*\*[^*]+\*\*:?\s*)$/.test(line)) topic = line.toLowerCase();
    const push = (from: number, to: number): void => {
      while (from < to && /\s/.test(line[from]!)) from++;
      while (to > from && /\s/.test(line[to - 1]!)) to--;
      if (to - from >= 2) out.push({ start: lineStart + from, end: lineStart + to, topic });
    };
    let from = 0;
    const boundary = /[.!?](?=\s+[A-Z*`"(#\d-])/g;
    for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
      if (/(?:\b(?:e\.g|i\.e|approx|vs|etc|cf|Fig|No|incl|est)|\b[A-Z])$/.test(line.slice(Math.max(0, m.index - 8), m.index))) continue;
      push(from, m.index + 1);
      from = m.index + 1;
    }
    push(from, line.length);
    lineStart = lineEnd + 1;
  }
  return out;
}

describe('sentence split', () => {
  const texts = [
    'e.g. Within the window. Approx. 577 bytes. J. Smith wrote it. Then\u00a0 Another one?  Yes!\r\nNext line.',
    '  ## Heading here\n  plain line. **Bold:** text\n\n- item one. Item two.\n.\nx',
    'It ended.  \nThe next line. And a boundary at the very end. ',
    '\u2003# Not quite a heading\n#Nor this\n###### Deep\nvs. Fig. 3 and No. 5 and incl. More. est. Done.',
    'Ends with a period.\n\n\n',
    'Wow! Really? Yes. no! Maybe?\u00a0Sure.\u2028Then. (a) and. "quoted". #tag. *bold*. `code`. -dash. 9 nine.\tTab.  \t \nx',
    '',
  ];

  it('splits as the line-by-line reference does', () => {
    for (const text of texts) {
      const got = splitSentences(text).map((s) => ({ start: s.start, end: s.end, topic: s.topic }));
      expect(got).toEqual(splitByLine(text));
      for (const s of splitSentences(text, text.toLowerCase())) expect(s.lower).toBe(s.text.toLowerCase());
    }
  });
});
