/**
 * Split one CSV record that contains quotes (RFC 4180: `""` inside quotes is a quote; delimiters and
 * newlines may sit inside quotes). Returns null when a quoted field is still open at the end, i.e. the
 * record continues on the next physical line. The unquoted fast path is `line.split(delimiter)`.
 */
export function splitQuoted(text: string, delimiter: string): string[] | null {
  const out: string[] = [];
  const step = delimiter.length;
  let i = 0;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // text after a closing quote up to the delimiter is kept as is (lenient, like most exporters' readers)
    const next = text.indexOf(delimiter, i);
    if (next < 0) {
      out.push(value + text.slice(i));
      return out;
    }
    out.push(value + text.slice(i, next));
    i = next + step;
  }
}

/** Guess the delimiter from a header line: the most frequent of comma, tab, semicolon, pipe. */
export function guessDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Header names trimmed, duplicates made unique with a `#2`, `#3` … suffix (CIC-IDS2017 repeats a column). */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const name = raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}#${count}`;
  });
}
