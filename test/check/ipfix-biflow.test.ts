import { describe, expect, it } from 'vitest';
import { describeField, readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

// a bidirectional IPFIX record: RFC 5103 reverse information elements beside the forward ones
const biflow = readTable({
  flowStartMilliseconds: 1717000000123, flowEndMilliseconds: 1717000004623, sourceIPv4Address: '192.0.2.44', destinationIPv4Address: '203.0.113.8', sourceTransportPort: 40112,
  destinationTransportPort: 25, protocolIdentifier: 6, octetDeltaCount: 48211, packetDeltaCount: 61, reverseOctetDeltaCount: 3120, reversePacketDeltaCount: 38, tcpControlBits: 27, reverseTcpControlBits: 27,
}, 'ipfix.json');

describe('RFC 5103 reverse elements count the reverse direction', () => {
  it('the vocabulary reads "reverse" + an element as that element from the destination', () => {
    expect(describeField('reverseOctetDeltaCount')).toMatchObject({ family: 'ipfix', dimension: 'bytes', role: 'destination' });
    expect(describeField('reversePacketDeltaCount')).toMatchObject({ dimension: 'packets', role: 'destination' });
    expect(describeField('reverseSomethingUnknown', 3)).toMatchObject({ inferred: true });
  });

  it.each([
    ['The server sent 38 packets.', '38 packets: supported'],
    ['The client sent 38 packets.', '38 packets: contradicted'],
    ['The server returned 3,120 bytes.', '3,120 bytes: supported'],
    ['The client sent 3,120 bytes.', '3,120 bytes: contradicted'],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, biflow, ofKind('quantity'))).toEqual([expected]);
  });

  it.each([
    ['The reverse byte count is 31,200.', 'The reverse byte count is 31,200: contradicted'],
    ['The reverse byte count is 3,120.', 'The reverse byte count is 3,120: supported'],
    ['The octet delta count is 48,211.', 'The octet delta count is 48,211: supported'],
  ])('a count named in words against an element that counts octets: %s', (text, expected) => {
    expect(claimVerdicts(text, biflow, ofKind('field-value'))).toEqual([expected]);
  });
});
