import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** How the flow ended and whether it raised an alert (extract/flow-outcome.ts, checkers/flow-outcome.ts). */
const outcomes = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'end-reason' || c.kind === 'alerted')
    .map((c) => `${c.text}: ${c.verdict}`);

const ipfix = readTable({ sourceIPv4Address: '198.51.100.23', destinationIPv4Address: '10.1.1.53', protocolIdentifier: 17, flowEndReason: 1 }, 'ipfix.json');
const eveFlow = readTable({ src_ip: '43.153.194.204', dest_ip: '193.200.130.243', proto: 'TCP', event_type: 'flow', flow: { alerted: false, reason: 'shutdown' } }, 'eve.json');
const eveAlert = readTable({ src_ip: '10.0.0.5', dest_ip: '10.0.0.9', proto: 'TCP', event_type: 'alert', alert: { signature: 'ET SCAN Nmap', signature_id: 2000537 } }, 'eve.json');
const nprobe = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, IN_BYTES: 40 }, 'nprobe.json');

describe('why the flow ended', () => {
  it.each([
    ['The flow ended because of an active timeout.', 'ended because of an active timeout: contradicted'],
    ['It was exported on an idle timeout.', 'was exported on an idle timeout: supported'],
    ['An idle timeout closed the flow.', 'idle timeout closed: supported'],
    ['The session timed out.', 'timed out: supported'],
    ['The connection closed with a FIN.', 'closed with a FIN: contradicted'],
  ])('against the IPFIX flowEndReason code: %s', (text, expected) => {
    expect(outcomes(text, ipfix)).toEqual([expected]);
  });

  it.each([
    ['It was closed by a timeout.', 'was closed by a timeout: contradicted'],
    ['The flow ended at sensor shutdown.', 'ended at sensor shutdown: supported'],
    ['It was terminated due to a forced end.', 'terminated due to a forced end: contradicted'],
  ])('against the EVE flow.reason word: %s', (text, expected) => {
    expect(outcomes(text, eveFlow)).toEqual([expected]);
  });

  it('is not judged where the record keeps no end reason', () => {
    expect(outcomes('The flow ended because of an idle timeout.', nprobe)).toEqual([]);
  });
});

describe('whether an alert was raised', () => {
  it.each([
    [eveFlow, 'An alert was raised for this flow.', 'An alert was raised: contradicted'],
    [eveFlow, 'The flow triggered an alert.', 'triggered an alert: contradicted'],
    [eveFlow, 'No alert was raised.', 'No alert was raised: supported'],
    [eveAlert, 'This flow triggered an alert.', 'triggered an alert: supported'],
    [eveAlert, 'No alert was generated.', 'No alert was generated: contradicted'],
  ])('%#: %s', (table, text, expected) => {
    expect(outcomes(text, table)).toEqual([expected]);
  });

  it('is not judged where the record says nothing of alerts', () => {
    expect(outcomes('The flow triggered an alert.', nprobe)).toEqual([]);
  });
});

describe('which way the packet that matched went', () => {
  const snort = readTable({ action: 'allow', dir: 'C2S', dst_addr: '10.0.0.5', dst_port: 445, proto: 'TCP', src_addr: '192.168.1.77', src_port: 51515, msg: 'OS-WINDOWS SMB attempt' }, 'snort.json');
  const eve = readTable({ src_ip: '1.2.3.4', dest_ip: '5.6.7.8', proto: 'TCP', event_type: 'alert', direction: 'to_client', alert: { signature: 'ET INFO x' } }, 'eve.json');
  const direction = (text: string, table: ReturnType<typeof readTable>): string[] =>
    checkNarrative(text, table).claims.filter((c) => c.kind === 'packet-direction').map((c) => `${c.text}: ${c.verdict}`);
  it.each([
    [snort, 'The packet went from the server to the client.', ['from the server to the client: contradicted']],
    [snort, 'A client-to-server packet triggered the rule.', ['client-to-server: supported']],
    [eve, 'The server-to-client response matched the signature.', ['server-to-client: supported']],
    [eve, 'The alert fired on a packet from the client to the server.', ['from the client to the server: contradicted']],
  ])('%#: %s', (table, text, expected) => {
    expect(direction(text, table)).toEqual(expected);
  });

  it.each([
    [snort, 'The request went from the client to the server.'],
    [snort, 'The packet went from the source to the destination.'],
    [nprobe, 'The packet went from the server to the client.'],
  ])('is not judged of the flow as a whole, of the record’s sides, or without a direction field: %s', (table, text) => {
    expect(direction(text, table)).toEqual([]);
  });
});

describe('whether the handshake completed', () => {
  const handshake = (text: string, table: ReturnType<typeof readTable>): string[] =>
    checkNarrative(text, table).claims.filter((c) => c.kind === 'initiation').map((c) => `${c.text}: ${c.verdict}`);
  const sides = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, TCP_FLAGS: 22, CLIENT_TCP_FLAGS: 2, SERVER_TCP_FLAGS: 20 }, 'nprobe.json');
  const midstream = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, TCP_FLAGS: 24 }, 'nprobe.json');
  const data = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6, TCP_FLAGS: 27 }, 'nprobe.json');
  const s0 = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '81.2.69.142', proto: 'tcp', conn_state: 'S0', history: 'S' }, 'conn.json');
  it.each([
    [sides, 'A complete handshake was observed.', 'complete handshake: contradicted'],
    [sides, 'The handshake was never completed.', 'handshake was never completed: supported'],
    [midstream, 'A full three-way handshake was completed.', 'full three-way handshake: contradicted'],
    [data, 'The TCP handshake was completed.', 'handshake was completed: supported'],
    [s0, 'The connection completed the three-way handshake.', 'completed the three-way handshake: contradicted'],
  ])('%#: %s', (table, text, expected) => {
    expect(handshake(text, table)).toEqual([expected]);
  });

  it.each([
    [nprobe, 'The handshake was completed.'],
    [readTable({ IPV4_SRC_ADDR: '10.0.0.1', PROTOCOL: 6, TCP_FLAGS: 18 }, 'nprobe.json'), 'The handshake was completed.'],
    [sides, 'The source initiated the connection.'],
  ])('is not judged where the record does not tell: %s', (table, text) => {
    expect(handshake(text, table).map((v) => v.split(': ')[1])).toEqual(['unsupported']);
  });
});
