/**
 * A fast path around OpenType shaping for text shaping cannot change.
 *
 * pdfkit lays out every piece of text through fontkit's full OpenType shaping, and caches the
 * result per space-separated word. Chinese has no spaces, so every line is a new "word": each
 * is shaped from scratch (script detection, a shaping plan, every GSUB and GPOS lookup of the
 * default features tried at every glyph), measured by pdfmake and shaped again when drawn.
 * For a line of ideographs, CJK punctuation and digits in the Noto CJK or LXGW faces none of
 * that changes anything, and in a line with Latin words only kerning does (shaping-reach.ts
 * reads, per font, where the default lookups act, and computes kerning as fontkit does), so
 * the result is the cmap's glyph for each character advancing by its hmtx width plus its
 * kerning. This module computes exactly that directly, and hands it to pdfkit in the form
 * fontkit would have: the same glyph objects, the same positions.
 *
 * A run takes the fast path only when
 *   - every character is of script Han, Latin or Common, as fontkit's own Unicode data says
 *     (so fontkit would pick the script table 'hani' or 'latn' by the first Han or Latin
 *     character, or its fallback for text of no script, and its default shaper);
 *   - every character has a glyph (not .notdef) that GDEF does not class as a mark, and that
 *     no default-ignorable character and not U+2044 FRACTION SLASH maps to (fontkit hides the
 *     former and builds fractions around the latter, judging by the code points of the glyph
 *     object it has cached);
 *   - no default lookup of that script table but kerning acts on the run: no glyph is
 *     covered by a lookup that acts wherever it stands, and no ligature's components follow
 *     its first glyph ("——", which Noto Serif SC joins into one glyph, stays with fontkit,
 *     as do digits in a run that starts in Latin, which Noto's 'locl' for 'latn' replaces).
 * Everything else goes through fontkit unchanged, as does any call that asks for features,
 * a script, a language or a direction. A face fontkit would treat otherwise (variable fonts,
 * AAT morx, a legacy kern table, no GPOS, no GDEF glyph classes, a cmap we do not read)
 * never takes the fast path.
 */
import { fontTables } from '../render/shared/fonts.js';
import { openSfnt, type Sfnt } from '../render/shared/sfnt.js';
import { load, requireFrom } from './packages.js';
import { markMarks, ShapingReach } from './shaping-reach.js';
import { fastPathOn, hasMembers, took } from './status.js';

/** The Unicode data fontkit itself reads scripts from (loaded when first needed). */
let unicode: { getScript(cp: number): string } | undefined;
const scriptOf = (cp: number) => (unicode ??= requireFrom('fontkit')('unicode-properties') as { getScript(cp: number): string }).getScript(cp);

/** The parts of a fontkit font and glyph this module uses. */
export interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
export interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
  layout(text: string, ...rest: unknown[]): { glyphs: FontkitGlyph[]; positions: Position[]; advanceWidth: number };
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** Set by pdfkit (the glyph's advance, scaled). */
  advanceWidth?: number;
}

export interface FastFace {
  unitsPerEm: number;
  /**
   * Glyph ids and code points of `text` (one each per character) when shaping at most kerns
   * it, with what kerning adds (`moves`: x advance, y advance, x offset and y offset of each
   * glyph, in font units; null when nothing moves); else undefined.
   */
  plain(text: string): { glyphs: number[]; codePoints: number[]; moves: Int32Array | null } | undefined;
  /** Width of `text` in font units (advances and kerning) when shaping at most kerns it, else undefined. */
  width(text: string): number | undefined;
  /** hmtx advance of a glyph in font units. */
  advance(glyph: number): number;
  /** Glyph of U+0020 (fontkit looks it up after shaping every run). */
  spaceGlyph: number;
  /**
   * Width of `text` in font units as fontkit shapes it: `width` when the fast path takes it,
   * else fontkit's own layout (a fontkit font of this face, opened on first need).
   */
  shaped(text: string): number;
  /** The decoded tables fontkit objects of this file share (see shareTables). */
  tables?: Record<string, unknown>;
}

const faces = new Map<string, FastFace>();

