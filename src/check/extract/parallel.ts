import type { Mention } from '../claim.ts';
import type { Sentence } from '../text/segment.ts';
import { mentionsIn, type ExtractContext } from './context.ts';

/*
 * "IN_BYTES and OUT_BYTES are 52 and 40", "IN_PKTS and OUT_PKTS (52 vs 40)": a list of figures right
 * after a list of as many row names gives them in the same order. Without this, every figure of the
 * list would be read against the nearest name, the last one.
 */

/** What joins the items of a list: "and", ", and", "vs", "vs.", "versus", "/", or ", ". */
const JOIN = String.raw`(?:\s*,\s*and\s+|\s+and\s+|\s+vs\.?\s+|\s+versus\s+|\s*\/\s*|,\s+)`;
const FIGURE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A figure and the join before it, ending where the next figure starts (searched backwards from there). */
const FIGURE_BEFORE_RE = new RegExp(String.raw`(?<![\w.,])(?:${FIGURE})${JOIN}$`, 'i');
/** A join and the figure after it, from where the previous figure ends. */
const FIGURE_AFTER_RE = new RegExp(String.raw`${JOIN}(${FIGURE})(?![\w.,]*\d)`, 'iy');
/** Only a join between two names of the list (markup aside). */
const NAME_JOIN_RE = new RegExp(String.raw`^[\s\`*]*${JOIN.replace(/\\s\+|\\s\*/g, '[\\s`*]*')}[\s\`*]*$`, 'i');
/** Between the last name and the first figure: a short verb or opening, no other figure or clause break. */
const LEAD_RE = /^[\s`*'":=(]*(?:(?:are|were|is|was|of|at|with|reads?|show|showed|respectively)[\s`*'":=(]*){0,2}$/i;

/** A join right before a figure (the end of FIGURE_BEFORE_RE without its figure). */
const JOIN_ENDS_RE = new RegExp(String.raw`\d${JOIN}$`, 'i');
const JOIN_AFTER_RE = new RegExp(JOIN, 'iy');

function joinStartsAt(text: string, at: number): boolean {
  JOIN_AFTER_RE.lastIndex = at;
  return JOIN_AFTER_RE.test(text);
}

function countBefore(mentions: readonly Mention[], at: number): number {
  let n = 0;
  for (const m of mentions) if (m.end <= at) n++;
  return n;
}

const MAX_ITEMS = 3;
const REACH = 30;

/** The spans of the figures of the list the figure at [start, end) is in, in order, and its index. */
function figureList(text: string, sentence: Sentence, start: number, end: number): { spans: Array<[number, number]>; index: number } {
  const before: Array<[number, number]> = [];
  let from = start;
  while (before.length < MAX_ITEMS - 1) {
    const window = text.slice(Math.max(sentence.start, from - REACH), from);
    const m = FIGURE_BEFORE_RE.exec(window);
    if (!m) break;
    const at = from - window.length + m.index;
    const figureEnd = at + /^[\d,.]+/.exec(m[0])![0].length;
    before.unshift([at, figureEnd]);
    from = at;
  }
  const after: Array<[number, number]> = [];
  let to = end;
  while (before.length + 1 + after.length < MAX_ITEMS) {
    FIGURE_AFTER_RE.lastIndex = to;
    const m = FIGURE_AFTER_RE.exec(text);
    if (!m || m.index + m[0].length > sentence.end) break;
    after.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
    to = m.index + m[0].length;
  }
  return { spans: [...before, [start, end], ...after], index: before.length };
}

/**
 * The row name a figure of a parallel list is about: the name at the same place in a list of as
 * many names just before the figures. Undefined when the figure is in no such list.
 */
export function parallelMention(ctx: ExtractContext, sentence: Sentence, start: number, end: number): Mention | undefined {
  // cheap tests first: most figures have fewer than two names before them, or no join beside them
  if (countBefore(mentionsIn(ctx, sentence), start) < 2 || !(JOIN_ENDS_RE.test(ctx.text.slice(Math.max(sentence.start, start - 16), start)) || joinStartsAt(ctx.text, end))) return undefined;
  const { spans, index } = figureList(ctx.text, sentence, start, end);
  if (spans.length < 2) return undefined;
  const first = spans[0]![0];
  const names = mentionsIn(ctx, sentence).filter((m) => m.end <= first);
  if (names.length < spans.length) return undefined;
  const list = names.slice(-spans.length);
  const last = list[list.length - 1]!;
  if (first - last.end > REACH || !LEAD_RE.test(ctx.text.slice(last.end, first))) return undefined;
  for (let i = 1; i < list.length; i++) if (!NAME_JOIN_RE.test(ctx.text.slice(list[i - 1]!.end, list[i]!.start))) return undefined;
  return list[index];
}
