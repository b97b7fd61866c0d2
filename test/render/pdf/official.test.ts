/**
 * The official layout (GB/T 9704-2012) measured on the PDF: type area 28 mm from the left and
 * 37 mm from the top, full lines of whole character cells (28 Chinese characters and the
 * line's usual mark: 29 cells), lines exactly 28.9 pt
 * apart, 22 a page and every page of text filled to its last line or the one before,
 * `— N —` page numbers one character in from the outer edge, no running header.
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../../helpers.js';
import { face } from '../../../pipeline/render/pdf/fonts.js';
import { open, pageLines, render, template, type TextLine } from './helpers.js';

const MM = 72 / 25.4;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('official layout, the seed', async () => {
  const layout = template('official').layout;
  const body = layout.styles.body;
  const bodyFace = face(layout.fonts[body.font]!.regular);
  const { bytes } = await render(SEED, 'official');
  const doc = await open(bytes);
  const middle: TextLine[][] = [];
  for (let p = Math.floor(doc.numPages / 3); p < Math.floor((2 * doc.numPages) / 3); p++) middle.push(await pageLines(doc, p + 1));
  const isBody = (l: TextLine) => Math.abs(l.size - body.size) < 0.01 && l.y > layout.page.margin.bottom;
  /** Cells of the grid: the type area's width over the body's advance (size plus spacing). */
  const cellsPerLine = Math.round((layout.page.width - layout.page.margin.left - layout.page.margin.right) / (body.size + body.characterSpacing));

  it('has A4 pages and a type area 28 mm from the left and 37 mm from the top', () => {
    expect(layout.page.width).toBeCloseTo(595.28, 1);
    for (const lines of middle) {
      const text = lines.filter(isBody);
      expect(Math.min(...text.map((l) => l.x))).toBeCloseTo(28 * MM, 1);
      // pdfkit sets a line's top at the margin; its baseline is one (body face) ascender below,
      // whatever face the line is in.
      const top = layout.page.height - text[0]!.y - bodyFace.ascent * body.size;
      expect(top).toBeCloseTo(37 * MM, 1);
    }
  });

  it('lays the grid out as the layout says: 29 cells a line', () => {
    expect(cellsPerLine).toBe(29);
  });

  it('sets full lines of whole character cells, justified to the right edge of the type area', () => {
    const right = layout.page.width - layout.page.margin.right;
    const full = middle.flat().filter((l) => isBody(l) && Math.abs(l.right - right) < 0.5);
    expect(full.length).toBeGreaterThan(100);
    const cells = full.map((l) => [...l.text].reduce((n, ch) => n + bodyFace.advance(ch, 0), 0) + (l.x - layout.page.margin.left) / body.size);
    expect(median(cells)).toBeGreaterThan(cellsPerLine - 0.5);
    expect(median(cells)).toBeLessThanOrEqual(cellsPerLine + 0.05);
    // Whole lines: the grid's cells, or one more when a closing mark is squeezed in at the end.
    // (Measured by natural advances, a line with a compressed pair counts up to one cell more.)
    expect(cells.filter((c) => c > cellsPerLine + 2.05)).toEqual([]);
  });

  it('holds exactly the grid\'s characters in every full line of Chinese text past a paragraph\'s first (one more with a squeezed closing mark)', async () => {
    const right = layout.page.width - layout.page.margin.right;
    const left = layout.page.margin.left;
    const bad: string[] = [];
    let full = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      for (const l of await pageLines(doc, p)) {
        const text = l.text.replace(/\s/g, '');
        // Only ideographs and full-width marks, from the left margin (not indented) to the right.
        if (!isBody(l) || Math.abs(l.right - right) > 0.5 || Math.abs(l.x - left) > 0.5 || !/^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]+$/.test(text)) continue;
        full++;
        if (text.length !== cellsPerLine && !(text.length === cellsPerLine + 1 && /[，。、；：？！）》」』”’]$/.test(text))) bad.push(`p${p}: ${text.length} ${text}`);
      }
    }
    expect(full).toBeGreaterThan(250);
    // A line may come up short only where the next word cannot be broken (digits, a Latin word)
    // or where a compressed pair left half a cell that no character fills.
    expect(bad.length, bad.join('\n')).toBeLessThanOrEqual(full * 0.04);
  });

  it('fills every page of body text to 21 or 22 lines', async () => {
    for (let p = 1; p < doc.numPages; p++) {
      const lines = (await pageLines(doc, p)).filter((l) => !/^[—–-]\s*\d+\s*[—–-]$/.test(l.text.trim()));
      if (!lines.length || !lines.every(isBody)) continue;
      expect(lines.length, `page ${p}`).toBeGreaterThanOrEqual(21);
    }
  });

  it('puts lines exactly 28.9 pt apart, 22 to a page', () => {
    const pitch = 'exact' in body.lineHeight ? body.lineHeight.exact : 0;
    expect(pitch).toBeCloseTo(28.9, 2);
    const counts = middle.map((lines) => lines.filter(isBody).length);
    expect(median(counts)).toBe(22);
    for (const lines of middle) {
      const ys = lines.filter(isBody).map((l) => l.y);
      for (let i = 1; i < ys.length; i++) {
        const steps = (ys[i - 1]! - ys[i]!) / pitch;
        expect(steps - Math.round(steps)).toBeCloseTo(0, 3);
      }
    }
  });

  it('numbers pages — N — one character in from the outer edge, with no running header', async () => {
    const footer = layout.styles.footer;
    const inset = layout.footer.inset * footer.size;
    for (let p = 1; p <= doc.numPages; p++) {
      const lines = await pageLines(doc, p);
      const number = lines[lines.length - 1]!;
      expect(number.text.replace(/\s/g, '')).toBe(`—${p}—`);
      if (p % 2) expect(number.right).toBeCloseTo(layout.page.width - layout.page.margin.right - inset, 0);
      else expect(number.x).toBeCloseTo(layout.page.margin.left + inset, 0);
      // The number's baseline is footer.distance below the type area.
      expect(layout.page.margin.bottom - number.y).toBeCloseTo(layout.footer.distance, 0);
      expect(lines[0]!.y).toBeLessThan(layout.page.height - layout.page.margin.top + 1);
    }
  });
});
