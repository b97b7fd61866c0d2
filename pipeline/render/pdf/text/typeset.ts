/**
 * A paragraph (styled spans) -> pdfmake text nodes holding pre-broken lines.
 *
 * Each line is one inline per span it crosses; inlines of a line are chained with
 * `noNewLine`, and lines are separated by an empty hard-break inline, so pdfmake places the
 * lines exactly as broken here and only decides where pages break. A justified line gets
 * the character spacing that makes it exactly as wide as its room.
 *
 * Widows and orphans: see parts().
 */
import type { Margin, TextItem, TextNode } from '../nodes.js';
import { lineHeightFactor, type BlockStyle } from '../styles.js';
import { breakLines, SUP_SCALE, type Broken, type Line, type Span } from './lines.js';
import { KEPT } from './compress.js';
import { withFallback } from './fallback.js';

export interface SetOptions {
  /** Width of the text column in points. */
  width: number;
  /** First-line indent in points, instead of the block style's. */
  indent?: number;
  /** Keep the paragraph in one node (table cells, TOC entries, cover lines). */
  whole?: boolean;
  /** Leave out the block style's space before and after. */
  noSpacing?: boolean;
  /** Alignment instead of the block style's. */
  align?: BlockStyle['align'];
  /** Properties of the first node (its id, outline entry). */
  first?: Partial<TextNode>;
}

/** Text whose width is the plain sum of its advances (no kerning or ligatures apply). */
const PLAIN = /^[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018\u2019\u201c\u201d0-9.,%]*$/;
/** The feature that asks for a full-width mark in half an em (compress.ts, engine/half-width.ts). */
const HALF_WIDTH = ['halt'];
/** Justify by at most this fraction of the size between characters; beyond, leave it ragged. */
const MAX_SPREAD = 0.6;

export function typeset(given: Span[], block: BlockStyle, options: SetOptions): TextNode[] {
  // Characters a span's face lacks are set in the fallback font, as spans of their own.
  const spans = withFallback(given);
  const indent = options.indent ?? block.indent;
  const align = options.align ?? block.align;
  const broken = breakLines(spans, options.width, indent, { balance: align === 'center', grid: block.grid && align === 'justify' });
  const lines = broken.lines.map((line) => lineItems(broken, line, spans, block, align === 'justify'));
  const groups: Part[] = options.whole ? [[0, lines.length, false]] : parts(lines.length, block.grid);

  return groups.map(([from, to, kept], g) => {
    const items: TextItem[] = [];
    for (let i = from!; i < to!; i++) {
      const line = lines[i]!;
      if (i > from!) items.push(hardBreak());
      items.push(...line);
    }
    // Chain every inline to the next: a line is set whole, and each ends in a hard break.
    for (let i = 0; i < items.length - 1; i++) if (items[i]!.text !== '\n') items[i]!.noNewLine = true;
    if (!items.length) items.push({ text: '' });
    const node: TextNode = { text: items, style: block.text.key, lineHeight: lineHeightFactor(block.text, block.pitch) };
    if (align === 'center' || align === 'right') node.alignment = align;
    if (kept) node.unbreakable = true;
    if (g === 0) {
      if (indent) node.leadingIndent = indent;
      Object.assign(node, options.first);
    }
    const before = g === 0 && !options.noSpacing ? block.spaceBefore : 0;
    const after = g === groups.length - 1 && !options.noSpacing ? block.spaceAfter : 0;
    if (before || after) node.margin = [0, before, 0, after] as Margin;
    return node;
  });
}

/** Lines from, to, and whether they are kept on one page. */
type Part = [number, number, boolean];

/**
 * How a paragraph of n lines is cut into nodes. Its first two lines and its last two are kept
 * together, and a paragraph of up to three lines is kept whole, so a page never ends on a
 * paragraph's first line nor starts with its last. On a character grid (公文) every page is
 * filled to its last line or the one before (GB/T 9704: 22 lines a page), so a paragraph may
 * break after any line: its first line is a node of its own, for a heading to be kept with.
 */
