/**
 * Reading a TrueType/OpenType font's tables straight from its bytes: the table directory,
 * the Unicode cmap and the horizontal metrics. A lookup in the file as it lies, with nothing
 * decoded up front, so a face of 30,000 glyphs opens in microseconds (fontkit decodes whole
 * tables through restructure, which is what made measuring CJK text slow).
 *
 * Shared by the PDF writer's own line breaking (pdf/fonts.ts) and the fast path that spares
 * pdfkit full OpenType shaping where shaping cannot change anything (engine/fast-fonts.ts).
 */

export interface Sfnt {
  view: DataView;
  /** Offset of a table in the file, undefined when the font has none. */
  offset(tag: string): number | undefined;
  unitsPerEm: number;
  numGlyphs: number;
  /** Code point -> glyph id (0 when the font has no glyph for it). */
  glyphOf(cp: number): number;
  /** Glyphs of the code points from `from` to `to` (inclusive) that the font maps (in a few steps for a long range it does not map). */
  glyphsIn(from: number, to: number): number[];
  /** False when the cmap is in a form we do not read (then glyphOf maps nothing). */
  cmapExact: boolean;
  /** Advance width of a glyph in font units, as hmtx has it (the last entry repeats). */
  advanceOf(glyph: number): number;
  /** Left side bearing of a glyph in font units, as hmtx has it (0 past its end). */
  leftBearingOf(glyph: number): number;
  /** Where a glyph's outline lies in the file (start and end offsets; equal when empty), or undefined without glyf/loca. */
  outlineOf(glyph: number): [number, number] | undefined;
}

/** Opens a font file (not a collection): a few reads of its header tables. */
export function openSfnt(data: Uint8Array, name = 'font'): Sfnt {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = tableDirectory(view);
  const offset = (tag: string) => tables.get(tag);
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${name}: no ${tag} table`);
    return at;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const metrics = view.getUint16(hhea + 34);
  const numGlyphs = view.getUint16(table('maxp') + 4);
  const cmap = cmapLookup(view, table('cmap'));
  const glyf = tables.get('glyf');
  const loca = tables.get('loca');
  const shortLoca = view.getInt16(head + 50) === 0;
  const locaAt = (g: number) => (shortLoca ? 2 * view.getUint16(loca! + 2 * g) : view.getUint32(loca! + 4 * g));
  return {
    view,
    offset,
    unitsPerEm: view.getUint16(head + 18),
    numGlyphs,
    glyphOf: cmap.lookup,
    glyphsIn: cmap.within,
    cmapExact: cmap.exact,
    advanceOf: (g) => view.getUint16(hmtx + 4 * Math.min(g, metrics - 1)),
    leftBearingOf: (g) => (g < metrics ? view.getInt16(hmtx + 4 * g + 2) : g < numGlyphs ? view.getInt16(hmtx + 4 * metrics + 2 * (g - metrics)) : 0),
    outlineOf: (g) => (glyf === undefined || loca === undefined ? undefined : [glyf + locaAt(g), glyf + locaAt(g + 1)]),
  };
}

/** Offsets of the font's tables by tag. */
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
 * Code point -> glyph id, from the Unicode subtable fontkit would pick (the same order of
 * preference, so both agree on every glyph): (3,10), (0,6), (0,4), then (3,1), (0,3), (0,2),
 * (0,1), (0,0). Formats 12 and 4 are read; binary search in the subtable as it lies in the file.
 * A font whose chosen subtable is in another format maps nothing (and says so: `exact`).
 */
interface Cmap {
  lookup: (cp: number) => number;
  within: (from: number, to: number) => number[];
  exact: boolean;
}

function cmapLookup(view: DataView, cmap: number): Cmap {
  const count = view.getUint16(cmap + 2);
  for (const [platform, encoding] of CMAP_PREFERENCE) {
    for (let i = 0; i < count; i++) {
      const record = cmap + 4 + 8 * i;
      if (view.getUint16(record) !== platform || view.getUint16(record + 2) !== encoding) continue;
      const sub = cmap + view.getUint32(record + 4);
      const format = view.getUint16(sub);
      if (format === 12) return format12(view, sub);
      if (format === 4) return perCodePoint(format4Lookup(view, sub), 0xffff);
      return NOTHING;
    }
  }
  return NOTHING;
}

const NOTHING: Cmap = { lookup: () => 0, within: () => [], exact: false };

/** A cmap that can only be asked code point by code point (none past `last`). */
function perCodePoint(lookup: (cp: number) => number, last: number): Cmap {
  const within = (from: number, to: number) => {
    const glyphs: number[] = [];
    for (let cp = from; cp <= Math.min(to, last); cp++) {
      const glyph = lookup(cp);
      if (glyph) glyphs.push(glyph);
    }
    return glyphs;
  };
  return { lookup, within, exact: true };
}

const CMAP_PREFERENCE: Array<[number, number]> = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];

/** Format 12: groups of consecutive code points mapped to consecutive glyphs, sorted. */
function format12(view: DataView, sub: number): Cmap {
  const groups = view.getUint32(sub + 12);
  const start = (g: number) => view.getUint32(sub + 16 + 12 * g);
  const end = (g: number) => view.getUint32(sub + 20 + 12 * g);
  const glyph = (g: number) => view.getUint32(sub + 24 + 12 * g);
  /** The first group that ends at or after `cp`. */
  const firstEndingFrom = (cp: number) => {
    let lo = 0;
    let hi = groups;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (end(mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    lookup: (cp) => {
      const g = firstEndingFrom(cp);
      return g < groups && start(g) <= cp ? glyph(g) + cp - start(g) : 0;
    },
    within: (from, to) => {
      const glyphs: number[] = [];
      for (let g = firstEndingFrom(from); g < groups && start(g) <= to; g++) {
        for (let cp = Math.max(from, start(g)); cp <= Math.min(to, end(g)); cp++) glyphs.push(glyph(g) + cp - start(g));
      }
      return glyphs;
    },
    exact: true,
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

