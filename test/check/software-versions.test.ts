import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

const claims = (text: string, table: ReturnType<typeof readTable>, kind: string): string[] => claimVerdicts(text, table, ofKind(kind));

// a real Suricata ssh event and its flow event (suricata-eve-internet-sensor), merged
const eveSsh = readTable({
  timestamp: '2023-02-28T11:34:02.133169+0000', src_ip: '43.153.194.204', src_port: 54556, dest_ip: '193.200.130.243', dest_port: 22, proto: 'TCP', app_proto: 'ssh',
  ssh: { client: { proto_version: '2.0', software_version: 'libssh_0.9.6' }, server: { proto_version: '2.0', software_version: 'OpenSSH_8.2p1' } },
  flow: { pkts_toserver: 11, pkts_toclient: 11, bytes_toserver: 1932, bytes_toclient: 2319, start: '2023-02-28T11:34:02.010070+0000', end: '2023-02-28T11:34:02.304590+0000' },
}, 'eve.json');

describe('a program and its version is checked against the record’s texts (literal software)', () => {
  it.each([
    ['The client used libssh 0.9.6.', 'libssh 0.9.6: supported'],
    ['The server runs OpenSSH_8.2p1.', 'OpenSSH_8.2p1: supported'],
    ['The server runs OpenSSH 8.2.', 'OpenSSH 8.2: supported'],
    ['The server runs OpenSSH 8.9p1.', 'OpenSSH 8.9p1: contradicted'],
    ['The client was libssh 0.10.4, a common scanning library.', 'libssh 0.10.4: contradicted'],
    ['The server runs Apache/2.4.41.', 'Apache/2.4.41: unsupported'],
  ])('%s', (text, expected) => {
    expect(claims(text, eveSsh, 'literal')).toEqual([expected]);
  });

  it.each([
    ['The server answered with an SSH-2.0-OpenSSH_8.2p1 banner.', ['SSH-2.0: supported', 'OpenSSH_8.2p1: supported']],
    ['The banner was SSH-2.0-OpenSSH_7.4.', ['SSH-2.0: supported', 'OpenSSH_7.4: contradicted']],
  ])('reads the program in an SSH banner: %s', (text, expected) => {
    expect(claims(text, eveSsh, 'literal')).toEqual(expected);
  });

  it.each(['At 11.5 seconds it ended.', 'Version 2.0 of the protocol.', 'It came from 10.0.0.1 over TLS 1.2.', 'The flow lasted about 0.29 seconds.'])('reads no program in "%s"', (text) => {
    expect(claims(text, eveSsh, 'literal').filter((c) => !c.startsWith('TLS'))).toEqual([]);
  });
});

describe('one side said to send some percent more or less than the other (relation)', () => {
  it.each([
    ['The server sent 20% more bytes than the client.', 'supported'],
    ['The client sent 17% fewer bytes than the server.', 'supported'],
    ['The server sent about 20 percent more data than the client.', 'supported'],
    ['The server sent 50% more bytes than the client.', 'contradicted'],
    ['The client sent 10% more packets than the server.', 'contradicted'],
  ])('%s', (text, verdict) => {
    expect(claims(text, eveSsh, 'relation').map((c) => c.split(': ').pop())).toEqual([verdict]);
  });
});

describe('a clock time with a fraction of a second is read to the second', () => {
  it.each([
    ['The flow started at 11:34:02.01 UTC.', '11:34:02.01 UTC: supported'],
    ['The flow started at 11:35:02.01 UTC.', '11:35:02.01 UTC: contradicted'],
    ['It ended at 11:34:02.304590Z.', '11:34:02.304590Z: supported'],
  ])('%s', (text, expected) => {
    expect(claims(text, eveSsh, 'timestamp')).toEqual([expected]);
  });
});