/* The parts of a fontkit TrueType font object readLoca reads. */
interface FontkitTtf {
  type?: string;
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer: Uint8Array };
  head?: { indexToLocFormat: number };
}

/**
 * fontkit's `loca` (where each glyph's outline lies), read straight from the bytes. fontkit
 * decodes it the first time a glyph's metrics are asked for, which pdfkit does for glyph 0 as
 * soon as it opens a face; restructure reads the 65,536 entries of a CJK face one at a time
 * (~15 ms a face). The result is the object fontkit's decoding yields: `version` and
 * `offsets` in bytes (the short format's halved offsets doubled, as fontkit's `process` does);
 * undefined when the table is not one this reads.
 */
function readLoca(font: FontkitTtf): { version: number; offsets: number[] } | undefined {
  // Only a plain TrueType file: the tables of WOFF and WOFF2 lie compressed in theirs.
  if (font.type !== 'TTF') return undefined;
  const entry = font.directory?.tables?.loca;
  const bytes = font.stream?.buffer;
  const version = font.head?.indexToLocFormat;
  if (!entry || !bytes || (version !== 0 && version !== 1) || entry.offset + entry.length > bytes.byteLength) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets: number[] = new Array(version === 0 ? entry.length >> 1 : entry.length >> 2);
  for (let i = 0; i < offsets.length; i++) offsets[i] = version === 0 ? view.getUint16(entry.offset + 2 * i) * 2 : view.getUint32(entry.offset + 4 * i);
  return { version, offsets };
}

let locaChecked = false;

/**
 * Every TrueType font fontkit opens (pdfkit's included: it is the same module) reads its loca
 * fast. fontkit exports neither its font class nor a way to replace `create`, so the class
 * is found from a font of no tables (a 12-byte TrueType header) and the method it decodes a
 * table with (once per table and font object) wrapped. Done once, before the first face is
 * opened, when the fast path is on and the method is there.
 */
export function readLocaFast(): void {
  if (locaChecked) return;
  locaChecked = true;
  if (!fastPathOn('loca')) return;
  const header = new Uint8Array(12);
  header[1] = 1; // sfnt version 1.0, no tables
  const proto = Object.getPrototypeOf(load<Fontkit>('fontkit').create(header)) as { _decodeTable(this: FontkitTtf, table: { tag: string }): unknown };
  if (!hasMembers(proto, "fontkit's TrueType font", ['_decodeTable'], 'loca')) return;
  const decodeTable = proto._decodeTable;
  proto._decodeTable = function (this: FontkitTtf, table: { tag: string }) {
    const loca = table.tag === 'loca' && fastPathOn('loca') && readLoca(this);
    if (!loca) return decodeTable.call(this, table);
    took('loca');
    return loca;
  };
}

interface Fontkit {
  create(data: Uint8Array): FontkitFont;
}

/** The fast path for a font file (read once per process, shared with pdfmake and pdf/fonts.ts). */
export function fastFace(file: string): FastFace {
  readLocaFast();
  let f = faces.get(file);
  if (!f) {
    f = openFastFace(fontTables(file), file);
    faces.set(file, f);
  }
  return f;
}

/**
 * What the fast path knows of a character, packed in one number: its glyph times 32, plus
 * its script (Han, Latin, or neither: Common), plus whether no lookup of the script table
 * fontkit would pick for a run ('hani', 'latn', 'zzzz') acts on that glyph wherever it stands.
 */
const HAN = 1;
const LATIN = 2;
const PLAIN_HANI = 4;
const PLAIN_LATN = 8;
const PLAIN_NONE = 16;
const GLYPH = 32;
const NEVER = -1;
const UNKNOWN = -2;
const SCRIPTS = ['hani', 'latn', 'zzzz'] as const;
type Script = (typeof SCRIPTS)[number];

