import type { Claim, Judgement } from '../claim.ts';
import { describeField } from '../deps.ts';
import { memoised, type FactRow, type TableFacts } from '../facts/table-facts.ts';
import { sideOfWord } from '../lexicon/side-words.ts';
import { canonicalAddress } from './identity.ts';
import { rowEvidence } from './evidence.ts';

/**
 * Who opened the connection, where the record says: an address field whose vocabulary role is
 * `client` (ECS client.ip, Zeek id.orig_h: the originator) names the end that opened it, and one
 * whose role is `server` the end that accepted it. A source address alone does not: a flow record's
 * source is the sender of its packets, and an alert's is the sender of the matched packet.
 */
function connectionRoles(facts: TableFacts): { client: FactRow | undefined; server: FactRow | undefined } {
  const { src, dst } = facts.endpoints.addresses;
  const withRole = (rows: readonly FactRow[], role: 'client' | 'server'): FactRow | undefined => rows.find((r) => describeField(r.key, r.value).role === role);
  return { client: withRole(src, 'client'), server: withRole(dst, 'server') };
}

/** A row's address as compared. */
const addressOf = (row: FactRow): string => canonicalAddress(String(row.value).trim());

/** Words for the ends of a connection, as against the ends of a packet or a record ("source", "destination"). */
const CONNECTION_WORD = /^(?:client|originator|initiator|server|responder)$/;

/**
 * The addresses the party the text names stands for: an address as written; for a party word, the
 * record's addresses of its side, those of its own kind first (a connection's client or server, or a
 * record's source or destination: in an alert they may differ).
 */
function partyAddresses(party: NonNullable<Claim<'initiation'>['data']['party']>, facts: TableFacts): string[] {
  if ('address' in party) return [canonicalAddress(party.address)];
  const side = sideOfWord(party.word);
  if (side === undefined) return [];
  const rows = facts.endpoints.addresses[side];
  const kind = CONNECTION_WORD.test(party.word) ? (side === 'src' ? 'client' : 'server') : side === 'src' ? 'source' : 'destination';
  const own = rows.filter((r) => describeField(r.key, r.value).role === kind);
  return (own.length > 0 ? own : rows).map(addressOf);
}

/**
 * "The host 192.168.1.195 opened a connection", "the server initiated the session", "the connection
 * was initiated by 10.0.0.5": judged where the record gives the roles of the connection; undefined
 * where it does not, or the party is not one of its ends.
 */
export function checkOpener(claim: Claim<'initiation'>, facts: TableFacts): Judgement | undefined {
  const party = claim.data.party;
  if (party === undefined) return undefined;
  const { client, server } = memoised(facts, 'connection-roles', connectionRoles);
  if (client === undefined && server === undefined) return undefined;
  const named = partyAddresses(party, facts);
  if (named.length === 0) return undefined;
  const [opener, accepter] = [client && addressOf(client), server && addressOf(server)];
  const opened = opener !== undefined
    ? named.every((a) => a === opener) ? true : named.every((a) => a !== opener) ? false : undefined
    : named.every((a) => a === accepter) ? false : undefined;
  if (opened === undefined) return undefined;
  const rows = [client, server].filter((r): r is FactRow => r !== undefined);
  const roles = client ? `${client.key} (${String(client.value)}) is the client, the end that opened the connection` : `${server!.key} (${String(server!.value)}) is the server, the end that accepted the connection`;
  return opened === (claim.data.negated !== true)
    ? { verdict: 'supported', evidence: rowEvidence(rows), reason: `${roles}.` }
    : { verdict: 'contradicted', evidence: rowEvidence(rows), reason: `${roles}; the text says otherwise of ${'address' in party ? party.address : `the ${party.word}`}.` };
}
