import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/table/index.ts';
import { claimVerdicts, ofKind } from './claim-verdicts.ts';

const eve = {
  timestamp: '2026-05-02T10:14:22.531000+0000', flow_id: 1022459987412, in_iface: 'bond0', event_type: 'alert', src_ip: '45.155.205.17', src_port: 47120, dest_ip: '10.40.2.15', dest_port: 1433, proto: 'TCP',
  alert: { action: 'allowed', gid: 1, signature_id: 2010935, rev: 3, signature: 'ET SCAN Suspicious inbound to MSSQL port 1433', severity: 2 },
  flow: { pkts_toserver: 1, pkts_toclient: 0, bytes_toserver: 60, bytes_toclient: 0 },
};
// a Security Onion alert: ECS fields, with the sensor's EVE record kept as JSON text in `message`
const so = readTable({
  '@timestamp': '2026-05-02T10:14:22.531Z', event: { module: 'suricata', severity: 2, severity_label: 'medium' }, observer: { name: 'so-sensor-01' },
  rule: { name: 'ET SCAN Suspicious inbound to MSSQL port 1433', uuid: '2010935' }, source: { ip: '45.155.205.17', port: 47120 }, destination: { ip: '10.40.2.15', port: 1433 },
  network: { transport: 'tcp' }, message: JSON.stringify(eve),
}, 'so.json');

describe('a record carried as JSON text inside another is read', () => {
  it.each([
    ['The source sent a single 60-byte packet.', ['60-byte: supported']],
    ['The source sent 3 packets.', ['3 packets: contradicted']],
    ['The server answered with 60 bytes.', ['60 bytes: contradicted']],
  ])('its counts: %s', (text, expected) => {
    expect(claimVerdicts(text, so, ofKind('quantity'))).toEqual(expected);
  });

  it.each([
    ['Suricata allowed the packet.', ['allowed the packet: supported']],
    ['The sensor blocked the packet.', ['blocked: contradicted']],
  ])('its action: %s', (text, expected) => {
    expect(claimVerdicts(text, so, ofKind('entity'))).toEqual(expected);
  });

  it('its fields by name', () => {
    expect(claimVerdicts('The flow id was 1022459987413.', so, ofKind('field-value'))).toEqual(['The flow id was 1022459987413: contradicted']);
  });
});

describe('a level said as the kind of severity or priority', () => {
  it.each([
    ['It was a medium-severity alert.', ['medium-severity: supported']],
    ['The alert was high severity.', ['high severity: contradicted']],
    ['The severity is medium.', ['The severity is medium: supported']],
    ['The severity is critical.', ['The severity is critical: contradicted']],
    ['The high severity level suggests an incident.', []],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, so, ofKind('field-value'))).toEqual(expected);
  });
});

describe('the gaps between the record\'s times are derivations', () => {
  const zeek = readTable({
    weird: { ts: 1733412605.221841, uid: 'C8blOJ21azairPrWf8', 'id.orig_h': '192.168.4.76', 'id.resp_h': '104.18.32.47', 'id.resp_p': 443, name: 'TCP_ack_underflow_or_misorder' },
    conn: { ts: 1733412601.870112, uid: 'C8blOJ21azairPrWf8', proto: 'tcp', duration: 12.417355, orig_bytes: 2214, resp_bytes: 48211 },
  }, 'zeek.json');
  it.each([
    ['The weird was raised 3.35 seconds after the connection began.', ['3.35 seconds: supported']],
    ['About 3.4 s into the connection Zeek logged the weird.', ['About 3.4 s: supported']],
    ['The weird came 10 seconds after the connection started.', ['10 seconds: contradicted']],
  ])('%s', (text, expected) => {
    expect(claimVerdicts(text, zeek, ofKind('quantity'))).toEqual(expected);
  });
});
