import type { Claim, Judgement } from '../claim.ts';
import { keyTokens } from '../facts/key-tokens.ts';
import { memoised, stringRowContaining, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { toIso } from '../deps.ts';
import { rowEvidence } from './evidence.ts';

/** A sentence about a certificate: the state words mean something else of a password or a session. */
const ABOUT_CERTIFICATE = /\b(?:cert(?:ificate)?s?|tls|ssl|x\.?509)\b/i;

interface CertificateRows {
  notAfter: FactRow | undefined;
  notBefore: FactRow | undefined;
  subject: FactRow | undefined;
  issuer: FactRow | undefined;
  /** When the record's event happened: its first time that is no validity date. */
  seen: FactRow | undefined;
}

/** Which validity date a key's words name: notafter, not_after, valid_to, expiry; notbefore, not_before, valid_from. */
export function validityEdge(t: readonly string[]): 'not-after' | 'not-before' | undefined {
  if (t.includes('notafter') || (t.includes('not') && t.includes('after')) || (t.includes('valid') && t.includes('to')) || t.some((w) => w.startsWith('expir'))) return 'not-after';
  if (t.includes('notbefore') || (t.includes('not') && t.includes('before')) || (t.includes('valid') && t.includes('from'))) return 'not-before';
  return undefined;
}

/** Which field is which, by the words of its key: the validity dates (validityEdge); issuer, issuerdn; subject. */
function certificateRows(facts: TableFacts): CertificateRows {
  const out: CertificateRows = { notAfter: undefined, notBefore: undefined, subject: undefined, issuer: undefined, seen: undefined };
  for (const row of facts.rows.values()) {
    if (row.value === null || row.value === '') continue;
    const t = keyTokens(row.key);
    const edge = validityEdge(t);
    if (edge === 'not-after') out.notAfter ??= row;
    else if (edge === 'not-before') out.notBefore ??= row;
    else if (t.includes('issuer') || t.includes('issuerdn')) out.issuer ??= row;
    else if (t.at(-1) === 'subject') out.subject ??= row;
  }
  out.seen = facts.endpoints.times.find((r) => r !== out.notAfter && r !== out.notBefore);
  return out;
}

const iso = (row: FactRow): string | undefined => toIso(row.value as number | string);

/**
 * "The certificate had expired", "a self-signed certificate", "not yet valid": what the record's
 * certificate fields show (its validity dates against the time the record was made, its subject
 * against its issuer). Revocation is a lookup no record holds.
 */
/** A text row of the record that states the certificate's state, spelled with a hyphen or a space ("self signed", "has expired"). */
function stateSaid(term: string, facts: TableFacts): FactRow | undefined {
  const words = term.replace(/-/g, ' ');
  return stringRowContaining(facts, words) ?? (words === term ? undefined : stringRowContaining(facts, term));
}

export function checkCertificateState(claim: Claim<'entity'>, facts: TableFacts): Judgement | null {
  if (!ABOUT_CERTIFICATE.test(claim.sentence.text)) return null;
  const term = claim.data.term.toLowerCase();
  const rows = memoised(facts, 'certificate-rows', certificateRows);
  // a sensor that validated the certificate may say so in its own words ("validation failed with (self signed certificate)")
  const said = stateSaid(term, facts);
  if (said) return { verdict: 'supported', evidence: rowEvidence([said]), reason: `${said.key} says so: ${String(said.value)}.` };
  if (term === 'revoked') return { verdict: 'unsupported', hedgeable: false, reason: 'Whether a certificate was revoked is a lookup (CRL, OCSP) that no record field holds.' };
  if (/^self/.test(term)) {
    const { subject, issuer } = rows;
    if (!subject || !issuer) return { verdict: 'unsupported', reason: 'The record does not give both the certificate\'s subject and issuer.' };
    const same = String(subject.value).trim().toLowerCase() === String(issuer.value).trim().toLowerCase();
    return { verdict: same ? 'supported' : 'contradicted', evidence: rowEvidence([subject, issuer]), reason: same ? `${subject.key} and ${issuer.key} are the same: the certificate names itself as its issuer.` : `${issuer.key} (${String(issuer.value)}) is not ${subject.key} (${String(subject.value)}): another party issued it.` };
  }
  const edge = term === 'expired' ? rows.notAfter : rows.notBefore;
  const at = rows.seen;
  const edgeIso = edge ? iso(edge) : undefined;
  const atIso = at ? iso(at) : undefined;
  if (!edge || !at || !edgeIso || !atIso) return { verdict: 'unsupported', reason: `The record does not give the certificate's ${term === 'expired' ? 'expiry' : 'start of validity'} and the time it was seen.` };
  const holds = term === 'expired' ? atIso > edgeIso : atIso < edgeIso;
  return {
    verdict: holds ? 'supported' : 'contradicted',
    evidence: rowEvidence([edge, at]),
    reason: `${at.key} is ${String(at.value)} and ${edge.key} is ${String(edge.value)}: the certificate was ${holds ? '' : 'not '}${term === 'expired' ? 'expired' : 'yet to be valid'} then.`,
  };
}
