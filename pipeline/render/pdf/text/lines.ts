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
 * The algorithm is first-fit. Adjacent full-width marks are set 1.5 em for the pair
 * (compress.ts). When the character that overflows a line is closing punctuation (。，、…), the
 * line may instead be squeezed to keep it (行末点号挤压): first by taking the blank half out
 * of its other closing marks (the last one first), then, if that is not enough, by tightening
 * the characters, if that moves them less than stretching the line without its last character
 * would.
 *
 * On a character grid (公文: 28 characters a line) lines are broken by full cells, as if no
 * mark were compressed, so every full line holds the same number of characters; the room a
 * compressed pair leaves is spread over the line when it is justified.
 */
import { breakOpportunities, isSpace, isSqueezable, mayNotStart } from './breaks.js';
import { adjacentPairs, isClosingMark, isMark, KEPT } from './compress.js';
import { keepWords } from '../../shared/words.js';
import { withFallback } from './fallback.js';
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
  /** Advance of every code unit in points, character spacing not included (a halved mark: its full advance). */
  advance: Float64Array;
  /** 1 for a mark set in half an em (next to another mark, at a line end, or to shrink a line). */
  half: Uint8Array;
  lines: Line[];
}

/** pdfmake sets superscripts at this fraction of the size. */
export const SUP_SCALE = 0.58;
const EPSILON = 0.01;

interface Measured {
  text: string;
  spanOf: Uint16Array;
  advance: Float64Array;
  /** What each code unit takes on the line as it is set: advance (halved marks: half) plus character spacing. */
  set: Float64Array;
  /** What each code unit counts for when breaking: `set`, or on a grid the full cell. */
  fit: Float64Array;
  /** Marks set in half an em (1), as for Broken. */
  half: Uint8Array;
  /** What halving each code unit would still save (half the advance of a closing mark not yet halved; else 0). */
  spare: Float64Array;
}

function measureSpans(spans: Span[], grid = false): Measured {
  const text = spans.map((s) => s.text).join('');
  const n = text.length;
  const spanOf = new Uint16Array(n);
  const advance = new Float64Array(n);
  const can = new Uint8Array(n);
  let at = 0;
  spans.forEach((span, k) => {
    const size = span.style.size * (span.sup ? SUP_SCALE : 1);
    const face = span.style.face;
    for (let i = 0; i < span.text.length; i++, at++) {
      spanOf[at] = k;
      const c = span.text.charCodeAt(i);
      if (c === 0x0a || (c >= 0xdc00 && c <= 0xdfff)) continue;
      advance[at] = face.advance(span.text, i) * size;
      // Only a mark a full em wide has a blank half to give.
      if (!span.sup && isMark(c) && Math.abs(advance[at]! - size) < 0.02 * size) can[at] = 1;
    }
  });
  const half = adjacentPairs(text, can);
  const set = new Float64Array(n);
  const fit = new Float64Array(n);
  const spare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cs = spans[spanOf[i]!]!.style.characterSpacing;
    set[i] = (half[i] ? advance[i]! * KEPT : advance[i]!) + cs;
    fit[i] = grid ? advance[i]! + cs : set[i]!;
    // Only closing marks give up their blank half to shrink a line: an opening mark's glyph
    // would be moved back over the character before it.
    if (can[i] && !half[i] && isClosingMark(text.charCodeAt(i))) spare[i] = advance[i]! * (1 - KEPT);
  }
  return { text, spanOf, advance, set, fit, half, spare };
}

/**
 * How wide a paragraph wants to be: the widths of its hard lines, the longest of them (`max`)
 * and its longest piece that cannot be broken (`min`). Table columns are sized from these.
 */
export function extent(spans: Span[]): { max: number; min: number; lines: number[] } {
  // Measured as typeset.ts will set them: in the fallback font where a face lacks a character.
  const { text, fit } = measureSpans(withFallback(spans));
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
  /** Break by full character cells, compressed marks counted whole (a 公文 grid). */
  grid?: boolean;
}

