import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

/** Which side reset the connection, against Zeek's conn_state and history, a firewall's end reason, or nProbe's per-side flags. */
const zeek = readTable({ 'id.orig_h': '10.9.0.4', 'id.resp_h': '10.9.0.200', 'id.resp_p': 445, proto: 'tcp', conn_state: 'RSTO', history: 'ShADadR' }, 'conn.json');
const zeekClean = readTable({ 'id.orig_h': '10.9.0.4', 'id.resp_h': '10.9.0.200', 'id.resp_p': 445, proto: 'tcp', conn_state: 'SF', history: 'ShADadFf' }, 'conn.json');
const panos = readTable({ src: '10.1.4.22', dst: '203.0.113.77', sport: 51544, dport: 443, proto: 'tcp', session_end_reason: 'tcp-rst-from-server' }, 'panos.json');
const nprobe = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, TCP_FLAGS: 22, CLIENT_TCP_FLAGS: 2, SERVER_TCP_FLAGS: 20 }, 'nprobe.json');
const resets = (text: string, table: ReturnType<typeof readTable>): string[] => claimVerdicts(text, table, ofKind('reset-by'));

describe('who reset the connection', () => {
  it.each([
    ['The responder aborted the connection.', zeek, ['The responder aborted the connection: contradicted']],
    ['The originator reset the connection.', zeek, ['The originator reset the connection: supported']],
    ['The client sent a RST.', zeek, ['The client sent a RST: supported']],
    ['It was reset by the server.', zeek, ['reset by the server: contradicted']],
    ['The server aborted the session.', zeekClean, ['The server aborted the session: contradicted']],
    ['The server sent a TCP reset.', panos, ['The server sent a TCP reset: supported']],
    ['The session was torn down by the client.', panos, ['torn down by the client: contradicted']],
    ['The server sent an RST.', nprobe, ['The server sent an RST: supported']],
    ['The client reset the flow.', nprobe, ['The client reset the flow: contradicted']],
  ])('%s', (text, table, expected) => {
    expect(resets(text, table)).toEqual(expected);
  });

  it.each(['The server did not reset it.', 'Neither side sent a RST before the close.'])('no claim where none is made: %s', (text) => {
    expect(resets(text, zeek)).toEqual([]);
  });
});
