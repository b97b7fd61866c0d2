/**
 * Half-width punctuation for a face that lacks the OpenType feature `halt`.
 *
 * The PDF writer asks for a compressed mark (pdf/text/compress.ts) with `halt`. fontkit
 * ignores a feature the face does not have (LXGW WenKai, the official layout's 楷体, has
 * none), and the mark would keep its full em where our line breaking counted half. For such a
 * face a run asked with `halt` is laid out without it, and each full-width mark is given what
 * `halt` gives it in the faces that have it (Noto CJK): half its advance, and an opening mark's
 * glyph moved back by that half, into the half it keeps.
 */
import { CLOSING_MARKS, OPENING_MARKS } from '../pdf/text/compress.js';
import type { PdfkitFont } from './fast-fonts.js';
import { hasFeature, openSfnt } from './sfnt.js';

const CLOSING = new Set([...CLOSING_MARKS].map((c) => c.codePointAt(0)!));
const OPENING = new Set([...OPENING_MARKS].map((c) => c.codePointAt(0)!));

/** Whether a face's GPOS has `halt`. */
export function hasHalfWidths(data: Uint8Array): boolean {
  const sfnt = openSfnt(data);
  return hasFeature(sfnt.view, sfnt.offset('GPOS'), 'halt');
}

export function emulateHalfWidths(pdfFont: PdfkitFont): void {
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
      position.xAdvance -= width / 2;
      if (OPENING.has(cp)) position.xOffset -= width / 2;
    });
    return out;
  };
}
