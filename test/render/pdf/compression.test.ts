/**
 * Punctuation compression in the PDF, measured on where a viewer draws each glyph (pdfjs's
 * operator list): two full-width marks side by side take 1.5 em, not 2, in both layouts; a
 * mark between ideographs keeps its full em.
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../../helpers.js';
import { glyphs, open, render, type Glyph } from './helpers.js';

const CLOSING = new Set([...'，。、；：？！）》」』〕】〉’”']);
const MARK = new Set([...CLOSING, ...'（《「『〔【〈‘“']);
const HAN = /[\u4e00-\u9fff]/;

async function pairsOf(bytes: Uint8Array) {
  const doc = await open(bytes);
  const pairs: Array<{ a: Glyph; b: Glyph }> = [];
  const lone: Array<{ a: Glyph; b: Glyph }> = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const gs = await glyphs(doc, p);
    for (let i = 0; i + 1 < gs.length; i++) {
      const a = gs[i]!;
      const b = gs[i + 1]!;
      if (Math.abs(a.y - b.y) > 0.5 || a.size !== b.size || b.x < a.x) continue;
      if (CLOSING.has(a.char) && MARK.has(b.char)) pairs.push({ a, b });
      // A mark inside a line of ideographs (the line not shrunk: the next glyph after the next).
      else if (CLOSING.has(a.char) && HAN.test(b.char)) lone.push({ a, b });
    }
  }
  return { pairs, lone };
}

describe.each(['default', 'official'])('punctuation compression (%s layout, the seed)', async (name) => {
  const { pairs, lone } = await pairsOf((await render(SEED, name)).bytes);

  it('advances a closing mark followed by another mark by half an em', () => {
    expect(pairs.length).toBeGreaterThan(40);
    const wide = pairs.filter(({ a, b }) => b.x - a.x > 0.6 * a.size).map(({ a, b }) => a.char + b.char);
    expect(wide).toEqual([]);
    // Half an em, not less, for a full-width mark (room is not taken from the glyphs themselves).
    expect(pairs.filter(({ a, b }) => a.advance > 0.9 && b.x - a.x < 0.45 * a.size)).toEqual([]);
  });

  it('keeps most marks between ideographs at a full em', () => {
    const full = lone.filter(({ a, b }) => b.x - a.x > 0.9 * a.size);
    expect(full.length).toBeGreaterThan(0.9 * lone.length);
  });
});
