import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** Who opened the connection, where the record gives the connection's roles (checkers/initiator.ts). */
const openings = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, ofKind('initiation'));

// a Zeek conn record: the originator (id.orig_h) is the end that opened the connection
const zeek = readTable({ ts: 1545404409.843814, 'id.orig_h': '192.168.1.195', 'id.orig_p': 48994, 'id.resp_h': '185.244.25.235', 'id.resp_p': 6667, proto: 'tcp', conn_state: 'S3', orig_pkts: 7, resp_pkts: 6 }, 'conn.json');
// ECS: client.* opened the connection; source.* is the sender of the alerted packet (here the server)
const ecs = readTable({ client: { ip: '10.0.0.5', port: 50000 }, server: { ip: '93.184.216.34', port: 443 }, source: { ip: '93.184.216.34', port: 443 }, destination: { ip: '10.0.0.5', port: 50000 }, network: { transport: 'tcp' } }, 'ecs.json');
// nProbe: a flow record's source sent its packets; nothing says which end opened the connection
const nprobe = readTable({ IPV4_SRC_ADDR: '172.31.64.92', IPV4_DST_ADDR: '172.31.0.2', L4_SRC_PORT: 51544, L4_DST_PORT: 443, PROTOCOL: 6, IN_BYTES: 500 }, 'nprobe.json');

describe('which end opened the connection', () => {
  it.each([
    ['The host 192.168.1.195 opened a TCP connection to 185.244.25.235.', 'opened a TCP connection: supported'],
    ['The connection was initiated by 192.168.1.195 and lasted 1.1 s.', 'connection was initiated by 192.168.1.195: supported'],
    ['The client opened a TCP connection to the IRC server.', 'opened a TCP connection: supported'],
    ['The source opened the session.', 'opened the session: supported'],
    ['The server at 185.244.25.235 never initiated a connection.', 'initiated a connection: supported'],
    ['The responder 185.244.25.235 initiated the connection.', 'initiated the connection: contradicted'],
    ['The connection was opened by the server.', 'connection was opened by the server: contradicted'],
    ['185.244.25.235 started the session with 192.168.1.195.', 'started the session: contradicted'],
  ])('in a Zeek conn record: %s', (text, expected) => {
    expect(openings(text, zeek)).toEqual([expected]);
  });

  it.each([
    ['The host 10.0.0.5 opened the connection to 93.184.216.34.', 'opened the connection: supported'],
    ['The client initiated the connection.', 'initiated the connection: supported'],
    ['93.184.216.34 initiated the session.', 'initiated the session: contradicted'],
  ])('in an ECS event with client and server: %s', (text, expected) => {
    expect(openings(text, ecs)).toEqual([expected]);
  });

  it.each([
    ['The source 172.31.64.92 initiated a connection to 172.31.0.2.', 'initiated a connection: unsupported'],
    ['The connection was initiated by the destination.', 'connection was initiated by the destination: unsupported'],
    ['172.31.0.2 opened the session.', 'opened the session: unsupported'],
  ])('not where the record has only a source and a destination: %s', (text, expected) => {
    expect(openings(text, nprobe)).toEqual([expected]);
  });
});
