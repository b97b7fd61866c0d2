/**
 * Font metrics for our own line breaking: advance widths, ascent and descent of a face.
 *
 * Advances and vertical metrics are read straight from the font's tables (cmap, hmtx, hhea,
 * head): a lookup in the file's bytes, with no table decoded up front. Text whose width
 * shaping can change is measured as pdfkit will measure it, by the engine (the fast path
 * where shaping at most kerns it, Latin words; else fontkit, the very copy pdfkit shapes
 * with, opened only when such text turns up: the 2-em dash ligature). Faces come from the
 * same files pdfmake gets (shared/fonts.ts: a WOFF already turned into TrueType; only the
 * small tables read here, the whole file read in the background for pdfkit) and are kept per
 * process.
 */
import { fastFace } from '../../engine/index.js';
import { fontTables, prefetchFont } from '../shared/fonts.js';
import { openSfnt } from '../shared/sfnt.js';

export interface Face {
  /** Ascender and descender in em (descent is negative), as pdfkit reads them (hhea). */
  ascent: number;
  descent: number;
  /** pdfkit's line height of this face in em: ascender - descender, no line gap. */
  lineHeight: number;
  /** Advance width of one UTF-16 code unit in em (a surrogate pair: all on the high half). */
  advance(text: string, index: number): number;
  /**
   * Width in em of `text` as pdfkit measures it: shaped, split after spaces the way pdfkit's
   * layout cache splits. For text whose width shaping can change; plain CJK text is the sum
   * of its advances.
   */
  shaped(text: string): number;
  /** Code points the face has no glyph for. */
  missing: Set<number>;
  /** Whether the face has a glyph for the code point (looked up once, as for its advance). */
  covers(cp: number): boolean;
}

const faces = new Map<string, Face>();

export function face(file: string): Face {
  let f = faces.get(file);
  if (!f) {
    f = openFace(file);
    faces.set(file, f);
  }
  return f;
}

function openFace(file: string): Face {
  // Metrics come from the small tables; pdfkit will want the whole file, read meanwhile.
  prefetchFont(file);
  const data = fontTables(file);
  const sfnt = openSfnt(data, file);
  const view = sfnt.view;
  const hhea = sfnt.offset('hhea')!;
  const em = sfnt.unitsPerEm;
  const ascent = view.getInt16(hhea + 4);
  const descent = view.getInt16(hhea + 6);

  // Advances in em by code point (the BMP in a table; NaN: not looked up yet).
  const bmp = new Float64Array(0x10000).fill(NaN);
  const astral = new Map<number, number>();
  const missing = new Set<number>();
  const lookUp = (cp: number): number => {
    const glyph = sfnt.glyphOf(cp);
    if (glyph === 0 && cp > 0x20) missing.add(cp);
    return sfnt.advanceOf(glyph) / em;
  };
  const advanceOf = (cp: number): number => {
    if (cp < 0x10000) {
      let w = bmp[cp]!;
      if (Number.isNaN(w)) bmp[cp] = w = lookUp(cp);
      return w;
    }
    let w = astral.get(cp);
    if (w === undefined) astral.set(cp, (w = lookUp(cp)));
    return w;
  };

  // Most pieces are plain (shaping leaves them alone: the sum of their advances); the rest
  // are shaped by fontkit.
  const fast = fastFace(file);
  const shapedCache = new Map<string, number>();
  const shapedPiece = (piece: string): number => {
    let w = shapedCache.get(piece);
    if (w === undefined) {
      w = fast.shaped(piece) / em;
      shapedCache.set(piece, w);
    }
    return w;
  };

  return {
    ascent: ascent / em,
    descent: descent / em,
    lineHeight: (ascent - descent) / em,
    missing,
    covers(cp) {
      advanceOf(cp);
      return missing.size === 0 || !missing.has(cp);
    },
    advance(text, index) {
      const unit = text.charCodeAt(index);
      if (unit >= 0xdc00 && unit <= 0xdfff) return 0;
      return advanceOf(text.codePointAt(index)!);
    },
    shaped(text) {
      // pdfkit shapes each space-terminated piece on its own (and caches it); so do we.
      let width = 0;
      let last = 0;
      for (let i = 0; i <= text.length; i++) {
        if (i === text.length ? last < i : text[i] === ' ' || text[i] === '\t') {
          width += shapedPiece(text.slice(last, i + 1));
          last = i + 1;
        }
      }
      return width;
    },
  };
}