export function openFastFace(data: Uint8Array, name = 'font'): FastFace {
  const sfnt = openSfnt(data, name);
  const unsafe = unsafeGlyphs(sfnt);
  // Where the default lookups act, by the script table fontkit would pick for a run: that of
  // its first character of a script (Han: 'hani', Latin: 'latn'), else 'zzzz' (no script).
  let reached: Record<Script, ShapingReach | undefined> | undefined;
  const reachOf = (script: Script) => {
    const gsub = sfnt.offset('GSUB');
    const gpos = sfnt.offset('GPOS');
    // A table that cannot be read as expected (a damaged font) only costs the fast path.
    const read = (tag: Script) => {
      try {
        return ShapingReach.read(sfnt.view, gsub, gpos, tag);
      } catch {
        return undefined;
      }
    };
    reached ??= { hani: read('hani'), latn: read('latn'), zzzz: read('zzzz') };
    return reached[script];
  };

  // Code of every character met (BMP in a table, the rest in a map).
  const bmp = new Int32Array(0x10000).fill(UNKNOWN);
  const astral = new Map<number, number>();
  const classify = (cp: number): number => {
    const script = scriptOf(cp);
    const glyph = sfnt.glyphOf(cp);
    if ((script !== 'Han' && script !== 'Latin' && script !== 'Common') || unsafe![glyph] !== 0) return NEVER;
    let code = glyph * GLYPH + (script === 'Han' ? HAN : script === 'Latin' ? LATIN : 0);
    SCRIPTS.forEach((tag, i) => {
      const reach = reachOf(tag);
      if (reach && !reach.touches(glyph)) code += PLAIN_HANI << i;
    });
    return code;
  };
  const codeOf = (cp: number): number => {
    if (cp < 0x10000) {
      let code = bmp[cp]!;
      if (code === UNKNOWN) bmp[cp] = code = classify(cp);
      return code;
    }
    let code = astral.get(cp);
    if (code === undefined) astral.set(cp, (code = classify(cp)));
    return code;
  };

  // Walks the code points as fontkit's glyphsForString does (a lone surrogate stands for
  // itself) into `glyphs` and `codePoints`. The kerning of the run (null: none), or false as
  // soon as a character can never be plain, or when a lookup of the script table fontkit
  // would pick does something to the run other than kerning it.
  const scan = (text: string, glyphs: number[], codePoints: number[]): Int32Array | null | false => {
    let flags = PLAIN_HANI | PLAIN_LATN | PLAIN_NONE;
    let script: Script | undefined;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          cp = ((cp & 0x3ff) << 10) + (next & 0x3ff) + 0x10000;
          i++;
        }
      }
      const code = codeOf(cp);
      if (code === NEVER) return false;
      flags &= code;
      if (!script && code & (HAN | LATIN)) script = code & HAN ? 'hani' : 'latn';
      glyphs.push(Math.floor(code / GLYPH));
      codePoints.push(cp);
    }
    script ??= 'zzzz';
    if (!(flags & (PLAIN_HANI << SCRIPTS.indexOf(script)))) return false;
    const reach = reachOf(script)!;
    return reach.ligates(glyphs) ? false : reach.kerning(glyphs);
  };

  let shaper: FontkitFont | undefined;
  const face: FastFace = {
    unitsPerEm: sfnt.unitsPerEm,
    spaceGlyph: sfnt.glyphOf(0x20),
    advance: (glyph) => sfnt.advanceOf(glyph),
    plain(text) {
      if (!text || !unsafe || !fastPathOn('layout')) return undefined;
      const glyphs: number[] = [];
      const codePoints: number[] = [];
      const moves = scan(text, glyphs, codePoints);
      return moves === false ? undefined : { glyphs, codePoints, moves };
    },
    width(text) {
      if (!text || !unsafe || !fastPathOn('layout')) return undefined;
      const glyphs: number[] = [];
      const moves = scan(text, glyphs, []);
      if (moves === false) return undefined;
      let width = 0;
      for (let i = 0; i < glyphs.length; i++) width += sfnt.advanceOf(glyphs[i]!) + (moves ? moves[4 * i]! : 0);
      return width;
    },
    shaped(text) {
      const plain = face.width(text);
      if (plain !== undefined) return plain;
      if (!shaper) {
        readLocaFast();
        shaper = load<Fontkit>('fontkit').create(data);
        shareTables(shaper, face);
      }
      return shaper.layout(text).advanceWidth;
    },
  };
  return face;
}

/**
 * Glyphs the fast path must leave to fontkit: marks (GDEF), .notdef, glyphs past the font's
 * end, and the glyphs of default-ignorable characters and of U+2044. Undefined when fontkit
 * would shape this face in a way the fast path does not model.
 */
