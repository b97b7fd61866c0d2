/**
 * The fast paths around fontkit (engine/fast-fonts.ts, engine/fast-subset.ts) change nothing
 * pdfkit writes: for every face of both layouts, a pdfkit font with the fast path lays out
 * the fixtures' text glyph for glyph, position for position, as plain pdfkit and fontkit do
 * (and measures and encodes it as it does without the fast path), and leaves fontkit's glyph
 * cache (the code points pdfkit writes to ToUnicode) in the same state; text
 * that shaping changes otherwise than by kerning ("——", digits in Latin text) is left to
 * fontkit; the subset of a face is the same bytes; and the seed's PDF and summary PDF are
 * byte-identical with and without them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, publication, SEED, sourceText } from '../../helpers.js';
import { fastFace, installFastPdfkitFont, openFastFace, type FontkitFont, type PdfkitFont } from '../../../pipeline/engine/fast-fonts.js';
import { engineStatus, setFastPaths } from '../../../pipeline/engine/index.js';
import { load } from '../../../pipeline/engine/packages.js';
import { installFastSubset, type TtfSubset } from '../../../pipeline/engine/fast-subset.js';
import { fontData } from '../../../pipeline/render/shared/fonts.js';
import { openSfnt } from '../../../pipeline/render/shared/sfnt.js';
import { publicationDate } from '../../../pipeline/render/shared/dates.js';
import { write as writePdf } from '../../../pipeline/render/pdf/index.js';
import { write as writeSummary } from '../../../pipeline/render/summary/index.js';
import { template } from './helpers.js';

const fontkit = load<{ create(data: Buffer): FontkitFont & Internals }>('fontkit');
/* fontkit internals read only to compare states: the glyph cache and the subsetter. */
interface Internals {
  loca?: { version: number; offsets: ArrayLike<number> };
  _glyphs: Record<number, { codePoints: number[] }>;
  createSubset(): TtfSubset & { encode(): Uint8Array };
  getGlyph(id: number): { id: number; codePoints: number[]; advanceWidth: number; _decode(): { numberOfContours: number } | null };
  glyphForCodePoint(cp: number): { id: number };
}

const files = [...new Set(['default', 'official'].flatMap((t) => Object.values(template(t).layout.fonts).flatMap((f) => [f.regular, f.bold ?? f.regular])))];
/** The fallback font's faces draw only what the others lack (𠮷), not the fixtures' text. */
const FALLBACK_FILES = new Set(['default', 'official'].flatMap((t) => Object.entries(template(t).layout.fonts).flatMap(([key, f]) => (key === 'fallback' ? [f.regular, f.bold ?? f.regular] : []))));
const NOTO_SERIF = files.find((f) => f.endsWith('NotoSerifSC_400Regular.ttf'))!;

/** Pieces of text as pdfkit lays them out: lines of a paragraph, cut after each space. */
function pieces(): string[] {
  const out = new Set<string>();
  CASES.forEach((c, n) => {
    const lines = sourceText(c.path).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    for (const line of lines) {
      // Lines of 10 to 40 characters starting anywhere, like lines broken at a column.
      const width = 10 + ((line.length * 7) % 31);
      for (let i = 0; i < line.length; i += n === 0 ? width : 3 * width) {
        for (const piece of line.slice(i, i + width).split(/(?<=[ \t])/)) out.add(piece);
      }
    }
  });
  for (const extra of ['产业——时尚', '一—二', 'PM2.5 浓度 TOD', 'A开', '101.36亿元', '2025年', 'T.O.D.', '“两新”', '1/2', '3⁄4', 'a\u00adb', '中\u200b文']) out.add(extra);
  return [...out];
}
const PIECES = pieces();

type MeasuringFont = PdfkitFont & { widthOfString(t: string, size: number): number; encode(t: string): [string[], unknown[]] };
/** pdfkit's font object of a face in a new document (pdfkit as pdfmake resolves it). */
function openPdfkitFont(file: string): MeasuringFont {
  const PDFDocument = load<new () => { font(src: Buffer): { _font: MeasuringFont } }>('pdfkit');
  return new PDFDocument().font(fontData(file))._font;
}

function sameRun(a: ReturnType<FontkitFont['layout']>, b: ReturnType<FontkitFont['layout']>): void {
  expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
  expect(b.glyphs.map((g) => g.codePoints)).toEqual(a.glyphs.map((g) => g.codePoints));
  expect(b.glyphs.map((g) => g.advanceWidth)).toEqual(a.glyphs.map((g) => g.advanceWidth));
  expect(b.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])).toEqual(a.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]));
  expect(b.advanceWidth).toBe(a.advanceWidth);
}

