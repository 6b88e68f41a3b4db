import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** The NF-v3 flow the real GPT-4o texts were about (IN_BYTES 52, OUT_BYTES 40, one packet each way). */
const table = readTable({ IPV4_SRC_ADDR: '123.16.253.110', IPV4_DST_ADDR: '172.31.69.22', L4_SRC_PORT: 15157, L4_DST_PORT: 445, PROTOCOL: 6, FLOW_DURATION_MILLISECONDS: 1, IN_BYTES: 52, OUT_BYTES: 40, IN_PKTS: 1, OUT_PKTS: 1, TCP_FLAGS: 22 }, 'flow-36');

const verdicts = (text: string): string[] => checkNarrative(text, table).claims.filter((c) => c.kind === 'quantity').map((c) => `${c.text}: ${c.verdict}`);

describe('a list of figures after a list of as many row names gives them in order', () => {
  it('supports each figure against its own row', () => {
    expect(verdicts('IN_BYTES and OUT_BYTES are 52 and 40.')).toEqual(['52: supported', '40: supported']);
    expect(verdicts('IN_PKTS and OUT_PKTS (1 vs 1) are balanced.')).toEqual(['1: supported', '1: supported']);
    expect(verdicts('IN_BYTES, OUT_BYTES and IN_PKTS are 52, 40 and 1.')).toEqual(['52: supported', '40: supported', '1: supported']);
  });

  it('contradicts figures given in the wrong order or for the wrong rows', () => {
    expect(verdicts('IN_BYTES and OUT_BYTES are 40 and 52.')).toEqual(['40: contradicted', '52: contradicted']);
    // the real model's slip: the byte counts quoted for the packet counts
    expect(verdicts('IN_BYTES > OUT_BYTES with balanced IN_PKTS and OUT_PKTS (52 vs 40) suggests non-standard interaction.')).toEqual(['52: contradicted', '40: contradicted']);
  });

  it('leaves a range or a single name alone', () => {
    // one name, a range: one claim that the value lies in it
    expect(verdicts('FLOW_DURATION_MILLISECONDS is between 1 and 5 ms.')[0]).toBe('between 1 and 5 ms: supported');
    // names not joined as a list
    expect(verdicts('IN_BYTES is high; OUT_BYTES of 40 and 52 were seen.')).not.toContain('40: contradicted');
  });
});
