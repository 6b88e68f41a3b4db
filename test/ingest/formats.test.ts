import { describe, expect, it } from 'vitest';
import { readFixture } from './support.ts';

describe('nProbe CSV', () => {
  it('reads NF-v3 names: canonical fields, other columns as numbers in fields, labels apart', async () => {
    const { flows, summary, source } = await readFixture('nprobe-v3.csv');
    expect(source.format).toBe('nprobe-csv');
    expect(source.hasTime).toBe(true);
    expect(source.hasFlags).toBe(true);
    expect(summary).toMatchObject({ read: 3, accepted: 3, quarantined: 0, late: 0 });
    expect(flows[0]).toEqual({
      id: '1',
      line: 2,
      src_addr: '10.0.0.1',
      dst_addr: '10.0.0.2',
      src_port: 50000,
      dst_port: 443,
      protocol: 6,
      start_ms: 1704067200000,
      end_ms: 1704067201500,
      duration_ms: 1500,
      in_bytes: 1200,
      in_pkts: 10,
      out_bytes: 5400,
      out_pkts: 8,
      tcp_flags: 27,
      fields: { L7_PROTO: 91, MIN_TTL: 64 },
      labels: { Label: '0', Attack: 'Benign' },
      notes: [],
    });
    expect(flows[2]!.labels).toEqual({ Label: '1', Attack: 'SSH-Bruteforce' });
    expect(flows[1]!.fields.L7_PROTO).toBe(5.126);
  });

  it('prefers the IPv6 columns when IPv4 holds 0.0.0.0, normalises IPv6 and unmaps IPv4-mapped addresses', async () => {
    const { flows } = await readFixture('nprobe-ipv6.csv');
    expect(flows.map((f) => [f.id, f.src_addr, f.dst_addr])).toEqual([
      ['a1', '2001:db8::1', '2001:db8::2'],
      ['a2', '192.168.1.5', '10.1.1.1'],
      ['a3', '192.0.2.7', '10.1.1.1'],
    ]);
  });

  it("reads the seed's NetFlow v9 names with FIRST_SWITCHED as YYYY-MM-DD HH:MM:SS (UTC)", async () => {
    const { flows, source } = await readFixture('seed-v9.csv');
    expect(source.hasFlags).toBe(false);
    expect(flows[0]).toMatchObject({
      id: '3943031',
      src_addr: '2a0b:e43:1::21',
      dst_addr: '2002:becf:7b73::becf:7b73',
      src_port: 443,
      dst_port: 57360,
      protocol: 6,
      start_ms: Date.UTC(2019, 9, 2, 7, 53, 6),
      end_ms: Date.UTC(2019, 9, 2, 7, 54, 11),
      duration_ms: 65870,
      in_pkts: 3730,
      in_bytes: 4761630,
      out_bytes: null,
      tcp_flags: null,
      notes: [],
    });
  });

  it('reads NF-v2 without time: hasTime false, input order kept', async () => {
    const { flows, source } = await readFixture('nf-v2.csv');
    expect(source.hasTime).toBe(false);
    expect(flows.map((f) => f.id)).toEqual(['1', '2']);
    expect(flows[1]!.labels).toEqual({ Label: '1', Attack: 'DDoS', Dataset: 'NF-BoT-IoT-v2' });
    expect(flows[1]!.duration_ms).toBe(0);
  });
});

