/**
 * Font metrics for our own line breaking: advance widths, ascent and descent of a face.
 *
 * Advances and vertical metrics are read straight from the font's tables (cmap, hmtx, hhea,
 * head): a lookup in the file's bytes, with no table decoded up front. Text whose width
 * shaping can change (Latin kerning, the 2-em dash) is measured with fontkit, the font reader
 * pdfkit itself uses (resolved from pdfkit, so the very version that will shape the text),
 * opened only when such text turns up. Faces come from the same bytes pdfmake gets
 * (shared/fonts.ts: read once, a WOFF already turned into TrueType) and are kept per process.
 */
import { createRequire } from 'node:module';
import { fontData } from '../shared/fonts.js';

interface FontkitFont {
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
   * Width in em of `text` as pdfkit measures it: shaped, split after spaces the way pdfkit's
   * layout cache splits. For text whose width shaping can change; plain CJK text is the sum
   * of its advances.
   */
  shaped(text: string): number;
  /** Code points the face has no glyph for. */
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
  const data = fontData(file);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = tableDirectory(view);
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${file}: no ${tag} table`);
    return at;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const em = view.getUint16(head + 18);
  const ascent = view.getInt16(hhea + 4);
  const descent = view.getInt16(hhea + 6);
  const metrics = view.getUint16(hhea + 34);
  const glyphOf = cmapLookup(view, table('cmap'));
  const advanceOfGlyph = (g: number) => view.getUint16(hmtx + 4 * Math.min(g, metrics - 1));

  const advances = new Map<number, number>();
  const missing = new Set<number>();
  const advanceOf = (cp: number): number => {
    let w = advances.get(cp);
    if (w === undefined) {
      const glyph = glyphOf(cp);
      if (glyph === 0 && cp > 0x20) missing.add(cp);
      w = advanceOfGlyph(glyph) / em;
      advances.set(cp, w);
    }
    return w;
  };

  let shaper: FontkitFont | undefined;
  const shapedCache = new Map<string, number>();
  const shapedPiece = (piece: string): number => {
    let w = shapedCache.get(piece);
    if (w === undefined) {
      shaper ??= fontkit.create(data);
      w = shaper.layout(piece).advanceWidth / em;
      shapedCache.set(piece, w);
    }
    return w;
  };

  return {
    ascent: ascent / em,
    descent: descent / em,
    lineHeight: (ascent - descent) / em,
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

/** Offsets of the font's tables by tag (a TrueType/OpenType file, not a collection). */
function tableDirectory(view: DataView): Map<string, number> {
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

/**
 * Code point -> glyph id, from the font's Unicode cmap: format 12 (all of Unicode) when there
 * is one, else format 4 (the BMP). Binary search in the subtable as it lies in the file.
 */
function cmapLookup(view: DataView, cmap: number): (cp: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4 = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const sub = cmap + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return format12(view, sub);
    if (format === 4 && format4 < 0) format4 = sub;
  }
  if (format4 >= 0) return format4Lookup(view, format4);
  return () => 0;
}

function format12(view: DataView, sub: number): (cp: number) => number {
  const groups = view.getUint32(sub + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = sub + 16 + 12 * mid;
      if (cp < view.getUint32(g)) hi = mid - 1;
      else if (cp > view.getUint32(g + 4)) lo = mid + 1;
      else return view.getUint32(g + 8) + cp - view.getUint32(g);
    }
    return 0;
  };
}

function format4Lookup(view: DataView, sub: number): (cp: number) => number {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + 2 * lo);
    if (cp < start || cp > view.getUint16(ends + 2 * lo)) return 0;
    const delta = view.getInt16(deltas + 2 * lo);
    const range = view.getUint16(ranges + 2 * lo);
    if (range === 0) return (cp + delta) & 0xffff;
    const glyph = view.getUint16(ranges + 2 * lo + range + 2 * (cp - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}