function unsafeGlyphs(sfnt: Sfnt): Uint8Array | undefined {
  try {
    return readUnsafeGlyphs(sfnt);
  } catch {
    return undefined;
  }
}

function readUnsafeGlyphs(sfnt: Sfnt): Uint8Array | undefined {
  const has = (tag: string) => sfnt.offset(tag) !== undefined;
  if (!sfnt.cmapExact || has('fvar') || has('morx') || has('kern') || !has('GPOS')) return undefined;
  const gdef = sfnt.offset('GDEF');
  const unsafe = new Uint8Array(65536);
  if (gdef === undefined || !markMarks(sfnt.view, gdef, unsafe)) return undefined;
  unsafe[0] = 1;
  unsafe.fill(1, sfnt.numGlyphs);
  for (const [from, to] of [...DEFAULT_IGNORABLE, [0x2044, 0x2044]]) {
    for (const glyph of sfnt.glyphsIn(from!, to!)) unsafe[glyph] = 1;
  }
  return unsafe;
}

/** fontkit's list of default-ignorable code points (it hides their glyphs after shaping). */
const DEFAULT_IGNORABLE: Array<[number, number]> = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x17b4, 0x17b5], [0x180b, 0x180e],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xfff0, 0xfff8], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
];

/**
 * Makes every fontkit object of one file share its decoded tables. fontkit decodes a table
 * (GSUB and GPOS: tens of milliseconds for a CJK face) the first time it is read, per font
 * object, and pdfkit opens a new object for each document (the PDF, the summary); decoded
 * tables only describe the file, so one set serves all, as fontkit's own variation fonts share
 * theirs (`getVariation`). Tables this object already decoded join the shared set.
 */
export function shareTables(font: FontkitFont, fast: FastFace): void {
  if (!fastPathOn('tables') || !hasMembers(font, "fontkit's font", ['._tables'], 'tables')) return;
  const own = (font as unknown as { _tables: Record<string, unknown> })._tables;
  took('tables');
  if (!fast.tables) {
    fast.tables = own;
    return;
  }
  for (const tag of Object.keys(own)) if (!(tag in fast.tables)) fast.tables[tag] = own[tag];
  (font as unknown as { _tables: Record<string, unknown> })._tables = fast.tables;
}

// -- handing the fast path to pdfkit -----------------------------------------------------------

/** A glyph run as fontkit's GlyphRun presents it to pdfkit. */
class PlainRun {
  constructor(
    readonly glyphs: FontkitGlyph[],
    readonly positions: Position[],
  ) {}

