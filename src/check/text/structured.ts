/**
 * A structured answer (`{decision, reasons[], cve[], mitre_attack[]}` or any JSON) read as prose:
 * the text with everything but the string values blanked out, at the same offsets, and a line break
 * where each value ends, so every value is checked as its own sentence and every claim's offsets
 * point into the original text. undefined when the text is not a JSON object or array.
 *
 * @example
 * structuredView('{"reasons": ["Port 80 was used."]}'); // '             \n Port 80 was used.\n \n'.length === 35
 */
export function structuredView(text: string): string | undefined {
  return structuredAnswer(text)?.view;
}

/** A string value of a structured answer: where it sits in the text, and the key it is under (an array's items take the array's key). */
export interface StructuredValue {
  start: number;
  end: number;
  key: string | undefined;
}

/** The view of a structured answer (see structuredView) and its string values with their keys; undefined for prose. */
export function structuredAnswer(text: string): { view: string; values: StructuredValue[] } | undefined {
  const first = firstNonSpace(text);
  if (first < 0 || (text[first] !== '{' && text[first] !== '[')) return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const values: StructuredValue[] = [];
  // the key each open container's values are under: an object's last key, an array's own key
  const keys: Array<{ array: boolean; key: string | undefined }> = [];
  let lastKey: string | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '"') {
      if (c === '{') keys.push({ array: false, key: undefined });
      else if (c === '[') keys.push({ array: true, key: lastKey });
      else if (c === '}' || c === ']') keys.pop();
      out.push(c === '\n' ? '\n' : ' ');
      i++;
      continue;
    }
    const close = stringEnd(text, i);
    if (isKey(text, close + 1)) {
      lastKey = text.slice(i + 1, close);
      out.push(' '.repeat(close + 1 - i));
    } else {
      const top = keys[keys.length - 1];
      values.push({ start: i + 1, end: close, key: top === undefined ? undefined : top.array ? top.key : lastKey });
      out.push(' ', text.slice(i + 1, close), '\n');
    }
    i = close + 1;
  }
  return { view: out.join(''), values };
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) return i;
  return -1;
}

/** The offset of the quote that closes the string opened at `open` (the text is valid JSON). */
function stringEnd(text: string, open: number): number {
  let i = open + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** Whether a colon follows (after blanks): the string was an object key. */
function isKey(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text[i] === ':';
}
