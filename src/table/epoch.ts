/**
 * An epoch number in seconds, milliseconds, microseconds or nanoseconds → milliseconds, told apart
 * by magnitude (each reading covers the years 1973–5138): Zeek's `ts` is seconds, nProbe's
 * `FLOW_START_MILLISECONDS` ms, goflow2's `time_flow_start_ns` ns.
 */
export function epochMs(value: number): number {
  const a = Math.abs(value);
  return a >= 1e17 ? value / 1e6 : a >= 1e14 ? value / 1e3 : a >= 1e11 ? value : value * 1000;
}

/** A date written with slashes or underscores, year first ("2025/02/14 09:17:52" in PAN-OS and Windows logs, "2024_02_21" in ET rule metadata): read as the ISO date it is. */
const SLASHED_DATE = /^(\d{4})([/_])(\d{2})\2(\d{2})/;

/** An epoch number or a date string (a zone-less "YYYY-MM-DD HH:MM:SS" or "YYYY/MM/DD HH:MM:SS" is read as UTC) → ISO 8601; undefined when unreadable. */
export function toIso(value: number | string): string | undefined {
  // most time values are in this very form already (the table reader writes the flow's start and
  // end so): given back as they are, without a Date parsed and printed again for each
  if (typeof value === 'string' && isCanonicalIso(value)) return value;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  // only a date with a slash or an underscore after its year is rewritten (most are ISO already)
  const text = trimmed.charCodeAt(4) === 47 || trimmed.charCodeAt(4) === 95 ? trimmed.replace(SLASHED_DATE, '$1-$3-$4') : trimmed;
  const date = typeof value === 'number' ? new Date(epochMs(value)) : new Date(/Z$|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** "YYYY-MM-DDTHH:MM:SS.sssZ" with every field in range: what Date#toISOString would print for it unchanged. */
const CANONICAL_ISO = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

function isCanonicalIso(text: string): boolean {
  const m = text.length === 24 ? CANONICAL_ISO.exec(text) : null;
  if (m === null) return false;
  const [, month, day, hour, minute, second] = m;
  // days past the 28th are left to Date, which rolls "02-30" over to March rather than refusing it
  return month! >= '01' && month! <= '12' && day! >= '01' && day! <= '28' && hour! <= '23' && minute! <= '59' && second! <= '59';
}
