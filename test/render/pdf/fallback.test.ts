/**
 * Issue 17: characters a style's face lacks (𠮷, CJK Extension B, not in the Noto SC faces)
 * are drawn from the layout's fallback font, read back from the PDF with pdfjs: each is a
 * real glyph (not .notdef) of the embedded fallback subset, maps back to 𠮷 through
 * ToUnicode, and the paragraph around it breaks, compresses and justifies as if the
 * character were one of the face's own.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentDefinition } from '../../../pipeline/render/pdf/document.js';
import { write as writeSummary } from '../../../pipeline/render/summary/index.js';
import { publicationDate } from '../../../pipeline/render/shared/dates.js';
import { SEED, template } from '../../helpers.js';
import { freshPublication } from '../html/support.js';
import { glyphs, open, pageLines, renderPublication, type Glyph, type TextLine } from './helpers.js';

const SENTENCE = [
  '𠮷野村“𠮷田”，𠮷川、𠮷山。今年全区地区生产总值增长百分之五，经济运行稳中有进（𠮷）。',
  '姓名为𠮷的同志，在《𠮷野志》中记下了“𠮷”字的来历；各项社会事业全面发展，人民生活水平不断提高。',
  '推动𠮷林路改造工程按期完工，新增就业岗位一千二百个，城镇调查失业率控制在百分之五点五以内。',
];
const TEXT = [
  '# 一、关于𠮷野村的发展',
  '',
  ...[0, 1, 2, 3].map((k) => SENTENCE.slice(k % 3).concat(SENTENCE.slice(0, k % 3)).join('') + '\n'),
  '| 姓名 | 村名 |',
  '| --- | --- |',
  '| 𠮷野 | 𠮷村 |',
  '',
].join('\n');
const MARKS = '“”，、。（）《》；';
/** The same text with a character the faces have, of the same width: 吉 for 𠮷. */
const PLAIN = TEXT.replaceAll('𠮷', '吉');

async function allGlyphs(bytes: Uint8Array): Promise<Glyph[]> {
  const doc = await open(bytes);
  const out: Glyph[] = [];
  for (let p = 1; p <= doc.numPages; p++) out.push(...(await glyphs(doc, p)));
  return out;
}

async function allLines(bytes: Uint8Array): Promise<TextLine[]> {
  const doc = await open(bytes);
  const out: TextLine[] = [];
  for (let p = 1; p <= doc.numPages; p++) out.push(...(await pageLines(doc, p)));
  return out;
}

const render = (text: string, name: string) => {
  const pub = freshPublication('/tmp/fallback.md', text);
  return renderPublication(pub, template(name));
};

