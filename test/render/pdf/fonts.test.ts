/**
 * Our reading of a face's metrics (fonts.ts reads cmap, hmtx and hhea itself) agrees with
 * fontkit, the reader pdfkit draws with, for every face of both layouts and every character
 * of the fixtures; and a text's shaped width is what fontkit's shaping gives.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { CASES, sourceText } from '../../helpers.js';
import { face } from '../../../pipeline/render/pdf/fonts.js';
import { fontData } from '../../../pipeline/render/shared/fonts.js';
import { template } from './helpers.js';

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit');
const chars = [...new Set(CASES.map((c) => sourceText(c.path)).join('') + 'ABCxyz—…·%（）《》“”')].filter((c) => c.trim());
const files = [...new Set(['default', 'official'].flatMap((t) => Object.values(template(t).layout.fonts).flatMap((f) => [f.regular, f.bold ?? f.regular])))];

describe.each(files.map((f) => [f.split('/').pop()!, f]))('%s', (_name, file) => {
  it('has the advances, ascent and descent fontkit reads', () => {
    const ours = face(file);
    const theirs = fontkit.create(fontData(file));
    expect(ours.ascent).toBeCloseTo(theirs.ascent / theirs.unitsPerEm, 9);
    expect(ours.descent).toBeCloseTo(theirs.descent / theirs.unitsPerEm, 9);
    const differ = chars.filter((ch) => Math.abs(ours.advance(ch, 0) - theirs.glyphForCodePoint(ch.codePointAt(0)).advanceWidth / theirs.unitsPerEm) > 1e-9);
    expect(differ).toEqual([]);
    // What the face has noted as missing (for the characters above, and in any render earlier
    // in this process) is missing for fontkit too.
    expect([...ours.missing].filter((cp) => theirs.glyphForCodePoint(cp).id !== 0)).toEqual([]);
  });

  it('measures shaped text as fontkit shapes it', () => {
    const theirs = fontkit.create(fontData(file));
    for (const text of ['产业——时尚', 'PM2.5 浓度 TOD', 'A开']) {
      const pieces = text.split(/(?<= )/);
      const expected = pieces.reduce((w, p) => w + theirs.layout(p).advanceWidth, 0) / theirs.unitsPerEm;
      expect(face(file).shaped(text)).toBeCloseTo(expected, 9);
    }
  });
});
