/**
 * Line breaking of one paragraph, done here rather than by pdfmake.
 *
 * pdfmake breaks text at every UAX #14 opportunity, which in Chinese is every character: each
 * character becomes an inline of its own, measured, positioned and drawn with a text call of
 * its own, and `characterSpacing` is lost between inlines (so a 公文 grid of 28 characters a
 * line cannot be set). We break the paragraph ourselves, once, with the 禁则 of breaks.ts, and
 * hand pdfmake whole lines: a line is one inline per style run, and a justified line is
 * justified by character spacing (the Chinese way: the slack is spread between all
 * characters, not only at word gaps).
 *
 * The algorithm is first-fit. When the character that overflows a line is closing punctuation
 * (。，、…), the line may instead be squeezed to keep it, if that moves the characters less
 * than stretching the line without its last character would (行末点号挤压).
 */
import { breakOpportunities, isSpace, isSqueezable, mayNotStart } from './breaks.js';
import type { TextStyle } from '../styles.js';

export interface Span {
  text: string;
  style: TextStyle;
  /** A link to a named destination in the document (heading, glossary term). */
  destination?: string;
  /** A link to a URL. */
  url?: string;
  /** Set as a superscript (note markers). */
  sup?: boolean;
}

export interface Line {
  /** Offsets into the paragraph's text, trailing spaces left out. */
  from: number;
  to: number;
  /** The line ends at a hard break. */
  forced: boolean;
  /** Last line of the paragraph. */
  last: boolean;
  /** Room left for the line (its width minus a first-line indent). */
  room: number;
}

export interface Broken {
  text: string;
  /** Span index of every code unit. */
  spanOf: Uint16Array;
  /** Advance of every code unit in points, character spacing not included. */
  advance: Float64Array;
  lines: Line[];
}

/** pdfmake sets superscripts at this fraction of the size. */
export const SUP_SCALE = 0.58;
const EPSILON = 0.01;

interface Measured {
  text: string;
  spanOf: Uint16Array;
  advance: Float64Array;
  /** What each code unit takes on the line: advance plus character spacing. */
  fit: Float64Array;
}

function measureSpans(spans: Span[]): Measured {
  const text = spans.map((s) => s.text).join('');
  const n = text.length;
  const spanOf = new Uint16Array(n);
  const advance = new Float64Array(n);
  const fit = new Float64Array(n);
  let at = 0;
  spans.forEach((span, k) => {
    const size = span.style.size * (span.sup ? SUP_SCALE : 1);
    const cs = span.style.characterSpacing;
    const face = span.style.face;
    for (let i = 0; i < span.text.length; i++, at++) {
      spanOf[at] = k;
      const c = span.text.charCodeAt(i);
      if (c === 0x0a || (c >= 0xdc00 && c <= 0xdfff)) continue;
      advance[at] = face.advance(span.text, i) * size;
      fit[at] = advance[at]! + cs;
    }
  });
  return { text, spanOf, advance, fit };
}

/**
 * How wide a paragraph wants to be: the widths of its hard lines, the longest of them (`max`)
 * and its longest piece that cannot be broken (`min`). Table columns are sized from these.
 */
export function extent(spans: Span[]): { max: number; min: number; lines: number[] } {
  const { text, fit } = measureSpans(spans);
  const may = breakOpportunities(text);
  const lines: number[] = [];
  let min = 0;
  let line = 0;
  let piece = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      lines.push(line);
      line = piece = 0;
      continue;
    }
    if (may[i]) piece = 0;
    line += fit[i]!;
    piece += fit[i]!;
    if (piece > min) min = piece;
  }
  lines.push(line);
  return { max: Math.max(...lines), min, lines };
}

export interface BreakOptions {
  /** Centred text: lines of even length instead of a full first line and a short last one. */
  balance?: boolean;
}

export function breakLines(spans: Span[], width: number, indent: number, options: BreakOptions = {}): Broken {
  const measured = measureSpans(spans);
  const may = breakOpportunities(measured.text);
  // A note marker stays with the word it annotates.
  let offset = 0;
  for (const span of spans) {
    if (span.sup && offset > 0) may[offset] = 0;
    offset += span.text.length;
  }
  let lines = fill(measured, may, width, indent);
  if (options.balance && lines.length > 1 && !lines.some((l) => l.forced)) lines = balanced(measured, may, width, indent, lines.length);
  else lines = withoutLoneLastCharacter(measured, may, lines);
  return { text: measured.text, spanOf: measured.spanOf, advance: measured.advance, lines };
}