describe.each(['default', 'official'])('the fallback font (%s layout)', async (name) => {
  const fallback = await render(TEXT, name);
  const plain = await render(PLAIN, name);
  const drawn = await allGlyphs(fallback.bytes);

  it('draws every 𠮷 as a glyph of the embedded fallback subset, mapped back through ToUnicode', () => {
    const ji = drawn.filter((g) => g.char === '𠮷');
    // Every one in the source, the headings' repeats in the contents besides.
    expect(ji.length).toBeGreaterThanOrEqual([...TEXT].filter((c) => c === '𠮷').length);
    expect(ji.filter((g) => !g.inFont)).toEqual([]);
    // Regular in the body; bold in the default layout's bold heading and contents entry.
    const faces = name === 'default' ? ['NotoSerifJP-Bold', 'NotoSerifJP-Regular'] : ['NotoSerifJP-Regular'];
    expect([...new Set(ji.map((g) => g.font.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(faces);
    expect(ji.every((g) => /^[A-Z]{6}\+/.test(g.font))).toBe(true);
    // Nothing else in the document is an empty box (a space has no outline to be in the
    // font: pdfjs says so of the spaces in the page numbers), nothing else is in the fallback.
    expect(drawn.filter((g) => !g.inFont && g.char.trim()).map((g) => g.char)).toEqual([]);
    expect(drawn.filter((g) => g.font.includes('NotoSerifJP') && g.char !== '𠮷').map((g) => g.char)).toEqual([]);
  });

  it('breaks, compresses and justifies the lines as with a character of the face itself', async () => {
    const a = await allLines(fallback.bytes);
    const b = await allLines(plain.bytes);
    expect(a.map((l) => l.text.replaceAll('𠮷', '吉'))).toEqual(b.map((l) => l.text));
    // Every line starts where it did, on the same baseline; a justified line still ends at
    // the margin. pdfmake adds character spacing inside an inline, not between two, so a line
    // that is not justified (the heading) may end one spacing (0.76 pt in 公文) further on.
    const moved = a.filter((l, i) => Math.abs(l.x - b[i]!.x) > 0.05 || Math.abs(l.y - b[i]!.y) > 0.05 || Math.abs(l.right - b[i]!.right) > (l.text.includes('𠮷') ? 0.8 : 0.05));
    expect(moved).toEqual([]);
    const justified = a.filter((l, i) => l.text.includes('𠮷') && a[i + 1] && Math.abs(l.right - Math.max(...a.map((m) => m.right))) < 0.05);
    expect(justified.length).toBeGreaterThan(2);
    // Pairs of marks (”，）。) are compressed to the same distance as beside 吉.
    const pairs = (gs: Glyph[]) => gs.flatMap((g, i) => (MARKS.includes(g.char) && MARKS.includes(gs[i + 1]?.char ?? '') && gs[i + 1]!.y === g.y ? [Math.round((gs[i + 1]!.x - g.x) * 100) / 100] : []));
    const withFallback = pairs(drawn);
    expect(withFallback.length).toBeGreaterThanOrEqual(8);
    expect(withFallback).toEqual(pairs(await allGlyphs(plain.bytes)));
  });
});

describe('a document its faces cover', () => {
  it('never asks for the fallback font', () => {
    const seed = freshPublication(SEED);
    const { doc } = documentDefinition(seed, template('default'), publicationDate(seed.meta, {}), () => undefined);
    const styles = Object.keys((doc as { styles: Record<string, unknown> }).styles);
    expect(styles).toContain('body');
    expect(styles.filter((s) => s.includes('fallback'))).toEqual([]);
  });

  it('is a heading in the bold fallback face when its style is bold', async () => {
    const { bytes } = await render('# 一、𠮷野\n\n正文。\n', 'default');
    const fonts = (await allGlyphs(bytes)).filter((g) => g.char === '𠮷').map((g) => g.font.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toContain('NotoSerifJP-Bold');
  });
});

describe('the one-page summary', () => {
  it('sets 𠮷 in the fallback font too (pdfmake breaks its lines; the inline names the fallback family)', async () => {
    // The seed with its district renamed: 𠮷 in the title, the kicker and the items.
    const pub = freshPublication('/tmp/jiyu.txt', readFileSync(SEED, 'utf8').replaceAll('番禺', '𠮷禺'));
    const files = await writeSummary(pub, { template: template('default'), date: publicationDate(pub.meta, {}), warn: () => undefined });
    const pdf = files.find((f) => f.path.endsWith('.pdf'))!;
    const drawn = await allGlyphs(pdf.data as Uint8Array);
    const ji = drawn.filter((g) => g.char === '𠮷');
    expect(ji.length).toBeGreaterThan(0);
    expect(ji.filter((g) => !g.inFont || !/^[A-Z]{6}\+NotoSerifJP-/.test(g.font))).toEqual([]);
    expect(drawn.filter((g) => !g.inFont && g.char.trim()).map((g) => g.char)).toEqual([]);
    // Beside it, the summary's own faces as before.
    const next = drawn[drawn.indexOf(ji[0]!) + 1]!;
    expect(next.char).toBe('禺');
    expect(next.font).toMatch(/NotoS(erif|ans)SC-/);
  });
});
