/**
 * Names of one attack or traffic concept as texts and records spell it: a record that holds one
 * (IoT-23's detailed-label "C&C", a rule's metadata "Command_And_Control", CIC's "DDoS") backs a
 * text that says another ("command and control", "C2 channel", "distributed denial of service").
 * Each list is one concept; matching is case-insensitive and at word edges.
 */
export const CONCEPT_SPELLINGS: ReadonlyArray<readonly string[]> = [
  ['command and control', 'command-and-control', 'command_and_control', 'C&C', 'C2', 'CnC', 'C&amp;C'],
  ['distributed denial of service', 'distributed denial-of-service', 'DDoS'],
  ['denial of service', 'denial-of-service', 'DoS'],
  ['brute force', 'brute-force', 'bruteforce', 'brute_force', 'password guessing', 'password_guessing'],
  // Zeek's notice Scan::Port_Scan; a port scan is reconnaissance (ATT&CK T1046 under Discovery, "network reconnaissance")
  ['port scan', 'portscan', 'port_scan', 'port scanning', 'horizontal port scan', 'PartOfAHorizontalPortScan', 'port sweep', 'reconnaissance', 'recon'],
  ['cross-site scripting', 'XSS'],
  ['SQL injection', 'SQLi', 'sql_injection'],
  ['exfiltration', 'data exfiltration', 'exfil'],
];