function parts(n: number, grid: boolean): Part[] {
  if (grid) return n <= 1 ? [[0, n, false]] : [[0, 1, false], ...chunks(1, n)];
  if (n <= 3) return [[0, n, n > 1]];
  if (n === 4) return [[0, 2, true], [2, 4, true]];
  return [[0, 2, true], ...chunks(2, n - 2), [n - 2, n, true]];
}

/**
 * Lines a page may break anywhere in, as nodes of at most CHUNK_LINES lines. pdfmake's line
 * placing takes time in the square of a node's inlines (it flattens the text with concat and
 * shifts and slices the inline list for each inline): one paragraph of a 1 MB line took 2.7 s,
 * of 5 MB 340 s. Nodes stacked without margins place the same lines at the same positions.
 */
const CHUNK_LINES = 200;
function chunks(from: number, to: number): Part[] {
  const out: Part[] = [];
  for (let start = from; start < to; start += CHUNK_LINES) out.push([start, Math.min(start + CHUNK_LINES, to), false]);
  return out;
}

/** An empty inline that ends the line (pdfmake reads the `\n` as a forced break). */
const hardBreak = (): TextItem => ({ text: '\n', noWrap: false, characterSpacing: 0 });

/** The inlines of one line, justified when it should be. */
function lineItems(broken: Broken, line: Line, spans: Span[], block: BlockStyle, justify: boolean): TextItem[] {
  const pieces: Array<{ span: Span; text: string; width: number; half?: boolean }> = [];
  const half = broken.half;
  let i = line.from;
  while (i < line.to) {
    const k = broken.spanOf[i]!;
    const span = spans[k]!;
    // A halved mark is an inline of its own, asked for with `halt` (shared/half-width.ts);
    // pdfmake puts the next inline right after its half em, with no character spacing between.
    if (half[i]) {
      pieces.push({ span, text: broken.text[i]!, width: broken.advance[i]! * KEPT, half: true });
      i++;
      continue;
    }
    let j = i;
    let width = 0;
    while (j < line.to && broken.spanOf[j] === k && !half[j]) width += broken.advance[j++]!;
    const text = broken.text.slice(i, j);
    if (!PLAIN.test(text)) width = span.style.face.shaped(text) * span.style.size * (span.sup ? SUP_SCALE : 1);
    pieces.push({ span, text, width });
    i = j;
  }

  // pdfmake spaces the characters inside an inline, not across inlines: one fewer gap each.
  const gaps = pieces.reduce((n, p) => n + p.text.length - 1, 0);
  const natural = pieces.reduce((w, p) => w + p.width, 0);
  const fill = gaps > 0 ? (line.room - natural) / gaps : 0;
  const styled = pieces.reduce((w, p) => w + p.width + (p.text.length - 1) * p.span.style.characterSpacing, 0);
  let spacing: number | undefined;
  // A squeezed line (closing punctuation kept at its end) is tightened whatever its alignment;
  // a justified line is spread to its room, but not the last one nor one before a hard break.
  if (gaps > 0 && styled > line.room + 0.01) spacing = fill;
  else if (justify && !line.last && !line.forced && gaps > 0 && fill < block.text.size * MAX_SPREAD) spacing = fill;

  const items = pieces.map(({ span, text, half }) => {
    const item: TextItem = { text };
    if (span.style.key !== block.text.key) {
      item.style = span.style.key;
      item.lineHeight = lineHeightFactor(span.style, block.pitch);
    }
    if (spacing !== undefined) item.characterSpacing = spacing;
    if (half) item.fontFeatures = HALF_WIDTH;
    if (span.destination) item.linkToDestination = span.destination;
    if (span.url) item.link = span.url;
    if (span.sup) item.sup = true;
    return item;
  });
  // Baseline where a body line has it (see BlockStyle.strut).
  const strut = block.strut;
  if (strut && pieces.every((p) => p.span.style.face.ascent * p.span.style.size < strut.face.ascent * strut.size - 1e-6)) {
    items.push({ text: '', style: strut.key, characterSpacing: 0, lineHeight: lineHeightFactor(strut, block.pitch) });
  }
  return items;
}
