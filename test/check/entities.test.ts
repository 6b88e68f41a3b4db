import { describe, expect, it } from 'vitest';
import { checkNarrative } from '../../src/check/index.ts';
import { readTable } from '../../src/table/index.ts';

/** Named things (attacks, tools, identifiers) against what the record holds (checkers/semantic.ts checkEntity). */
const entities = (text: string, table: ReturnType<typeof readTable>): string[] =>
  checkNarrative(text, table)
    .claims.filter((c) => c.kind === 'entity')
    .map((c) => `${c.text}: ${c.verdict}`);

const alert = readTable({ src_ip: '10.10.4.21', dest_ip: '185.220.101.34', dest_port: 443, proto: 'TCP', alert: { action: 'allowed', signature: 'ET MALWARE Observed Cobalt Strike CnC Domain in TLS SNI', metadata: { mitre_technique_id: ['T1071'], malware_family: ['Cobalt_Strike'] } } }, 'eve.json');
const plain = readTable({ IPV4_SRC_ADDR: '10.0.0.1', IPV4_DST_ADDR: '10.0.0.2', L4_DST_PORT: 445, PROTOCOL: 6, IN_BYTES: 120 }, 'nprobe.json');

describe('named things against the record', () => {
  it.each([
    ['The rule maps to MITRE technique T1071.', 'MITRE technique T1071: supported'],
    ['ATT&CK T1071 (Application Layer Protocol) applies.', 'T1071: supported'],
    ['It is tagged T1071.', 'T1071: supported'],
    ['It is tagged T1059.', 'T1059: unsupported'],
  ])('backs an identifier by the identifier itself, whatever words name its kind: %s', (text, expected) => {
    expect(entities(text, alert)).toContain(expected);
  });

  it.each([
    ['nDPI classified it as TLS.Amazon (91.178).', 'Amazon: supported'],
    ['The application protocol was TLS (Amazon).', 'Amazon: supported'],
    ['The traffic went to Google.', 'Google: unsupported'],
  ])('reads an application id as the name nDPI gives it: %s', (text, expected) => {
    const nprobe = readTable({ IPV4_SRC_ADDR: '172.31.64.17', IPV4_DST_ADDR: '52.94.236.248', L4_DST_PORT: 443, PROTOCOL: 6, L7_PROTO: 91.178 }, 'nprobe.json');
    expect(entities(text, nprobe)).toContain(expected);
  });

  it.each(['Lumma is an information stealer sold as a service.', 'It behaves like a banking trojan.', 'A commodity loader fetched the payload.', 'It acts as a wallet stealer.'])(
    'reads what a stealer or trojan goes after as its kind, not its name: %s',
    (text) => {
      expect(entities(text, plain).filter((e) => /tool or malware/.test(e) || /information|banking|commodity|wallet/i.test(e))).toEqual([]);
    },
  );

  it.each([
    ['The loader dropped a second-stage payload.', []],
    ['Lumma dropped malicious DLLs on the host.', []],
    ['The sensor dropped the packet.', ['dropped: contradicted']],
    ['The request was dropped.', ['dropped: contradicted']],
  ])('reads "dropped" with a file for its object as malware writing it, not a sensor dropping traffic: %s', (text, expected) => {
    const allowed = readTable({ src_ip: '10.66.1.104', dest_ip: '10.66.0.2', alert: { action: 'allowed', signature: 'ET MALWARE Lumma Stealer CnC Domain in DNS Lookup' } }, 'eve.json');
    expect(entities(text, allowed).filter((e) => e.startsWith('dropped'))).toEqual(expected);
  });

  it.each(['It went to a common exploitation port (445).', 'Port 445 is a known malware port.', 'This is a typical botnet service port.'])(
    'reads an attack word that modifies "port" as what the port is used for, not a claim: %s',
    (text) => {
      expect(entities(text, plain)).toEqual([]);
    },
  );

  it('still flags an attack named as what the flow was', () => {
    expect(entities('The flow was an exploitation of port 445.', plain)).toEqual(['exploitation: unsupported']);
  });

  it.each([
    ['The attacker used the slowhttptest tool.', 'slowhttptest: unsupported'],
    ['The hping3 utility sent it.', 'hping3: unsupported'],
    ['It looks like a Cobalt Strike beacon.', 'Cobalt Strike: supported'],
    ['This is the Slowloris tool at work.', 'Slowloris: unsupported'],
  ])('reads "the <name> tool" as a tool named as fact: %s', (text, expected) => {
    expect(entities(text, alert)).toContain(expected);
  });

  it.each(['A scanning tool was used.', 'An HTTP scanner probed it.', 'The same tool ran twice.', 'A Python script did it.'])('reads a modifier of kind or a protocol before the noun as no name: %s', (text) => {
    expect(entities(text, plain).filter((e) => !/attacker|malware|botnet/.test(e))).toEqual([]);
  });

  it.each([
    ['It ran an SSH brute-force using Hydra.', ['Hydra: unsupported']],
    ['The host was scanned with Medusa, then probed again.', ['Medusa: unsupported']],
    ['Traffic was tunnelled via Iodine to the resolver.', ['Iodine: unsupported']],
    ['The beacon was sent using Cobalt Strike.', ['Cobalt Strike: supported']],
  ])('reads a name as the object of "using", "with" or "via" as a tool: %s', (text, expected) => {
    expect(entities(text, alert).filter((v) => !/^(?:brute-force|beacon)/i.test(v))).toEqual(expected);
  });

  it.each(['Detected with Suricata.', 'Logged with Zeek and forwarded to Splunk.', 'It connected via SSH to the server.', 'The session was encrypted using TLS 1.3.', 'Flagged with High severity.', 'Written with Python scripts.'])(
    'reads no tool in a sensor, a protocol or a word that modifies a noun: %s',
    (text) => {
      expect(entities(text, plain)).toEqual([]);
    },
  );
});

