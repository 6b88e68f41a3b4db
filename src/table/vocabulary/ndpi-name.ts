import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { VocabularyError } from './vocabulary-error.ts';

const FILE = new URL('./families/ndpi-protocols.json', import.meta.url);
const NdpiFileSchema = z.strictObject({
  description: z.string(),
  source: z.string().min(1),
  protocols: z.record(z.string().regex(/^\d+$/), z.string().min(1)),
});

function loadProtocols(): ReadonlyMap<string, string> {
  const file = fileURLToPath(FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new VocabularyError(file, `not readable JSON (${(cause as Error).message})`, undefined, { cause });
  }
  const parsed = NdpiFileSchema.safeParse(raw);
  if (!parsed.success) throw new VocabularyError(file, `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return new Map(Object.entries(parsed.data.protocols));
}

/** Read on the first call, not at import: most tables carry no L7_PROTO. */
let protocols: ReadonlyMap<string, string> | undefined;

/**
 * The nDPI name of a protocol id or an nProbe L7_PROTO "major.minor" pair: "7.178" → "HTTP.Amazon",
 * "91" or "91.0" → "TLS". Undefined when a part is not an nDPI id. Pass L7_PROTO as a string:
 * the number 7.10 would read as "7.1".
 *
 * @example ndpiName('7.178') // 'HTTP.Amazon'
 */
export function ndpiName(id: string | number): string | undefined {
  const text = String(id).trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  protocols ??= loadProtocols();
  const major = protocols.get(String(Number(match[1])));
  if (major === undefined) return undefined;
  const minorId = match[2] === undefined ? 0 : Number(match[2]);
  if (minorId === 0 || minorId === Number(match[1])) return major;
  const minor = protocols.get(String(minorId));
  return minor === undefined ? undefined : `${major}.${minor}`;
}

/** Every nDPI protocol and application name, in lower case: a word that is one names a protocol, not a tool. */
export function isNdpiProtocolName(word: string): boolean {
  protocols ??= loadProtocols();
  names ??= new Set([...protocols.values()].map((n) => n.toLowerCase()));
  return names.has(word.toLowerCase());
}
let names: ReadonlySet<string> | undefined;
