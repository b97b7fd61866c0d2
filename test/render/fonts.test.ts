import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { woffToSfnt } from '../../pipeline/render/shared/fonts.js';
import { han, ROOT, SEED } from '../helpers.js';

const require = createRequire(`${ROOT}/package.json`);

describe('WOFF fonts', () => {
  it('turns LXGW WenKai (WOFF) into a TrueType font that covers the seed', () => {
    const woff = readFileSync(require.resolve('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff'));
    const ttf = woffToSfnt(woff);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    const fontkit = require('fontkit');
    const font = fontkit.create(ttf);
    expect(font.unitsPerEm).toBe(1000);
    const chars = new Set(han(readFileSync(SEED, 'utf8')));
    const missing = [...chars].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });
});