/** First-fit breaking of the whole paragraph into lines of `width` (the first one indented). */
function fill({ text, fit }: Measured, may: Uint8Array, width: number, indent: number): Line[] {
  const n = text.length;
  const lines: Line[] = [];
  let start = 0;
  let room = width - indent;
  while (start < n) {
    let w = 0;
    let lastBreak = -1;
    let atBreak = 0;
    let end = n;
    let forced = false;
    for (let i = start; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        end = i;
        forced = true;
        break;
      }
      if (i > start && may[i]) {
        lastBreak = i;
        atBreak = w;
      }
      const next = w + fit[i]!;
      if (next > room + EPSILON && i > start && !isSpace(c)) {
        end = chooseBreak(text, fit, may, i, next, room, lastBreak > start ? lastBreak : -1, atBreak);
        break;
      }
      w = next;
    }
    let to = end;
    while (to > start && isSpace(text.charCodeAt(to - 1))) to--;
    lines.push({ from: start, to, forced, last: end >= n, room });
    start = forced ? end + 1 : end;
    if (!forced) while (start < n && isSpace(text.charCodeAt(start))) start++;
    room = width;
    // A hard break at the very end still ends the paragraph there.
    if (forced && start >= n) lines[lines.length - 1]!.last = true;
  }
  if (!lines.length) lines.push({ from: 0, to: 0, forced: false, last: true, room: width - indent });
  return lines;
}

/** The narrowest measure that keeps the number of lines (a centred title in even lines). */
function balanced(measured: Measured, may: Uint8Array, width: number, indent: number, count: number): Line[] {
  let lo = width / count;
  let hi = width;
  for (let k = 0; k < 12; k++) {
    const mid = (lo + hi) / 2;
    if (fill(measured, may, mid, indent).length > count) lo = mid;
    else hi = mid;
  }
  return fill(measured, may, hi, indent);
}

/**
 * A paragraph should not end on a line holding a single character (and its punctuation): the
 * line before it gives up its last breakable piece, and is spread a little wider instead.
 */
function withoutLoneLastCharacter({ text, fit }: Measured, may: Uint8Array, lines: Line[]): Line[] {
  const last = lines[lines.length - 1]!;
  const prev = lines[lines.length - 2];
  if (!prev || prev.forced || !last.last || last.forced) return lines;
  let visible = 0;
  for (let i = last.from; i < last.to; i++) if (!mayNotStart(text.charCodeAt(i)) && !isSpace(text.charCodeAt(i))) visible++;
  if (visible !== 1) return lines;
  const half = prev.from + (prev.to - prev.from) / 2;
  for (let b = prev.to - 1; b > half; b--) {
    if (!may[b]) continue;
    let w = 0;
    for (let i = b; i < last.to; i++) w += fit[i]!;
    if (w > last.room + EPSILON) return lines;
    let to = b;
    while (to > prev.from && isSpace(text.charCodeAt(to - 1))) to--;
    let from = b;
    while (from < last.to && isSpace(text.charCodeAt(from))) from++;
    return [...lines.slice(0, -2), { ...prev, to }, { ...last, from }];
  }
  return lines;
}

/**
 * The end of a line whose character `i` overflows: squeeze in the closing punctuation at i
 * (and any that follows it), or break at the last opportunity, or, when there is none (a run
 * longer than the line), break before i.
 */
function chooseBreak(text: string, fit: Float64Array, may: Uint8Array, i: number, widthWithI: number, room: number, lastBreak: number, atBreak: number): number {
  if (isSqueezable(text.charCodeAt(i))) {
    let j = i;
    let total = widthWithI;
    while (j + 1 < text.length && !may[j + 1] && isSqueezable(text.charCodeAt(j + 1))) total += fit[++j]!;
    const squeeze = total - room;
    const stretch = lastBreak > 0 ? room - atBreak : Infinity;
    // At most one punctuation mark's width, and only when it disturbs the line no more (it is
    // spread over one more gap).
    // Spaces after the mark are dropped at the break, so what follows them must be able to
    // start a line (not another closing mark, as in "） ：").
    let k = j + 1;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    const canEnd = k >= text.length || may[k] || text.charCodeAt(k) === 0x0a;
    if (canEnd && squeeze <= fit[i]! && squeeze <= stretch) return j + 1;
  }
  return lastBreak > 0 ? lastBreak : i;
}