describe.each(files.map((f) => [f.split('/').pop()!, f]))('%s', (_name, file) => {
  it('lays out the fixtures as pdfkit and fontkit do, glyph for glyph, and mostly without them', () => {
    const plain = openPdfkitFont(file);
    const fast = openPdfkitFont(file);
    const face = openFastFace(fontData(file));
    installFastPdfkitFont(fast, face);
    let taken = 0;
    for (const piece of PIECES) {
      if (face.plain(piece)) taken++;
      sameRun(plain.layoutRun(piece), fast.layoutRun(piece));
    }
    // The same glyph objects were made, with the same code points (ToUnicode).
    const cached = (font: PdfkitFont) => Object.entries((font.font as unknown as Internals)._glyphs).map(([id, g]) => [Number(id), g.codePoints]);
    expect(cached(fast)).toEqual(cached(plain));
    // The fixtures are nearly all Chinese: most pieces must take the fast path (in the
    // fallback face, which lacks most simplified characters, what it is there for must).
    if (FALLBACK_FILES.has(file)) expect(face.plain('𠮷野𠮷')).toBeDefined();
    else expect(taken / PIECES.length).toBeGreaterThan(0.8);
  });

  it('has pdfkit measure and encode the fixtures as it does without the fast path', () => {
    const plain = openPdfkitFont(file);
    const fast = openPdfkitFont(file);
    installFastPdfkitFont(fast, openFastFace(fontData(file)));
    for (const piece of PIECES) {
      const line = `${piece} ${piece}`;
      expect(fast.widthOfString(line, 11)).toBe(plain.widthOfString(line, 11));
      expect(fast.encode(line)).toEqual(plain.encode(line));
    }
  });

  it('maps code points as fontkit does, one by one and by range', () => {
    const plain = fontkit.create(fontData(file));
    const sfnt = openSfnt(fontData(file));
    const sample = [...'番禺区政府工作报告，。“”（）0123456789ABCxyz%—…'].map((c) => c.codePointAt(0)!);
    for (const cp of [...sample, 0x20, 0x2044, 0xfeff, 0xe0001, 0x10ffff, 0x20000]) expect(sfnt.glyphOf(cp), `U+${cp.toString(16)}`).toBe(plain.glyphForCodePoint(cp).id);
    for (const [from, to] of [[0x4e00, 0x4eff], [0x3000, 0x303f], [0x20, 0x7e], [0x2060, 0x206f], [0xe0000, 0xe0fff], [0xfff0, 0xfff8]] as const) {
      const one: number[] = [];
      for (let cp = from; cp <= to; cp++) if (sfnt.glyphOf(cp)) one.push(sfnt.glyphOf(cp));
      expect(sfnt.glyphsIn(from, to), `U+${from.toString(16)}..U+${to.toString(16)}`).toEqual(one);
    }
  });

  it('reads the loca table as fontkit decodes it', () => {
    const loca = (fast: boolean) => {
      setFastPaths(fast);
      try {
        const l = fontkit.create(fontData(file)).loca;
        return l && { version: l.version, offsets: Array.from(l.offsets) };
      } finally {
        setFastPaths(true);
      }
    };
    fastFace(file); // the first face opened puts the fast path in place
    const own = loca(false);
    expect(own?.offsets.length ?? 0).toBeGreaterThan(1000);
    const before = engineStatus().taken.loca;
    expect(loca(true)).toEqual(own);
    expect(engineStatus().taken.loca).toBe(before + 1);
  });

  it('builds the same subset bytes', () => {
    const font = fontkit.create(fontData(file));
    const compound: number[] = [];
    for (let id = 1; compound.length < 5 && id < 3000; id++) if ((font.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0) compound.push(id);
    const ids = [...compound, ...[...'番禺区政府工作报告，。“”（）0123456789ABC%—'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id)];
    const subset = (fast: boolean) => {
      const f = fontkit.create(fontData(file));
      const s = f.createSubset();
      if (fast) installFastSubset(s, fontData(file));
      for (const id of ids) s.includeGlyph(id);
      return Buffer.from(s.encode());
    };
    expect(subset(true).equals(subset(false))).toBe(true);
  });
});

describe('what the fast path takes and leaves (Noto Serif SC)', () => {
  const face = openFastFace(fontData(NOTO_SERIF));
  it('takes ideographs, CJK punctuation, digits and a lone dash, unmoved', () => {
    for (const text of ['政府工作报告', '“两新”。', '101.36亿元、', '2025', '1,234', '一—二', '（一）']) expect(face.plain(text), text).toMatchObject({ moves: null });
  });
  it('takes kerned Latin, with the kerning fontkit applies', () => {
    const plain = fontkit.create(fontData(NOTO_SERIF));
    for (const text of ['T.O.D.', 'AV', '官桥TOD三大组团']) {
      const run = face.plain(text);
      expect(run?.moves, text).toBeTruthy();
      const dx = plain.layout(text).positions.map((p, i) => p.xAdvance - plain.getGlyph(run!.glyphs[i]!).advanceWidth);
      expect([...run!.glyphs.keys()].map((i) => run!.moves![4 * i])).toEqual(dx);
    }
  });
  it('leaves the 2-em dash ligature, digits in Latin text (locl), fractions and ignorables to fontkit', () => {
    for (const text of ['——', '产业——时尚', 'PM2.5', 'R&D经费投入101.36亿元', '3⁄4', 'a\u00adb', '中\u200b文', '']) expect(face.plain(text), text).toBeUndefined();
  });
  it('measures plain text as the sum of its advances and kerning', () => {
    const plain = fontkit.create(fontData(NOTO_SERIF));
    for (const text of ['政府工作报告', '101.36亿元、', 'T.O.D.']) expect(fastFace(NOTO_SERIF).width(text)).toBe(plain.layout(text).advanceWidth);
  });
});

describe('the seed, with and without the fast paths', () => {
  afterAll(() => setFastPaths(true));
  it.each(['default', 'official'])('writes the same PDF and summary PDF (%s)', async (name) => {
    const pub = publication(SEED);
    const context = { template: template(name), date: publicationDate(pub.meta, {}), warn: () => {} };
    const bytes = async () => {
      const [pdf] = await writePdf(pub, context);
      const summary = (await writeSummary(pub, context)).find((f) => f.path.endsWith('.pdf'))!;
      return [Buffer.from(pdf!.data as Uint8Array), Buffer.from(summary.data as Uint8Array)];
    };
    setFastPaths(false);
    const [slowPdf, slowSummary] = await bytes();
    setFastPaths(true);
    const [fastPdf, fastSummary] = await bytes();
    expect(fastPdf!.equals(slowPdf!)).toBe(true);
    expect(fastSummary!.equals(slowSummary!)).toBe(true);
  }, 60_000);
});
