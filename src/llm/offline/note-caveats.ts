import type { FeatureTable } from '../../table/index.ts';

type Note = FeatureTable['notes'][number];

/**
 * A data-quality note as a hedged caveat, keyed by its code. The ingest message itself carries
 * figures (the raw counter, the reorder window) that are not rows of the table; the narrative
 * says what the note means for reading the table and leaves the figures to the table's notes.
 */
const CAVEATS: Record<Note['code'], (field: string) => string> = {
  'wrapped-duration': (f) => `${f} may be a wrapped exporter counter rather than a real duration, so it is not read at face value here.`,
  'counter-max': (f) => `${f} is at the ceiling of its exporter counter, so its true value is unknown and may be larger.`,
  'end-before-start': () => "The flow's end time is before its start time, so its timestamps are unreliable.",
  'bytes-per-packet-low': (f) => `${f} implies fewer bytes per packet than any real packet carries, so the byte or packet count may be wrong or sampled.`,
  'bytes-per-packet-high': (f) => `${f} implies more bytes per packet than any real packet carries, so the byte or packet count may be wrong or sampled.`,
  'rate-implausible': (f) => `${f} over the flow's duration implies a rate faster than any network link, so the byte count or the duration is wrong and the rates are not read at face value here.`,
  'flags-on-non-tcp': () => "The flags field is set although this flow's protocol has no such flags, so those flags mean nothing here.",
  'late-flow': () => 'This flow arrived too far out of time order to be placed in its window, so its window features are null.',
};

/** One caveat line per distinct note. */
export function noteCaveats(table: FeatureTable): string[] {
  const lines = table.notes.map((n) => `- Data quality (${n.code}): ${CAVEATS[n.code](n.field)}`);
  return [...new Set(lines)];
}
