/**
 * How English names a piece of software as a tool or a malware family: "the slowhttptest tool", "a
 * Cobalt Strike beacon", "the Mirai botnet". The word before such a noun is a name unless it is one
 * of the modifiers below, which say what kind of tool it is rather than which.
 */
export const TOOL_NOUNS = ['tool', 'tools', 'toolkit', 'framework', 'utility', 'scanner', 'botnet', 'malware', 'RAT', 'trojan', 'worm', 'ransomware', 'implant', 'backdoor', 'stealer', 'loader', 'dropper', 'exploit kit', 'beacon', 'variant', 'family', 'script'];

/** Endings of English adjectives and participles ("typical", "automated", "scanning"): a lower-case word with one is no name. */
export const ADJECTIVE_ENDING = /(?:al|ic|ive|ous|ful|less|able|ible|ed|ing|ar|ent|ant|ly|ary|ory|ish)$/;

export const KIND_MODIFIERS = new Set([
  'same', 'common', 'popular', 'known', 'well-known', 'automated', 'scanning', 'attack', 'attacking', 'hacking', 'network', 'port', 'open-source', 'legitimate', 'malicious',
  'custom', 'remote', 'administration', 'admin', 'penetration', 'pentest', 'pentesting', 'testing', 'test', 'security', 'web', 'vulnerability', 'brute-force', 'password', 'exploitation',
  'exploit', 'recon', 'reconnaissance', 'discovery', 'monitoring', 'management', 'command-line', 'standard', 'specific', 'particular', 'single', 'new', 'old', 'free', 'commercial',
  'third-party', 'external', 'internal', 'such', 'this', 'that', 'other', 'another', 'dedicated', 'simple', 'basic', 'advanced', 'sophisticated', 'flooding', 'stress', 'load',
  'benchmark', 'cracking', 'sniffing', 'capture', 'packet', 'traffic', 'proxy', 'tunneling', 'botnet', 'malware', 'ransomware', 'access', 'dos', 'ddos', 'denial-of-service', 'dual-use',
  'offensive', 'defensive', 'diagnostic', 'debugging', 'shell', 'python', 'bash', 'powershell', 'perl', 'javascript', 'java', 'automation', 'crawler', 'search', 'download', 'upload',
  'typical', 'classic', 'notorious', 'infamous', 'widespread', 'prevalent', 'various', 'several', 'multiple', 'many', 'some', 'any', 'every', 'each', 'one', 'first', 'second',
  'mining', 'credential', 'credential-stuffing', 'spam', 'phishing', 'iot', 'linux', 'windows', 'android', 'mobile', 'modular', 'generic', 'unknown', 'unidentified', 'suspected', 'likely',
  // what a stealer, trojan or loader goes after or how it is sold: "an information stealer", "a banking trojan", "a commodity loader"
  'information', 'info', 'infostealer', 'data', 'cookie', 'browser', 'wallet', 'crypto', 'cryptocurrency', 'banking', 'financial', 'keylogging', 'clipboard', 'commodity', 'multi-stage',
  'first-stage', 'second-stage', 'fileless', 'memory-resident',
]);

/**
 * Sensors, exporters and log platforms: what recorded the flow or alert, which a text may name
 * ("detected with Suricata", "exported via nProbe") without claiming anything of the traffic.
 */
export const SENSOR_NAMES = new Set([
  'suricata', 'zeek', 'bro', 'snort', 'nprobe', 'ntopng', 'argus', 'cicflowmeter', 'netflow', 'ipfix', 'sflow', 'jflow', 'goflow', 'goflow2', 'nfdump', 'softflowd', 'pmacct',
  'wireshark', 'tshark', 'tcpdump', 'elastic', 'elasticsearch', 'kibana', 'logstash', 'filebeat', 'splunk', 'sentinel', 'qradar', 'wazuh', 'ossec', 'security onion', 'arkime', 'moloch', 'sigma', 'flowlens',
]);
