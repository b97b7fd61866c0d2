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
import { breakOpportunities, isSpace, SQUEEZABLE } from './breaks.js';
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

export function breakLines(spans: Span[], width: number, indent: number): Broken {
  const { text, spanOf, advance, fit } = measureSpans(spans);
  const n = text.length;
  const may = breakOpportunities(text);
  // A note marker stays with the word it annotates.
  let offset = 0;
  for (const span of spans) {
    if (span.sup && offset > 0) may[offset] = 0;
    offset += span.text.length;
  }
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
  return { text, spanOf, advance, lines };
}

/**
 * The end of a line whose character `i` overflows: squeeze in the closing punctuation at i
 * (and any that follows it), or break at the last opportunity, or, when there is none (a run
 * longer than the line), break before i.
 */
function chooseBreak(text: string, fit: Float64Array, may: Uint8Array, i: number, widthWithI: number, room: number, lastBreak: number, atBreak: number): number {
  if (SQUEEZABLE.has(text[i]!)) {
    let j = i;
    let total = widthWithI;
    while (j + 1 < text.length && !may[j + 1] && SQUEEZABLE.has(text[j + 1]!)) total += fit[++j]!;
    const squeeze = total - room;
    const stretch = lastBreak > 0 ? room - atBreak : Infinity;
    // At most one punctuation mark's width, and only when it disturbs the line less.
    const after = text.charCodeAt(j + 1);
    const canEnd = j + 1 >= text.length || may[j + 1] || after === 0x0a || isSpace(after);
    if (canEnd && squeeze <= fit[i]! && squeeze < stretch) return j + 1;
  }
  return lastBreak > 0 ? lastBreak : i;
}