describe('identifiers and hedges of resemblance', () => {
  const snort = readTable({ src_addr: '1.2.3.4', dst_addr: '10.0.0.5', dst_port: 445, proto: 'TCP', msg: 'OS-WINDOWS SMB remote code execution attempt MS17-010' }, 'snort.json');
  it.each([
    ['The rule names MS17-010.', 'MS17-010: supported'],
    ['It matches MS08-067.', 'MS08-067: unsupported'],
    ['This looks like exploitation.', 'exploitation: speculative'],
  ])('%s', (text, expected) => {
    expect(entities(text, snort)).toContain(expected);
  });
});

describe('where a host is, by construction', () => {
  const flow = readTable({ IPV4_SRC_ADDR: '172.31.66.12', IPV4_DST_ADDR: '52.84.20.17', PROTOCOL: 6 }, 'nprobe.json');
  it.each([
    ['The destination is an edge server in Seattle.', 'Seattle: unsupported'],
    ['The host is located in Ashburn.', 'Ashburn: unsupported'],
    ['The server in Frankfurt answered.', 'Frankfurt: unsupported'],
  ])('%s', (text, expected) => {
    expect(entities(text, flow)).toContain(expected);
  });

  it.each(['It was hosted in December.', 'The server in question answered.'])('reads no place in a month or a phrase: %s', (text) => {
    expect(entities(text, flow)).toEqual([]);
  });
});

describe('content called malicious', () => {
  const alert = readTable({ rule: { name: 'Possible XSS attack, script tag', category: ['Web Application Attack'] }, source: { ip: '192.168.250.59', port: 80 }, destination: { ip: '10.229.19.97', port: 51989 }, payload_text: '<script>window._wpemojiSettings = {}</script><link href="http://s.w.org/">' }, 'alert.json');
  const labelled = readTable({ 'id.orig_h': '192.168.1.195', 'id.resp_h': '185.244.25.235', proto: 'tcp', label: 'Malicious', 'detailed-label': 'C&C', payload: 'malicious script' }, 'conn.json');
  it.each([
    [alert, 'The page contains a script tag with a malicious payload.', 'malicious payload: unsupported'],
    [alert, 'It includes a link to a malicious website.', 'malicious website: unsupported'],
    [alert, 'The response carried malicious JavaScript.', 'malicious JavaScript: unsupported'],
    [labelled, 'The flow carried a malicious script.', 'malicious script: supported'],
  ])('%#: %s', (table, text, expected) => {
    expect(entities(text, table)).toContain(expected);
  });

  it('leaves "malicious traffic" to the record-level verdict words', () => {
    expect(entities('This looks like malicious traffic.', alert)).toEqual([]);
  });
});

describe('a fingerprint said to be a tool’s', () => {
  const tls = readTable({ src_ip: '10.10.4.21', dest_ip: '185.220.101.34', proto: 'TCP', alert: { signature: 'ET MALWARE Observed Cobalt Strike CnC Domain' }, tls: { ja3: { hash: '72a589da586844d7f0818ce684948eea' } } }, 'eve.json');
  const named = readTable({ src_ip: '10.10.4.21', proto: 'TCP', tls: { ja3: { hash: '72a589da586844d7f0818ce684948eea' }, ja3_owner: 'Cobalt Strike' } }, 'eve.json');
  it.each([
    [tls, "The JA3 hash is the fingerprint of Cobalt Strike's default profile.", 'Cobalt Strike: unsupported'],
    [tls, 'The JA3 matches Metasploit.', 'Metasploit: unsupported'],
    [tls, 'The JA3 fingerprint may be associated with Trickbot.', 'Trickbot: speculative'],
    [named, 'The JA3 matches Cobalt Strike.', 'Cobalt Strike: supported'],
    [tls, 'The signature names Cobalt Strike.', 'Cobalt Strike: supported'],
  ])('%#: %s', (table, text, expected) => {
    expect(entities(text, table)).toEqual([expected]);
  });
});
