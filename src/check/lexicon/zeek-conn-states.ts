/**
 * Zeek's conn.log connection states (base/protocols/conn/main.zeek, `conn_state`): a text that names
 * one ("a rejected attempt (REJ)", "state SF") names the record's conn_state.
 */
export const ZEEK_CONN_STATES: Readonly<Record<string, string>> = {
  S0: 'connection attempt seen, no reply',
  S1: 'connection established, not terminated',
  SF: 'normal establishment and termination',
  REJ: 'connection attempt rejected',
  S2: 'established, close attempt by originator seen (no reply from responder)',
  S3: 'established, close attempt by responder seen (no reply from originator)',
  RSTO: 'established, originator aborted (sent a RST)',
  RSTR: 'responder sent a RST',
  RSTOS0: 'originator sent a SYN followed by a RST, no SYN-ACK from the responder',
  RSTRH: 'responder sent a SYN-ACK followed by a RST, no SYN from the originator',
  SH: 'originator sent a SYN followed by a FIN, no SYN-ACK from the responder',
  SHR: 'responder sent a SYN-ACK followed by a FIN, no SYN from the originator',
  OTH: 'no SYN seen, just midstream traffic',
};
