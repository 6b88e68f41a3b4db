/**
 * Word lists the extractors match. Kept as data so a reviewer can read what the checker
 * considers hedged, negated, or outside what a flow table can show.
 */

/** Hedges that make an inference speculative (allowed, counted) rather than asserted. */
export const HEDGE_RE =
  /\b(?:may|might|could|can be|possibly|possible|perhaps|potentially|potential|likely|unlikely|probably|suggests?|suggesting|suggested|suggestive|consistent with|indicative of|resembl\w*|appears?|seems?|looks? like|looking like|hypothes\w*|would|plausibl[ey]|if|whether|one possible|candidate|cannot be ruled out|not necessarily|speculat\w*|hints?|point(?:s|ing)? (?:to|towards))\b/i;

/** Negations that turn a mention into a denial, and counterfactuals ("would have been dropped") that say what did not happen: nothing asserted. */
export const NEGATION_RE =
  /\b(?:not|no|never|without|rather than|cannot|can't|isn't|aren't|doesn't|don't|didn't|wasn't|nor|absent|lacks?|lacking|none|neither|instead of|unable to|there is no|would have|would've|should have)\b/i;

/**
 * Things a flow table cannot show, by category. Each regex matches a term as written; the
 * checker runs them only at their first words (extract/triggers.ts).
 */
export const ENTITY_TERMS: ReadonlyArray<{ category: string; re: RegExp }> = [
  { category: 'attack or malware named as fact', re: /\b(?:DDoS|DoS attack|denial[- ]of[- ]service|brute[- ]?force(?: attack)?|password[- ](?:guessing|spraying|cracking)|credential stuffing|port scan(?:ning)?|network scan(?:ning)?|SYN scan|ping sweep|port sweep|host discovery|Nmap|masscan|SYN flood|UDP flood|HTTP flood|botnet|bot traffic|Mirai|Zeus|Emotet|TrickBot|Cobalt Strike|command[- ]and[- ]control|C2 (?:server|channel|traffic|beacon\w*)|C&C|beacon(?:ing)?|exfiltrat(?:ion|ing|ed|es|e)|data theft|ransomware|malware|trojan|worm|cryptominer|crypto-?mining|Slowloris|HOIC|LOIC|SQL injection|XSS|exploit(?:ation)?|reconnaissance|compromised host|compromised|infected|attacker|malicious actor|threat actor|APT\d*)\b/gi },
  { category: 'vulnerability or technique identifier', re: /\b(?:CVE-\d{4}-\d{4,7}|MS\d{2}-\d{3}|(?:MITRE (?:ATT&CK )?(?:technique )?)?T\d{4}(?:\.\d{3})?)\b/g },
  { category: 'other flows', re: /\b(?:repeated(?:ly)?|repetitive|recurring|multiple (?:flows|connections|sessions|attempts|requests)|several (?:flows|connections|sessions)|many (?:flows|connections|sessions)|numerous (?:flows|connections)|consecutive flows|across (?:multiple |several |many |consecutive |all )?(?:flows|connections|sessions)|other flows)\b/gi },
  // "the loader dropped a second-stage payload": malware writing a file, not a sensor dropping traffic
  { category: 'enforcement action', re: /\b(?:blocked|dropped(?!\s+(?:(?:a|an|the|its|their|another|more)\s+)?(?:malicious\s+|second[- ]stage\s+|additional\s+|further\s+)?(?:malware|files?|payloads?|binar(?:y|ies)|executables?|backdoors?|implants?|dlls?|scripts?|loaders?|stagers?|tools?)\b)|denied|allowed through|permitted|allowed the (?:session|connection|traffic|request|flow|packet)s?|(?:was|were) allowed|let (?:it|them|the (?:session|connection|traffic|request|flow|packet)s?) (?:pass|through)|(?:only|merely|just) (?:alerted|logged)|reset (?:both sides|both ends|the (?:connection|session))|(?:was|were) reset)\b/gi },
  { category: 'country or geolocation', re: /\b(?:China|Chinese|Russia|Russian|Iran|Iranian|North Korea|North Korean|United States|USA|U\.S\.|American|Germany|German|Netherlands|Dutch|Brazil|Brazilian|India|Indian|Vietnam|Vietnamese|Ukraine|Ukrainian|France|French|United Kingdom|UK|British|Japan|Japanese|Korea|Korean|Romania|Romanian|Turkey|Hong Kong|Singapore|Ireland|Frankfurt|Amsterdam|Virginia|Ohio|Oregon|geolocat\w*|located in|based in)\b/g },
  { category: 'owner, organisation or ASN', re: /\b(?:owned by|belongs? to|registered to|operated by|hosted (?:by|at|with)|bulletproof(?: hosting| provider| hoster)?|AWS|Amazon(?: Web Services)?|EC2|Google|Microsoft|Azure|Cloudflare|Akamai|DigitalOcean|OVH|Hetzner|Alibaba|Tencent|Facebook|Meta|Netflix|YouTube|hosting provider|ISP|Internet service provider|university|AS\d{2,6}|ASN|autonomous system)\b/g },
  { category: 'reputation or threat intelligence', re: /\b(?:newly[- ]registered|recently registered|registered (?:\w+ ){0,2}(?:days?|weeks?|months?|hours?) ago|domain age|WHOIS|malicious (?:payload|website|web ?site|site|link|URL|domain|script|code|file|binary|executable|attachment|document|JavaScript|macro)s?|known[- ]malicious|known[- ]bad|blacklist(?:ed)?|blocklist(?:ed)?|threat intel(?:ligence)?|reputation|flagged by (?:VirusTotal|AbuseIPDB)|VirusTotal|AbuseIPDB|Tor exit node|Tor|sinkhole)\b/gi },
  { category: 'environment', re: /\b(?:(?:within|in|inside) (?:a|the) data ?cent(?:er|re)|data ?cent(?:er|re)|cloud (?:environment|provider|instance|server)|corporate network|enterprise network|home network|campus network|lab(?:oratory)? (?:network|environment)|test(?:ing)? environment|synthetic traffic|synthetic|traffic generat\w*|simulated traffic|VPN|proxy server|load balancer|NAT gateway|CDN)\b/gi },
  { category: 'host role or network zone', re: /\b(?:domain controllers?|Active Directory|(?:IoT |IP |smart |security |network )?(?:cameras?|webcams?|thermostats?|printers?|DVRs?|NVRs?|baby monitors?|doorbells?)|smart (?:TVs?|plugs?|bulbs?|speakers?|meters?|home hubs?)|NAS (?:box|device|appliance)s?|PLCs?|HMIs?|SCADA (?:host|system|server)s?|point[- ]of[- ]sale (?:terminal|system)s?|POS terminals?|kiosks?|honeypots?|workstations?|laptops?|smartphones?|(?:file|mail|database|print) servers?|jump (?:host|box|server)|bastion host|DMZ|demilitari[sz]ed zone|(?:finance|accounting|HR|engineering|IT|sales) department)\b/gi },
  { category: 'certificate state', re: /\b(?:expired|self[- ]signed|not yet valid|revoked)\b/gi },
  { category: 'payload or content', re: /\b(?:payload|TLS certificate|SSL certificate|certificate|SNI|server name|DNS name|domain name|quer(?:y|ied) name|hostname|URL|URI|user[- ]agent|HTTP method|GET request|POST request|cookie|credentials?|password|login attempts?|authentication attempts?|file download|downloaded a file|software update|video stream(?:ing)?|streaming session|backup job|encrypted payload)\b/gi },
];