export function breakLines(spans: Span[], width: number, indent: number, options: BreakOptions = {}): Broken {
  const measured = measureSpans(spans, options.grid);
  const may = breakOpportunities(measured.text);
  // A centred line is a display line: broken between words.
  if (options.balance) keepWords(measured.text, may);
  // A note marker stays with the word it annotates.
  let offset = 0;
  for (const span of spans) {
    if (span.sup && offset > 0) may[offset] = 0;
    offset += span.text.length;
  }
  let lines = fill(measured, may, width, indent);
  if (options.balance && lines.length > 1 && !lines.some((l) => l.forced)) lines = balanced(measured, may, width, indent, lines.length);
  // On a grid every full line keeps its count of characters, a lone last one included.
  else if (!options.grid) lines = withoutLoneLastCharacter(measured, may, lines);
  for (const line of lines) {
    // A mark ends its line at full width: a pair parted by the break is no pair, and a
    // halved mark there would leave the line half an em short of the margin it is set to.
    const end = line.to - 1;
    if (end >= line.from && measured.half[end]) {
      measured.half[end] = 0;
      measured.set[end]! += measured.advance[end]! * (1 - KEPT);
    }
    if (!options.grid) shrinkByMarks(measured, line);
  }
  return { text: measured.text, spanOf: measured.spanOf, advance: measured.advance, half: measured.half, lines };
}

/**
 * A line wider than its room gives up the blank halves of its closing marks, the last one
 * first; what is still too much is left to character spacing (typeset.ts). The mark that ends
 * the line keeps its em (see breakLines). Not on a grid, where every mark keeps its cell.
 */
function shrinkByMarks({ set, half, spare }: Measured, line: Line): void {
  let over = -line.room;
  for (let i = line.from; i < line.to; i++) over += set[i]!;
  for (let i = line.to - 2; i >= line.from && over > EPSILON; i--) {
    if (!spare[i]) continue;
    half[i] = 1;
    set[i]! -= spare[i]!;
    over -= spare[i]!;
    spare[i] = 0;
  }
}

/** First-fit breaking of the whole paragraph into lines of `width` (the first one indented). */
function fill(measured: Measured, may: Uint8Array, width: number, indent: number): Line[] {
  const { text, fit } = measured;
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
        end = chooseBreak(measured, may, start, i, room, lastBreak > start ? lastBreak : -1, atBreak);
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
 * The end of a line (from `start`) whose character `i` overflows: squeeze in the closing
 * punctuation at i (and any that follows it), or break at the last opportunity, or, when
 * there is none (a run longer than the line), break before i.
 */
function chooseBreak({ text, fit, set, spare }: Measured, may: Uint8Array, start: number, i: number, room: number, lastBreak: number, atBreak: number): number {
  if (isSqueezable(text.charCodeAt(i))) {
    let j = i;
    while (j + 1 < text.length && !may[j + 1] && isSqueezable(text.charCodeAt(j + 1))) j++;
    // What the line is too wide as set, less what its marks' blank halves give back.
    let squeeze = -room;
    for (let k = start; k <= j; k++) squeeze += set[k]! - (k < j ? spare[k]! : 0);
    squeeze = Math.max(0, squeeze);
    const stretch = lastBreak > 0 ? room - atBreak : Infinity;
    // Beyond the marks, at most one punctuation mark's width, and only when it disturbs the
    // line no more (it is spread over one more gap).
    // Spaces after the mark are dropped at the break, so what follows them must be able to
    // start a line (not another closing mark, as in "） ：").
    let k = j + 1;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    const canEnd = k >= text.length || may[k] || text.charCodeAt(k) === 0x0a;
    if (canEnd && squeeze <= fit[i]! && squeeze <= stretch) return j + 1;
  }
  return lastBreak > 0 ? lastBreak : i;
}
