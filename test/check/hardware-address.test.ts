import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** MAC addresses against the record's MAC fields, by side (extract/identity.ts, checkers/identity.ts). */
const addresses = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'address')
    .map((c) => `${c.text}: ${c.verdict}`);

const goflow2 = readTable({ src_addr: '10.0.8.41', dst_addr: '172.217.16.142', proto: 'TCP', src_mac: '52:54:00:12:34:56', dst_mac: '00:1b:21:3a:4f:90', bytes: 100 }, 'goflow2.json');
const ecs = readTable({ source: { ip: '10.0.8.41', mac: '52-54-00-12-34-56' }, destination: { ip: '172.217.16.142' } }, 'ecs.json');
const none = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', PROTOCOL: 6 }, 'nprobe.json');

describe('MAC addresses', () => {
  it.each([
    [goflow2, 'The source MAC address is 00:1b:21:3a:4f:90.', '00:1b:21:3a:4f:90: contradicted'],
    [goflow2, 'The destination MAC is 00-1B-21-3A-4F-90.', '00-1B-21-3A-4F-90: supported'],
    [goflow2, 'The MAC 52:54:00:12:34:57 belongs to the gateway.', '52:54:00:12:34:57: contradicted'],
    [ecs, 'The source NIC was 52:54:00:12:34:56.', '52:54:00:12:34:56: supported'],
    [ecs, 'Its MAC, 5254.0012.3456, is a QEMU one.', '5254.0012.3456: supported'],
    [none, 'The sender MAC was 52:54:00:12:34:56.', '52:54:00:12:34:56: unsupported'],
  ])('reads a MAC in any notation against the MAC fields of its side: %s', (table, text, expected) => {
    expect(addresses(text, table)).toEqual([expected]);
  });

  it.each(['At 10:15:30 it sent data.', 'The IPv6 address fe80::1 answered.'])('does not read times or IPv6 addresses as MACs: %s', (text) => {
    expect(checkNarrative(text, goflow2).claims.filter((c) => c.kind === 'address' && /MAC/.test(c.reason))).toEqual([]);
  });
});
