import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { readReport, readTable } from '../../src/table/read.ts';
import { tableToMarkdown } from '../../src/table/to-markdown.ts';

const seedFile = resolve(import.meta.dirname, '../../eval/cases/flow-3943031.md');

describe('readTable', () => {
  it('resolves registry aliases in a flat object and keeps unknown names as fields', () => {
    const t = readTable({ ID: 7, IN_BYTES: '4,761,630', src_IN_PKTS_sum: 3730.0, FLOW_DURATION_MILLISECONDS: 65870, MYSTERY: 'x', OUT_BYTES: null }, 't.json');
    expect(t.flow_id).toBe('7');
    expect(t.features.map((r) => [r.name, r.value, r.unit])).toEqual([
      ['IN_BYTES', 4761630, 'bytes'],
      ['src_in_pkts_sum', 3730, 'packets'],
      ['duration_ms', 65870, 'ms'],
      ['OUT_BYTES', null, 'bytes'],
    ]);
    expect(t.fields).toEqual([{ name: 'MYSTERY', value: 'x', unit: '', description: 'Not a known field; read as text from a text value' }]);
  });

  it('builds the flow identity from nProbe names', () => {
    const t = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', L4_SRC_PORT: 5000, L4_DST_PORT: 22, PROTOCOL: 6, FLOW_START_MILLISECONDS: 1518631335675, TCP_FLAGS: 27 });
    expect(t.flow).toEqual({ src_addr: '10.0.0.1', dst_addr: '10.0.0.2', src_port: 5000, dst_port: 22, protocol: 6, protocol_name: 'TCP', start: '2018-02-14T18:02:15.675Z', end: null });
    // identity fields stay rows too, so a claim can cite the input's own name
    expect(t.fields.map((r) => r.name)).toEqual(['IPV4_SRC_ADDR', 'IPV4_DST_ADDR', 'L4_SRC_PORT', 'L4_DST_PORT', 'PROTOCOL', 'FLOW_START_MILLISECONDS', 'TCP_FLAGS']);
  });

  it.each([
    ['Zeek conn.log', { ts: 1545403816.1, 'id.orig_h': '192.168.1.5', 'id.orig_p': 40000, 'id.resp_h': '8.8.8.8', 'id.resp_p': 53, proto: 'udp' }, ['192.168.1.5', '8.8.8.8', 40000, 53, 17]],
    ['Suricata EVE', { src_ip: '10.0.0.9', src_port: 51000, dest_ip: '10.0.0.1', dest_port: 443, proto: 'TCP' }, ['10.0.0.9', '10.0.0.1', 51000, 443, 6]],
    ['IPFIX', { sourceIPv4Address: '10.1.1.1', destinationIPv4Address: '10.2.2.2', sourceTransportPort: 1234, destinationTransportPort: 80, protocolIdentifier: 6 }, ['10.1.1.1', '10.2.2.2', 1234, 80, 6]],
    ['CICFlowMeter', { 'Src IP': '172.16.0.1', 'Src Port': 3333, 'Dst IP': '192.168.10.50', 'Dst Port': 21, Protocol: 6 }, ['172.16.0.1', '192.168.10.50', 3333, 21, 6]],
    ['goflow2', { src_addr: '10.9.9.9', dst_addr: '10.8.8.8', src_port: 123, dst_port: 123, proto: 17 }, ['10.9.9.9', '10.8.8.8', 123, 123, 17]],
    ['nested ECS', { source: { ip: '192.168.250.59', port: 80 }, destination: { ip: '10.229.19.97', port: 51989 }, network: { transport: 'tcp', protocol: ['http'] } }, ['192.168.250.59', '10.229.19.97', 80, 51989, 6]],
  ])('reads the flow identity of a %s record from its field names and values', (_format, record, [src, dst, sport, dport, proto]) => {
    const t = readTable(record, 'record.json');
    expect(t.flow).toMatchObject({ src_addr: src, dst_addr: dst, src_port: sport, dst_port: dport, protocol: proto });
  });

  it('keeps a source address when the destination is missing', () => {
    const t = readTable({ src_ip: '10.0.0.7', bytes: 52 }, 'half.json');
    expect(t.flow).toBeUndefined();
    expect(t.fields.find((r) => r.name === 'src_ip')?.value).toBe('10.0.0.7');
  });

  it('reads nested alert JSON: dotted paths, arrays of values and arrays of objects', () => {
    const t = readTable({ rule: { name: 'ET SCAN Nmap', category: ['Attempted Recon'] }, host: { ip: ['10.0.0.1', 'fe80::1'] }, evidence: [{ src_ip: '1.2.3.4' }, { src_ip: '5.6.7.8' }] }, 'alert.json');
    expect(t.fields.map((r) => [r.name, r.value])).toEqual([
      ['rule.name', 'ET SCAN Nmap'],
      ['rule.category', 'Attempted Recon'],
      ['host.ip[0]', '10.0.0.1'],
      ['host.ip[1]', 'fe80::1'],
      ['evidence[0].src_ip', '1.2.3.4'],
      ['evidence[1].src_ip', '5.6.7.8'],
    ]);
  });

  it('fills a FeatureTable row\'s missing unit and description and reads identity rows', () => {
    const t = readTable({ flow_id: 'x', features: [{ name: 'IN_BYTES', value: 52 }], fields: [{ name: 'IPV4_SRC_ADDR', value: '10.0.0.1' }, { name: 'IPV4_DST_ADDR', value: '10.0.0.2' }, { name: 'L4_DST_PORT', value: 53 }] }, 't.json');
    expect(t.features[0]).toMatchObject({ unit: 'bytes' });
    expect(t.features[0]!.description).not.toBe('');
    expect(t.flow).toMatchObject({ src_addr: '10.0.0.1', dst_addr: '10.0.0.2', dst_port: 53 });
  });

  it('validates a FeatureTable JSON and names the bad member', () => {
    expect(() => readTable({ flow_id: 'x', features: [{ name: 'IN_BYTES', value: { n: 1 } }] }, 'bad.json')).toThrow(InputError);
    expect(() => readTable({ flow_id: 'x', features: [{ name: 'IN_BYTES', value: { n: 1 } }] }, 'bad.json')).toThrow(/features\.0\.value.*at bad\.json/);
    expect(() => readTable([1, 2], 'list.json')).toThrow('Expected `table` to be a FeatureTable object, a flat {"FIELD": value} object or a nested alert object, got `[1,2]` (object) at list.json');
  });
});

