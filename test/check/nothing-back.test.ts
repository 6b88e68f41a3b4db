import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** "No data came back", "the server never responded": the destination's side must be empty (extract/phrases.ts, checkShare). */
const shares = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'share')
    .map((c) => c.verdict);

const cic = readTable({ 'Src IP': '18.219.193.20', 'Dst IP': '172.31.69.25', 'Dst Port': 80, Protocol: 6, 'Tot Fwd Pkts': 6, 'Tot Bwd Pkts': 4, 'TotLen Fwd Pkts': 319, 'TotLen Bwd Pkts': 935 }, 'cic.json');
const s0 = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '81.2.69.142', 'id.resp_p': 23, proto: 'tcp', orig_pkts: 3, resp_pkts: 0, orig_bytes: 0, resp_bytes: 0, conn_state: 'S0' }, 'conn.json');
const ackOnly = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, IN_PKTS: 5, IN_BYTES: 900, OUT_PKTS: 3, OUT_BYTES: 0 }, 'nprobe.json');

describe('nothing came back', () => {
  it.each([
    [cic, 'The Down/Up Ratio of 0 means no data came back.', 'contradicted'],
    [cic, 'The server never responded.', 'contradicted'],
    [s0, 'The SYN went unanswered.', 'supported'],
    [s0, 'No response from the server.', 'supported'],
    [s0, 'The target did not reply to any of the probes.', 'supported'],
    [ackOnly, 'No data came back from the server.', 'supported'],
    [ackOnly, 'The destination never replied.', 'contradicted'],
  ])('judges a reply said to be missing against the destination side: %s', (table, text, verdict) => {
    expect(shares(text, table)).toEqual([verdict]);
  });

  it.each([
    [ackOnly, 'The exporter recorded zero bytes in the reverse direction.', ['supported']],
    [ackOnly, 'There were zero packets in return.', ['contradicted']],
    [s0, 'Zero packets and zero bytes came back from the server.', ['supported', 'supported']],
    [ackOnly, 'The flow carried zero bytes.', ['contradicted']],
    [ackOnly, 'Zero packets is a figure no flow reports.', []],
  ])('reads "zero bytes" or "zero packets" with a reverse direction after it as one side\'s count: %s', (table, text, verdicts) => {
    expect(shares(text, table)).toEqual(verdicts);
  });
});
