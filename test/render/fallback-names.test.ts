/**
 * Issue 17: the formats whose readers choose fonts themselves (DOCX, HTML, EPUB) embed no
 * fallback, but a document with characters the layout's faces lack (𠮷) names the fallback
 * font where it is needed: the DOCX runs holding them ask for its Word names (declared in the
 * font table), and the CSS stacks list its families. A document without such characters is
 * written exactly as before (no fallback name anywhere).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { write as writeDocx } from '../../pipeline/render/docx/index.js';
import { write as writeEpub } from '../../pipeline/render/epub/index.js';
import { write as writeHtml } from '../../pipeline/render/html/index.js';
import { SEED } from '../helpers.js';
import { elements, attr, child } from './docx/helpers.js';
import { asText, freshPublication, render, template } from './html/support.js';
import { DOMParser } from '@xmldom/xmldom';

const TEXT = '# 一、总体\n\n姓名𠮷野，又见𠮷。今年全区地区生产总值增长百分之五。\n';

async function docxParts(text: string | undefined, path: string) {
  const { files } = await render(writeDocx, freshPublication(path, text));
  const parts = unzipSync([...files.values()][0] as Uint8Array);
  const xml = (name: string) => new DOMParser().parseFromString(strFromU8(parts[name]!), 'text/xml') as unknown as Document;
  return { document: xml('word/document.xml'), fonts: strFromU8(parts['word/fontTable.xml']!) };
}

describe('DOCX', () => {
  it('sets 𠮷 in runs of their own that ask for the fallback font, declared in the font table', async () => {
    const { document, fonts } = await docxParts(TEXT, '/tmp/names.md');
    const runs = elements(document as never, 'r').map((r) => ({ text: elements(r, 't').map((t) => t.textContent).join(''), east: attr(child(child(r, 'rPr'), 'rFonts'), 'eastAsia') }));
    const ji = runs.filter((r) => r.text.includes('𠮷'));
    expect(ji.length).toBe(2);
    expect(ji.every((r) => r.text === '𠮷' && r.east === 'SimSun-ExtB')).toBe(true);
    // The text around them keeps the paragraph style's font.
    expect(runs.find((r) => r.text.startsWith('姓名'))).toEqual({ text: '姓名', east: null });
    expect(fonts).toContain('<w:font w:name="SimSun-ExtB"><w:altName w:val="Noto Serif CJK JP,MingLiU-ExtB"/>');
  });

  it('does not name the fallback font for the seed', async () => {
    const { fonts } = await docxParts(undefined, SEED);
    expect(fonts).not.toContain('ExtB');
  });
});

describe('HTML and EPUB', () => {
  const stack = (css: string) => /--body-font:\s*([^;]*);/.exec(css)?.[1];

  it('list the fallback font in every stack, before the generic family, when the text needs it', async () => {
    const { files } = await render(writeHtml, freshPublication('/tmp/names.md', TEXT));
    const css = asText(files.get('html/style.css'));
    expect(stack(css)).toBe('"Noto Serif SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, "Noto Serif JP", "Noto Serif CJK JP", "SimSun-ExtB", "MingLiU-ExtB", serif');
    expect(/--heading1-font:\s*([^;]*);/.exec(css)?.[1]).toMatch(/"Microsoft YaHei", "Noto Serif JP", .*"MingLiU-ExtB", sans-serif$/);
    const epub = unzipSync([...(await render(writeEpub, freshPublication('/tmp/names.md', TEXT))).files.values()][0] as Uint8Array);
    expect(stack(strFromU8(epub['EPUB/style.css']!))).toContain('"Noto Serif JP"');
  });

  it('leave the stacks alone for the seed', async () => {
    const { files } = await render(writeHtml, freshPublication(SEED));
    const css = asText(files.get('html/style.css'));
    expect(stack(css)).toBe(template().layout.fonts.serif!.css);
    expect(css).not.toContain('Noto Serif JP');
  });
});