describe('readReport', () => {
  it('reads the seed: its Observable Features table and the narrative after it', () => {
    const text = readFileSync(seedFile, 'utf8');
    const r = readReport(text, 'seed.md');
    expect(r.table?.flow_id).toBe('3943031');
    expect(r.table?.flow?.src_addr).toBe('2a0b:e43:1::21');
    expect(r.table?.features.find((f) => f.name === 'src_syn_flows')?.value).toBe(0);
    expect(text.slice(r.narrativeOffset, r.narrativeOffset + r.narrative.length)).toBe(r.narrative);
    expect(r.narrative).toContain('üß† Model Explanation');
    expect(r.narrative).not.toContain('| IN_BYTES | 4761630 |');
  });

  it('reads back a report whose table is tableToMarkdown output (baselines included) and stops at Grounding', () => {
    const table = readTable({ schema_version: 1, flow_id: '9', score: { value: 0.764, method: 'isolation-forest', rank: 3, threshold: 0.627, of: 20000 }, flow: { src_addr: '10.0.0.1', dst_addr: '10.0.0.2', src_port: 1, dst_port: 80, protocol: 6, protocol_name: 'TCP', start: null, end: null }, features: [{ name: 'IN_BYTES', value: 5000, unit: 'bytes', description: 'Bytes', baseline: { median: 100, p99: 900, percentile: 99.5 }, contribution: 2 }], fields: [] });
    const md = `# Flow 9\n\n## 📊 Observable Features\n${tableToMarkdown(table)}\n---\n\n## 🧠 Model Explanation\nIt sent 5,000 bytes.\n\n## ✅ Grounding\n1 claim`;
    const r = readReport(md, 'r.md');
    expect(r.table?.features[0]).toEqual({ name: 'IN_BYTES', value: 5000, unit: 'bytes', description: 'Bytes', baseline: { median: 100, p99: 900, percentile: 99.5 }, contribution: 2 });
    expect(r.table?.flow).toMatchObject({ src_addr: '10.0.0.1', dst_port: 80, protocol: 6 });
    expect(r.table?.score).toEqual({ value: 0.764, method: 'isolation-forest', rank: 3, threshold: 0.627, of: 20000 });
    expect(r.narrative.trim()).toBe('---\n\n## 🧠 Model Explanation\nIt sent 5,000 bytes.');
  });

  it('reads a JSON report and plain text', () => {
    const r = readReport(JSON.stringify({ narrative: 'It sent 5 bytes.', table: { IN_BYTES: 5 } }), 'r.json');
    expect([r.narrative, r.table?.features[0]?.value]).toEqual(['It sent 5 bytes.', 5]);
    expect(readReport('Just text.', 'n.txt')).toEqual({ narrative: 'Just text.', narrativeOffset: 0 });
    expect(() => readReport('{"table": {}}', 'x.json')).toThrow(/`narrative`, `text` or `explanation`/);
    expect(() => readReport('{not json', 'x.json')).toThrow(InputError);
  });
});

describe('exporter uptime read as uptime, not as a date', () => {
  it.each([
    [{ FIRST_SWITCHED: 50_210_000, LAST_SWITCHED: 50_309_000 }, 'ms', null],
    [{ FIRST_SWITCHED: 1_519_070_711, LAST_SWITCHED: 1_519_070_810 }, 'epoch s', '2018-02-19T20:05:11.000Z'],
    [{ flowStartSysUpTime: 1_000, flowEndSysUpTime: 5_000 }, 'ms', null],
  ])('FIRST_SWITCHED-like fields by value: %o', (times, unit, start) => {
    const table = readTable({ IPV4_SRC_ADDR: '10.0.5.23', IPV4_DST_ADDR: '10.0.9.2', PROTOCOL: 17, ...times }, 'v9.json');
    expect(table.fields.find((f) => Object.keys(times)[0] === f.name)?.unit).toBe(unit);
    expect(table.flow?.start ?? null).toBe(start);
  });
});

describe('a structured JSON answer as the report', () => {
  it.each([
    '{"decision": "benign", "reasons": ["Port 80 is HTTP."]}',
    '{"verdict": "malicious", "cve": ["CVE-2022-1234"], "mitre_attack": [{"id": "T1110"}]}',
    '  {"summary": "The client port was 33245"}',
  ])('is read whole as the narrative when it has no narrative member and no table: %s', (text) => {
    const report = readReport(text, 'answer.json');
    expect(report.narrative).toBe(text);
    expect(report.table).toBeUndefined();
  });
});
