/**
 * Half-width punctuation: what the PDF writer asks for with the feature `halt` on a
 * compressed mark (pdf/text/compress.ts).
 *
 * Done here rather than by the faces' own OpenType `halt`: LXGW WenKai (the official layout's
 * 楷体) has none, and fontkit ignores a feature a face does not have; and a mark keeps a hair
 * over half its em (compress.ts, KEPT), which no font's `halt` gives. A run asked with `halt`
 * is laid out without it, and each full-width mark gets the advance it keeps, an opening
 * mark's glyph moved back by what it gives up (into the half it keeps), as Noto CJK's `halt`
 * does.
 */
import { CLOSING_MARKS, KEPT, OPENING_MARKS } from '../render/pdf/text/compress.js';
import type { PdfkitFont } from './fast-fonts.js';
import { hasMembers } from './status.js';

const CLOSING = new Set([...CLOSING_MARKS].map((c) => c.codePointAt(0)!));
const OPENING = new Set([...OPENING_MARKS].map((c) => c.codePointAt(0)!));

export function halfWidths(pdfFont: PdfkitFont): void {
  if (!hasMembers(pdfFont, "pdfkit's embedded font", ['layoutRun', '.scale'], 'half-width punctuation is left to the fonts')) return;
  const run = pdfFont.layoutRun;
  pdfFont.layoutRun = function (this: PdfkitFont, text, features) {
    if (!Array.isArray(features) || !features.includes('halt')) return run.call(this, text, features);
    const rest = features.filter((f) => f !== 'halt');
    const out = run.call(this, text, rest.length ? rest : undefined);
    out.glyphs.forEach((glyph, i) => {
      const cp = glyph.codePoints[0]!;
      const position = out.positions[i]!;
      const width = position.advanceWidth ?? glyph.advanceWidth * this.scale;
      // Only a mark a full em wide has a blank half (pdfkit's units: 1000 an em).
      if (glyph.codePoints.length !== 1 || Math.abs(width - 1000) > 20 || !(CLOSING.has(cp) || OPENING.has(cp))) return;
      position.xAdvance -= width * (1 - KEPT);
      if (OPENING.has(cp)) position.xOffset -= width * (1 - KEPT);
    });
    return out;
  };
}
