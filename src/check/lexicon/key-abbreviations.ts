/**
 * How schemas shorten or name otherwise the words of their field names (Snort `rev`, nProbe `PKTS`,
 * Zeek `orig`, EVE `dest`, IPFIX `octet`), so a field a text names in full words ("the rule revision", "the destination
 * address") is found under its short key. Words are singular, as keys are compared.
 */
export const KEY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  rev: 'revision',
  pkt: 'packet',
  pkts: 'packet',
  src: 'source',
  dst: 'destination',
  dest: 'destination',
  addr: 'address',
  proto: 'protocol',
  num: 'number',
  len: 'length',
  msg: 'message',
  sev: 'severity',
  prio: 'priority',
  win: 'window',
  seq: 'sequence',
  dur: 'duration',
  cat: 'category',
  desc: 'description',
  orig: 'originator',
  resp: 'responder',
  svc: 'service',
  sig: 'signature',
  iface: 'interface',
  // PAN-OS inbound_if / outbound_if, goflow2 in_if / out_if
  if: 'interface',
  ts: 'timestamp',
  // IPFIX and NetFlow v9 count bytes as octets (octetDeltaCount, IN_BYTES' element 1)
  octet: 'byte',
  byt: 'byte',
  intf: 'interface',
  cnt: 'count',
};

/** A key's word in full: "rev" → "revision"; other words as they are. */
export const fullWord = (token: string): string => KEY_ABBREVIATIONS[token] ?? token;