describe('CICFlowMeter CSV', () => {
  it('reads the CSE-CIC-IDS2018 variant: day-first Timestamp, µs duration, flags from flag counts', async () => {
    const { flows, source } = await readFixture('cic-2018.csv');
    expect(source.format).toBe('cic-csv');
    expect(flows[0]).toMatchObject({
      id: '1',
      src_addr: '18.219.211.138',
      dst_addr: '172.31.69.25',
      src_port: 50306,
      dst_port: 80,
      protocol: 6,
      start_ms: Date.UTC(2018, 1, 14, 8, 31, 1),
      duration_ms: 2500,
      end_ms: Date.UTC(2018, 1, 14, 8, 31, 1) + 2500,
      in_pkts: 3,
      in_bytes: 0,
      out_pkts: 2,
      tcp_flags: 2 | 16,
      labels: { Label: 'DoS attacks-Slowloris' },
      notes: [],
    });
    expect(flows[0]!.fields['Flow ID']).toBe('172.31.69.25-18.219.211.138-80-50306-6');
    expect(flows[0]!.fields['SYN Flag Cnt']).toBe(1);
    expect(flows[1]!.fields['Flow Byts/s']).toBe('Infinity');
  });

  it('reads the CIC-IDS2017 variant with padded and repeated header names', async () => {
    const { flows, source } = await readFixture('cic-2017.csv');
    expect(source.header).toContain('Fwd Header Length#2');
    expect(flows[0]).toMatchObject({
      src_addr: '192.168.10.5',
      dst_port: 443,
      start_ms: Date.UTC(2017, 6, 3, 8, 55),
      duration_ms: 0.003,
      in_pkts: 2,
      out_pkts: 0,
      in_bytes: 12,
      tcp_flags: 16,
      labels: { Label: 'BENIGN' },
    });
  });
});

describe('nfdump CSV', () => {
  it('reads rows up to the Summary block, protocol names and flag letters', async () => {
    const { flows, summary } = await readFixture('nfdump.csv');
    expect(summary).toMatchObject({ read: 2, accepted: 2 });
    expect(flows[0]).toMatchObject({
      src_addr: '10.0.0.1',
      protocol: 6,
      tcp_flags: 16 | 8 | 2 | 1,
      in_pkts: 12,
      in_bytes: 4800,
      out_pkts: 10,
      out_bytes: 9000,
      start_ms: Date.UTC(2019, 9, 2, 7, 53, 6),
      end_ms: Date.UTC(2019, 9, 2, 7, 54, 11),
      duration_ms: 65000,
    });
    expect(flows[1]).toMatchObject({ src_addr: '2001:db8::1', protocol: 17, tcp_flags: 0, start_ms: Date.UTC(2019, 9, 2, 7, 53, 7, 250) });
  });
});

describe('goflow2 JSON lines', () => {
  it('reads ns times, protocol names or numbers, one direction', async () => {
    const { flows, source } = await readFixture('goflow2.jsonl');
    expect(source.format).toBe('goflow2-jsonl');
    expect(flows[0]).toMatchObject({
      start_ms: 1704067200000,
      end_ms: 1704067200500,
      duration_ms: 500,
      in_bytes: 1500,
      in_pkts: 3,
      out_bytes: null,
      out_pkts: null,
      protocol: 6,
      tcp_flags: 27,
    });
    expect(flows[0]!.fields.sampler_address).toBe('192.0.2.1');
    expect(flows[1]).toMatchObject({ src_addr: '2001:db8::5', protocol: 17, duration_ms: 0 });
    // keys the first record did not have still arrive: in fields, or in labels for a label name
    expect(flows[1]!.fields.vlan_id).toBe(7);
    expect(flows[1]!.labels).toEqual({ label: 'scan' });
    expect(flows[0]!.labels).toEqual({});
  });
});

describe('Zeek conn.log', () => {
  it('reads TSV with the IoT-23 three-space last field, orig IP bytes as IN, flags from history', async () => {
    const { flows, source } = await readFixture('zeek-conn.log');
    expect(source.format).toBe('zeek-tsv');
    expect(source.header.slice(-3)).toEqual(['tunnel_parents', 'label', 'detailed-label']);
    expect(flows[0]).toMatchObject({
      id: 'CrDn63WjJEmrWGjqf',
      line: 9,
      src_port: 41040,
      start_ms: 1545403816962.094,
      in_bytes: 180,
      in_pkts: 3,
      out_bytes: 0,
      tcp_flags: 2,
      labels: { label: 'Malicious', 'detailed-label': 'C&C' },
    });
    expect(flows[0]!.duration_ms).toBe(3139.211);
    expect(flows[0]!.fields).toMatchObject({ orig_bytes: 0, conn_state: 'S0', service: null, history: 'S', tunnel_parents: null });
    // ShADadttcfF: S SYN, h SYN+ACK, A/a ACK, F/f FIN → 0x13
    expect(flows[1]!.tcp_flags).toBe(2 | 16 | 1);
    expect(flows[1]!.labels).toEqual({ label: 'Benign' });
    // udp: no TCP flags; unset duration stays null
    expect(flows[2]).toMatchObject({ protocol: 17, tcp_flags: null, duration_ms: null, end_ms: null });
  });

  it('reads Zeek JSON lines; ICMP over IPv6 becomes 58; no history → null flags', async () => {
    const { flows, source } = await readFixture('zeek-conn.jsonl');
    expect(source.format).toBe('zeek-jsonl');
    expect(flows[0]).toMatchObject({ id: 'CrDn63WjJEmrWGjqf', in_bytes: 180, tcp_flags: 2 });
    expect(flows[1]).toMatchObject({ id: 'Cicmp6', protocol: 58, src_addr: 'fe80::1', tcp_flags: null, duration_ms: null });
  });
});