  /** As fontkit's: the sum of the advances, read when asked (pdfkit scales positions first). */
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/** What the fast path keeps per fontkit font object. */
interface ObjectState {
  /** Glyphs it has handed out, by id: in fontkit's cache, their advance set. */
  ready: Array<FontkitGlyph | undefined>;
  spaceLooked: boolean;
}
const states = new WeakMap<object, ObjectState>();

/**
 * The glyph run fontkit would return for `text` on `font` when the fast path takes it (else
 * undefined): fontkit's glyph objects (`getGlyph(id, [cp])`, so its glyph cache, and with it
 * the code points pdfkit writes to ToUnicode, evolve as they would), each positioned by its
 * hmtx advance and its kerning. A glyph's `advanceWidth` is set from hmtx as fontkit's own
 * cached getter would set it, so reading it does not decode the glyph's outline header.
 * With `scale`, the positions are as pdfkit turns them (times its scale, with the glyph's
 * advance), so pdfkit's own pass over them can be skipped.
 */
function plainRun(font: FontkitFont, fast: FastFace, text: string, scale?: number): PlainRun | undefined {
  const run = fast.plain(text);
  if (!run) return undefined;
  let state = states.get(font);
  if (!state) states.set(font, (state = { ready: [], spaceLooked: false }));
  const n = run.glyphs.length;
  const glyphs: FontkitGlyph[] = new Array(n);
  const positions: Position[] = new Array(n);
  const moves = run.moves;
  for (let i = 0; i < n; i++) {
    const id = run.glyphs[i]!;
    let glyph = state.ready[id];
    if (!glyph) {
      glyph = font.getGlyph(id, [run.codePoints[i]!]);
      if (!Object.prototype.hasOwnProperty.call(glyph, 'advanceWidth')) Object.defineProperty(glyph, 'advanceWidth', { value: fast.advance(id) });
      state.ready[id] = glyph;
    }
    glyphs[i] = glyph;
    // fontkit's numbers: the advance plus what kerning adds (0 when nothing does).
    const x = moves ? glyph.advanceWidth + moves[4 * i]! : glyph.advanceWidth;
    const y = moves ? moves[4 * i + 1]! : 0;
    const dx = moves ? moves[4 * i + 2]! : 0;
    const dy = moves ? moves[4 * i + 3]! : 0;
    positions[i] =
      scale === undefined
        ? { xAdvance: x, yAdvance: y, xOffset: dx, yOffset: dy }
        : { xAdvance: x * scale, yAdvance: y * scale, xOffset: dx * scale, yOffset: dy * scale, advanceWidth: glyph.advanceWidth * scale };
  }
  // fontkit looks up the space glyph after every run (to hide default ignorables with it),
  // which caches that glyph object with code point U+0020 if nothing cached it before.
  if (!state.spaceLooked) {
    font.getGlyph(fast.spaceGlyph, [0x20]);
    state.spaceLooked = true;
  }
  return new PlainRun(glyphs, positions);
}

const installed = new WeakSet<object>();

/* The parts of pdfkit's EmbeddedFont (its font of one face in one document) used here. */
export interface PdfkitFont {
  font: FontkitFont;
  scale: number;
  layoutCached(text: string): { glyphs: FontkitGlyph[]; positions: Position[]; advanceWidth: number };
  layoutRun(text: string, features?: unknown): { glyphs: FontkitGlyph[]; positions: Position[]; advanceWidth: number };
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: FontkitGlyph[] | null; positions: Position[] | null; advanceWidth: number };
}

/**
 * Gives pdfkit's font object of a face (one per document) the same fast path one level up,
 * where pdfkit measures and encodes text: `layoutRun` takes a plain run's positions already
 * scaled as pdfkit scales them (it multiplies every field of every position in place, a
 * costly loop for tens of thousands of glyphs), and `layout` cuts text into space-ended
 * pieces (each shaped and cached on its own, as pdfkit does) without making an array per
 * character. Results, caching and the order of every sum are pdfkit's.
 */
export function installFastPdfkitFont(pdfFont: PdfkitFont, fast: FastFace): void {
  if (installed.has(pdfFont)) return;
  installed.add(pdfFont);
  shareTables(pdfFont.font, fast);
  if (!fastPathOn('layout')) return;
  if (!hasMembers(pdfFont, "pdfkit's embedded font", ['layoutRun', 'layout', 'layoutCached', '.font', '.scale'], 'layout')) return;
  if (!hasMembers(pdfFont.font, "fontkit's font", ['getGlyph'], 'layout')) return;
  const run = pdfFont.layoutRun;
  pdfFont.layoutRun = function (this: PdfkitFont, text, features) {
    const plain = features == null && fastPathOn('layout') ? plainRun(this.font, fast, text, this.scale) : undefined;
    if (!plain) return run.call(this, text, features);
    took('layout');
    return plain;
  };
  const layout = pdfFont.layout;
  pdfFont.layout = function (this: PdfkitFont, text, features, onlyWidth) {
    if (features || !fastPathOn('layout')) return layout.call(this, text, features, onlyWidth);
    const glyphs: FontkitGlyph[] | null = onlyWidth ? null : [];
    const positions: Position[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index <= text.length; index++) {
      const unit = index < text.length ? text.charCodeAt(index) : -1;
      if ((unit === -1 && last < index) || unit === 0x20 || unit === 0x09) {
        const piece = this.layoutCached(text.slice(last, index + 1));
        if (glyphs) for (const g of piece.glyphs) glyphs.push(g);
        if (positions) for (const p of piece.positions) positions.push(p);
        advanceWidth += piece.advanceWidth;
        last = index + 1;
      }
    }
    return { glyphs, positions, advanceWidth };
  };
}
