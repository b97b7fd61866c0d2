/**
 * A paragraph of a thousand lines (one long line of a web page): set as nodes of at most a
 * couple of hundred lines (typeset.ts, CHUNK_LINES), since pdfmake's line placing grows with
 * the square of a node's inlines. The cut must not show: every character in order, and the
 * lines of a page at one even pitch, with no gap where one node ends and the next begins.
 */
import { describe, expect, it } from 'vitest';
import { publish } from '../../../pipeline/publish.js';
import { han } from '../../helpers.js';
import { allLines, open, renderPublication, streamText, template } from './helpers.js';

const SENTENCE = '这是一个很长的段落没有换行';
const TEXT = `各位代表：\n${SENTENCE.repeat(2400)}。\n`;

describe('a paragraph of a thousand lines', () => {
  it('keeps every character in order and one line pitch on every page', async () => {
    const pub = publish(new TextEncoder().encode(TEXT), 'long.txt');
    const { bytes } = await renderPublication(pub, template('default'));
    const doc = await open(bytes);
    expect(han(await streamText(doc))).toContain(han(SENTENCE.repeat(2400)));
    const pages = await allLines(doc);
    const bodyPages = pages.filter((lines) => lines.filter((l) => l.text.startsWith(SENTENCE.slice(0, 2)) || /^[这是一个很长的段落没有换行。]+$/.test(l.text)).length > 20);
    expect(bodyPages.length).toBeGreaterThan(20);
    for (const lines of bodyPages) {
      const body = lines.filter((l) => /^[这是一个很长的段落没有换行。]+$/.test(l.text)).map((l) => l.y);
      const pitches = body.slice(1).map((y, i) => Math.round((body[i]! - y) * 100) / 100);
      expect(new Set(pitches).size, `pitches on a page: ${[...new Set(pitches)]}`).toBe(1);
    }
  });
});