describe('Suricata eve.json', () => {
  it('reads flow and netflow events, skips and counts the rest', async () => {
    const { flows, summary, source } = await readFixture('suricata-eve.json');
    expect(source.format).toBe('suricata-eve');
    expect(summary).toMatchObject({ read: 2, accepted: 2, skipped: { ssh: 1, alert: 1, stats: 1 } });
    expect(flows[0]).toMatchObject({
      id: '4625254721366',
      protocol: 6,
      in_bytes: 1932,
      in_pkts: 11,
      out_bytes: 2319,
      out_pkts: 11,
      tcp_flags: 0x1a,
    });
    expect(flows[0]!.start_ms).toBeCloseTo(Date.UTC(2023, 1, 28, 11, 34, 2, 10) + 0.07, 3);
    expect(flows[0]!.duration_ms).toBe(294.52);
    expect(flows[0]!.fields).toMatchObject({ 'tcp.state': 'established', 'tcp.syn': 'true', 'flow.state': 'established', app_proto: 'ssh' });
    expect(flows[1]).toMatchObject({
      in_bytes: 77,
      in_pkts: 1,
      out_bytes: null,
      protocol: 17,
      tcp_flags: null,
    });
    // -0500 offset: 19:17 local is 00:17 UTC the next day
    expect(flows[1]!.start_ms).toBeCloseTo(Date.UTC(2024, 11, 18, 0, 17, 54, 565) + 0.494, 3);
  });
});

describe('NF-v3 batch flows.json', () => {
  it('streams the JSON array and joins ground_truth.json labels by flow_id', async () => {
    const { flows, source } = await readFixture('nf-batch/flows.json');
    expect(source.format).toBe('nf-batch-json');
    expect(flows.map((f) => [f.id, f.line, f.labels])).toEqual([
      ['0', 2, { label: '0', label_name: 'Benign', attack_type: 'Benign' }],
      ['1', 18, { label: '1', label_name: 'Attack', attack_type: 'DDOS_attack-HOIC' }],
    ]);
    expect(flows[1]).toMatchObject({ start_ms: 1518618609832, duration_ms: 120, end_ms: 1518618609952, fields: { DNS_QUERY_ID: 0 } });
  });
});

describe('YAML-mapped CSV', () => {
  it('maps columns, units and the UTC offset from the mapping file', async () => {
    const { flows, source } = await readFixture('mapped.csv', { mappingFile: `${import.meta.dirname}/../../fixtures/flows/ingest/mapping.yaml` });
    expect(source.format).toBe('mapped-csv');
    expect(flows[0]).toMatchObject({
      src_addr: '147.32.86.166',
      dst_port: 25443,
      protocol: 6,
      in_bytes: 140,
      in_pkts: 2,
      out_bytes: 60,
      out_pkts: 1,
      start_ms: Date.UTC(2011, 7, 10, 7, 46, 53, 47),
      duration_ms: 1026.539,
      labels: { Dir: '->', Label: 'flow=Background' },
      fields: { TotPkts: 3 },
    });
    expect(flows[1]!.protocol).toBe(17);
  });
});
