import type { Sentence } from './segment.ts';

/**
 * A statement of general knowledge, not about this record: "UDP carries no TCP flags", "A and AAAA
 * records map names to IPv4 and IPv6 addresses", "An RST flag aborts a connection", "SSH servers
 * listen on port 22", "Port 443 is typically associated with HTTPS", "ICMP type 3 means destination unreachable". Its subject is a kind of thing (an indefinite or generic noun phrase) and its
 * verb is in the simple present; nothing in it points at this flow (this, the flow, observed, was).
 * Claims inside such a statement are not judged against the table.
 */
const GENERIC_SUBJECT = String.raw`(?:[Pp]ort\s+\d{1,5}(?:\/(?:tcp|udp))?|(?:ICMP(?:v6)?\s+|DNS\s+|HTTP\s+)?(?:[Tt]ype|[Cc]ode|[Rr]code|[Ss]tatus(?:\s+code)?)\s+\d{1,3}|(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Aa]ll|[Mm]ost|[Mm]any)\s+[\w-]+(?:\s+[\w-]+){0,2}|[A-Z]{1,}[A-Z0-9-]*(?:\s+(?:and|or)\s+[A-Z]{1,}[A-Z0-9-]*)?(?:\s+(?:flags?|records?|packets?|segments?|traffic|queries|responses|connections?|servers?|clients?|sessions?|headers?|ports?|protocols?|requests?|replies))?|(?:[a-z]+|[A-Z][a-z]+-[a-z]+)\s+(?:flags?|records?|packets?|segments?|servers?|clients?|scanners?|tools?|attacks?|protocols?))`;
const PRESENT_VERB = String.raw`(?:is|are|carries|carry|uses|use|maps?|means?|signals?|indicates?|opens?|closes?|has|have|does|do|sets?|requires?|terminates?|aborts?|acknowledges?|resets?|runs?|listens?|contains?|marks?|asks?|returns?|resolves?|sends?|tells?|works?|relies|rely|operates?|typically|usually|normally|commonly|often|always|never|only)`;
/** A lead-in label in bold before the statement ("**Context.** Port 6667 is …"): not its subject. */
const LEAD_LABEL = String.raw`(?:\*\*[^*\n]{1,40}\*\*[:.]?\s*)?`;
const GENERAL_RE = new RegExp(String.raw`^[\s*_\-•"'(]*${LEAD_LABEL}${GENERIC_SUBJECT}\s+${PRESENT_VERB}\b`);
/** "IoT cameras are often targeted by Mirai", "Scanners typically probe port 23": a bare plural said to do something as a rule. */
const GENERIC_PLURAL = new RegExp(String.raw`^[\s*_\-•"'(]*${LEAD_LABEL}(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*s\s+(?:are\s+|is\s+)?(?:often|commonly|typically|usually|frequently|generally|normally|tend\s+to|can|may)\b`);
/** "Failed logins followed by a success are a classic sign of password guessing": a kind of evidence said to signal a kind of attack; "the Zeus trojan is known for stealing credentials": what a thing is known for in general. */
const SIGN_OF = /\b(?:is|are)\s+(?:an?\s+|the\s+)?(?:(?:classic|common|typical|well-known|known|telltale|tell-tale|strong|clear|textbook)\s+)?(?:signs?|indicators?|indications?|hallmarks?|symptoms?|characteristics?|signatures?)\s+of\b|\b(?:is|are)\s+(?:well[- ])?known\s+(?:for|to\s+(?:steal|spread|target|use|exploit|attack|deliver|drop|install|encrypt))\b/i;
/** Words that tie a statement to this record. */
const ABOUT_RECORD = /\b(?:this|these|here|its|observed|seen|recorded|flagged|was|were|had|did|the (?:flow|record|alert|connection|session|source|destination|client|server|host|sensor|table|event))\b/i;
/** Words and marks that join two statements: each ends one and starts the next. */
const JOINERS = String.raw`\bbecause\b|\bsince\b|;|\(|,\s*(?:as|which|since|and|but|so|yet|while|whereas)\b`;
/** A colon or a dash also starts a statement, but what stands before it runs on into it ("SSH servers: they listen …"). */
const STATEMENT_BREAK = new RegExp(String.raw`(?:${JOINERS}|:|\s—\s|\s–\s)\s*`, 'g');

/** A statement of a sentence: where it starts and ends (offsets in the sentence) and, once asked, whether it is general. */
export interface Statement {
  from: number;
  to: number;
  general: boolean | undefined;
}

/** A sentence's statements, split once and kept on it: a sentence holds many claims. */
function statementsOf(sentence: Sentence): Statement[] {
  if (sentence.statements) return sentence.statements;
  const out: Statement[] = [];
  const text = sentence.text;
  const starts = [0];
  STATEMENT_BREAK.lastIndex = 0;
  for (let m = STATEMENT_BREAK.exec(text); m; m = STATEMENT_BREAK.exec(text)) starts.push(m.index + m[0].length);
  for (const from of starts) {
    STATEMENT_END.lastIndex = from + 1;
    const end = STATEMENT_END.exec(text);
    out.push({ from, to: end ? end.index : text.length, general: undefined });
  }
  sentence.statements = out;
  return out;
}

// a second clause after ", and" / ", but" / ", which" is a statement of its own ("SSH is often targeted, and this session …")
const STATEMENT_END = new RegExp(JOINERS, 'g');

/** Whether the claim at `at` sits in a general-knowledge statement of its sentence: the last statement starting before it. */
export function isGeneralStatement(sentence: Sentence, at: number): boolean {
  const rel = at - sentence.start;
  const statements = statementsOf(sentence);
  let hit = statements[0]!;
  for (const st of statements) if (st.from <= rel) hit = st;
  if (hit.general === undefined) {
    const statement = sentence.text.slice(hit.from, hit.to);
    // the tie to the record first: it rules out about half the statements, and the three shapes cost more together
    hit.general = !ABOUT_RECORD.test(statement) && (GENERAL_RE.test(statement) || GENERIC_PLURAL.test(statement) || SIGN_OF.test(statement));
  }
  return hit.general;
}