/** TCP flag bits, nProbe / IANA order. */
export const TCP_FLAG_BITS: Readonly<Record<string, number>> = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32, ECE: 64, CWR: 128 };
export const FLAG_WORD_RE = /\b(?:FIN|SYN|RST|PSH|ACK|URG|ECE|CWR|reset|push|finish|acknowledg(?:e|ement))\b/gi;
export const FLAG_WORDS: Readonly<Record<string, string>> = { reset: 'RST', push: 'PSH', finish: 'FIN', acknowledge: 'ACK', acknowledgement: 'ACK' };

/** Well-known ports ↔ services (IANA); a service named beside a port number is checked against this. */
export const PORT_SERVICES: Readonly<Record<number, readonly string[]>> = {
  20: ['FTP'], 21: ['FTP'], 22: ['SSH', 'SFTP', 'SCP'], 23: ['Telnet'], 25: ['SMTP'], 53: ['DNS'], 67: ['DHCP'], 68: ['DHCP'],
  69: ['TFTP'], 80: ['HTTP', 'web'], 110: ['POP3'], 123: ['NTP'], 135: ['RPC', 'MSRPC'], 137: ['NetBIOS'], 138: ['NetBIOS'], 139: ['NetBIOS', 'SMB'],
  143: ['IMAP'], 161: ['SNMP'], 162: ['SNMP'], 389: ['LDAP'], 443: ['HTTPS', 'TLS', 'SSL', 'QUIC', 'web'], 445: ['SMB', 'CIFS'], 465: ['SMTPS', 'SMTP'],
  514: ['syslog'], 587: ['SMTP'], 636: ['LDAPS'], 853: ['DoT'], 993: ['IMAPS', 'IMAP'], 995: ['POP3S', 'POP3'], 1433: ['MSSQL', 'SQL Server'], 1883: ['MQTT'],
  1900: ['SSDP'], 3306: ['MySQL'], 3389: ['RDP'], 5060: ['SIP'], 5353: ['mDNS'], 5432: ['PostgreSQL'], 5900: ['VNC'], 6379: ['Redis'],
  8080: ['HTTP', 'HTTP-alt', 'web'], 8443: ['HTTPS', 'HTTPS-alt'], 8883: ['MQTT'], 27017: ['MongoDB'],
};
export const SERVICE_RE =
  /\b(?:HTTPS|HTTP-alt|HTTPS-alt|HTTP|SSH|SFTP|SCP|FTP|TFTP|Telnet|SMTPS|SMTP|DNS|mDNS|DHCP|NTP|POP3S|POP3|IMAPS|IMAP|SNMP|LDAPS|LDAP|SMB|CIFS|NetBIOS|MSRPC|RDP|MySQL|PostgreSQL|MSSQL|VNC|Redis|MQTT|SIP|SSDP|MongoDB|syslog|QUIC)\b/g;

/** Protocol names a narrative may give, → IANA number. */
export const PROTOCOL_NAMES: Readonly<Record<string, number>> = { TCP: 6, UDP: 17, ICMP: 1, ICMPV6: 58, 'IPV6-ICMP': 58, GRE: 47, ESP: 50, AH: 51, SCTP: 132, IGMP: 2 };
/** A protocol name, but not as the name of one of its fields ("TCP flags", "TCP header"): that says nothing of this flow's protocol. */
export const PROTOCOL_RE = /(?<![\w/-])(?:TCP|UDP|ICMPv6|IPv6-ICMP|ICMP|GRE|ESP|SCTP|IGMP)(?![\w/]|-(?:based|like)|[ _](?:flags?|header|options|window|fields?)\b)/g;
