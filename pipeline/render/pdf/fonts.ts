/**
 * Font metrics for our own line breaking: advance widths, ascent and descent of a face.
 *
 * We measure with fontkit, the font reader pdfkit itself uses (resolved from pdfkit, so it is
 * the very version that will shape the text), so our widths are pdfkit's widths. Faces are
 * opened once per process and only when a style uses them, from the same bytes pdfmake gets
 * (shared/fonts.ts: read once, a WOFF already turned into TrueType).
 */
import { createRequire } from 'node:module';
import { fontData } from '../shared/fonts.js';

/* The part of fontkit we use. */
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
}
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  layout(text: string): { advanceWidth: number };
}

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): FontkitFont };

export interface Face {
  /** Ascender and descender in em (descent is negative), as pdfkit reads them (hhea). */
  ascent: number;
  descent: number;
  /** pdfkit's line height of this face in em: ascender - descender, no line gap. */
  lineHeight: number;
  /** Advance width of one UTF-16 code unit in em (a surrogate pair: all on the high half). */
  advance(text: string, index: number): number;
  /**
   * Width in em of `text` as pdfkit measures it: shaped by fontkit, split after spaces the way
   * pdfkit's layout cache splits. Used for text whose width shaping can change (Latin kerning,
   * the 2-em dash ligature); plain CJK text is the sum of its advances.
   */
  shaped(text: string): number;
  /** Code points the face has no glyph for (each reported once). */
  missing: Set<number>;
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
  const font = fontkit.create(fontData(file));
  const em = font.unitsPerEm;
  const advances = new Map<number, number>();
  const shapedCache = new Map<string, number>();
  const missing = new Set<number>();
  const advanceOf = (cp: number): number => {
    let w = advances.get(cp);
    if (w === undefined) {
      const glyph = font.glyphForCodePoint(cp);
      if (glyph.id === 0 && cp > 0x20) missing.add(cp);
      w = glyph.advanceWidth / em;
      advances.set(cp, w);
    }
    return w;
  };
  const shapedPiece = (piece: string): number => {
    let w = shapedCache.get(piece);
    if (w === undefined) {
      w = font.layout(piece).advanceWidth / em;
      shapedCache.set(piece, w);
    }
    return w;
  };
  return {
    ascent: font.ascent / em,
    descent: font.descent / em,
    lineHeight: (font.ascent - font.descent) / em,
    missing,
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
