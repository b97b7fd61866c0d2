/**
 * The text of the PDF as a reader extracts it: every body paragraph of every fixture, in
 * order; Chinese line-breaking rules on every line; fonts embedded as subsets; no glyph
 * missing; page size A4.
 */
import { describe, expect, it } from 'vitest';
import { CASES, bodyLines, coverage, han } from '../../helpers.js';
import { allLines, open, render, streamText, template } from './helpers.js';

const NO_START = new Set([...'，。、；：？！）》」』〕】〉’”,.;:?!)']);
const NO_END = new Set([...'（《「『〔【〈‘“(']);

describe.each(CASES)('$name (default layout)', (c) => {
  it('has every body paragraph in its extracted text, in order', async () => {
    const { bytes } = await render(c.path);
    const stream = han(await streamText(await open(bytes)));
    const { hit, total, missing } = coverage(bodyLines(c), stream);
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
  });

  it('starts no line with closing punctuation and ends none with opening punctuation', async () => {
    const { bytes } = await render(c.path);
    const lines = (await allLines(await open(bytes))).flat().map((l) => l.text.trim()).filter(Boolean);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((l) => NO_START.has(l[0]!) && /[\u4e00-\u9fff]/.test(l))).toEqual([]);
    expect(lines.filter((l) => NO_END.has(l[l.length - 1]!))).toEqual([]);
  });

  it('embeds every font as a subset with a ToUnicode map and misses no glyph', async () => {
    const { bytes, warnings } = await render(c.path);
    const raw = Buffer.from(bytes).toString('latin1');
    const fonts = [...raw.matchAll(/\/Type \/Font\s*\/Subtype \/Type0\s*\/BaseFont \/([^\s/]+)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+/);
    expect((raw.match(/\/FontFile2 /g) ?? []).length).toBe(fonts.length);
    expect((raw.match(/\/ToUnicode /g) ?? []).length).toBe(fonts.length);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(warnings.filter((w) => /glyph/.test(w))).toEqual([]);
  });

  it('never leaves a heading at the foot of a page', async () => {
    const { layout } = template('default');
    const headingSizes = new Set([layout.styles.heading1.size, layout.styles.heading2.size].filter((s) => s !== layout.styles.body.size));
    const pages = await allLines(await open((await render(c.path)).bytes));
    pages.slice(1).forEach((lines, i) => {
      const text = lines.filter((l) => l.y > layout.page.margin.bottom && l.y < layout.page.height - layout.page.margin.top);
      const last = text[text.length - 1];
      if (last && i + 2 < pages.length) expect(headingSizes.has(last.size), `page ${i + 2}: ${last.text}`).toBe(false);
    });
  });

  it('has A4 pages', async () => {
    const doc = await open((await render(c.path)).bytes);
    for (let p = 1; p <= doc.numPages; p++) {
      const [, , w, h] = (await doc.getPage(p)).view;
      expect(w).toBeCloseTo(595.28, 1);
      expect(h).toBeCloseTo(841.89, 1);
    }
  });
});
