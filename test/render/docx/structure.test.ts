/**
 * The DOCX of every fixture report with the default template: real styles (outline levels,
 * East Asian fonts, indents in characters and twips, line spacing), headings as the gold
 * outline, the TOC field, the repeated table header, the PAGE field, properties, language.
 */
import { describe, expect, it } from 'vitest';
import { CASES, fold, gold, publication } from '../../helpers.js';
import { attr, child, elements, pStyle, paragraphText, render, style, type Rendered } from './helpers.js';

describe.each(CASES)('$name (default template)', (c) => {
  const pub = publication(c.path);
  const g = gold(`${c.gold}.outline.json`);
  let out: Rendered;
  const rendered = async () => (out ??= await render(pub, 'default'));

  it('has one Heading1/Heading2 paragraph per gold heading', async () => {
    const doc = (await rendered()).xml('word/document.xml');
    const styles = elements(doc, 'p').map(pStyle);
    for (const depth of [1, 2]) {
      const want = g.headings.filter((h: any) => h.depth === depth).length;
      expect(styles.filter((s) => s === `Heading${depth}`).length, `Heading${depth}`).toBe(want);
    }
  });

  it('writes the headings in order, each with its bookmark', async () => {
    const doc = (await rendered()).xml('word/document.xml');
    const heads = elements(doc, 'p').filter((p) => /^Heading\d$/.test(pStyle(p) ?? ''));
    expect(heads.map((p) => fold(paragraphText(p)))).toEqual(g.headings.map((h: any) => fold(h.text)));
    for (const p of heads) expect(elements(p, 'bookmarkStart').map((b) => attr(b, 'name'))).toEqual([expect.stringMatching(/^sec_\d+(_\d+)*$/)]);
  });

  it('has no warnings', async () => {
    expect((await rendered()).warnings).toEqual([]);
  });
});

describe('styles from the default layout', async () => {
  const out = await render(publication(CASES[0]!.path), 'default');
  const styles = out.xml('word/styles.xml');

  it('gives Heading 1-4 explicit outline levels 0-3, kept with the next paragraph', () => {
    for (const depth of [1, 2, 3, 4]) {
      const s = style(styles, `Heading${depth}`)!;
      expect(attr(child(s, 'name'), 'val')).toBe(`heading ${depth}`);
      expect(attr(child(child(s, 'pPr'), 'outlineLvl'), 'val')).toBe(String(depth - 1));
      expect(child(child(s, 'pPr'), 'keepNext')).toBeDefined();
    }
  });

  it('sets Normal from styles.body: font on all scripts, size, line spacing, two-character indent in chars and twips', () => {
    const normal = style(styles, 'Normal')!;
    const fonts = child(child(normal, 'rPr'), 'rFonts')!;
    for (const a of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(attr(fonts, a)).toBe('Noto Serif CJK SC');
    expect(attr(child(child(normal, 'rPr'), 'sz'), 'val')).toBe('22'); // 11 pt
    const ind = child(child(normal, 'pPr'), 'ind')!;
    expect(attr(ind, 'firstLineChars')).toBe('200');
    expect(attr(ind, 'firstLine')).toBe('440'); // 2 x 11 pt
    const spacing = child(child(normal, 'pPr'), 'spacing')!;
    expect([attr(spacing, 'line'), attr(spacing, 'lineRule')]).toEqual(['432', 'auto']); // 1.8 lines
    expect(attr(child(child(normal, 'pPr'), 'jc'), 'val')).toBe('both');
  });

  it('writes zero indents where a style has none (else it would inherit Normal’s)', () => {
    const ind = child(child(style(styles, 'Heading1'), 'pPr'), 'ind')!;
    expect([attr(ind, 'firstLine'), attr(ind, 'firstLineChars')]).toEqual(['0', '0']);
  });

  it('defines a style for every layout role', () => {
    for (const id of ['Title', 'Subtitle', 'Speaker', 'TableText', 'TableHeading', 'Caption', 'Header', 'Footer', 'TOCHeading', 'TOC1', 'TOC2', 'GlossaryTerm', 'GlossaryDefinition']) {
      expect(style(styles, id), id).toBeDefined();
    }
    expect(attr(child(child(style(styles, 'Title'), 'rPr'), 'rFonts'), 'eastAsia')).toBe('Noto Sans CJK SC');
    // The contents title is not itself a heading.
    expect(child(child(style(styles, 'TOCHeading'), 'pPr'), 'outlineLvl')).toBeUndefined();
  });

  it('declares the language zh-CN for East Asian text', () => {
    const lang = elements(styles, 'lang')[0];
    expect(attr(lang, 'eastAsia')).toBe('zh-CN');
  });

  it('lists each font with its alternatives in the font table', () => {
    const fonts = out.xml('word/fontTable.xml');
    const serif = elements(fonts, 'font').find((f) => attr(f, 'name') === 'Noto Serif CJK SC')!;
    expect(attr(child(serif, 'altName'), 'val')).toBe('Noto Serif SC,宋体,SimSun,Songti SC');
    expect(attr(child(serif, 'charset'), 'val')).toBe('86');
  });
});

describe('document parts of the seed (default template)', async () => {
  const pub = publication(CASES[0]!.path);
  const out = await render(pub, 'default');
  const doc = out.xml('word/document.xml');

  it('opens with a cover section (title, meeting line, speaker) without header or footer', () => {
    const sections = elements(doc, 'sectPr');
    expect(sections.length).toBe(3); // cover, contents, body
    expect(elements(sections[0]!, 'headerReference').length + elements(sections[0]!, 'footerReference').length).toBe(0);
    const first = elements(doc, 'p').slice(0, 3);
    expect(first.map(pStyle)).toEqual(['Title', 'Subtitle', 'Speaker']);
    expect(paragraphText(first[0]!)).toBe(pub.meta.title);
    expect(paragraphText(first[1]!)).toBe(`——${pub.meta.subtitle}`);
  });

  it('has contents with the headings down to toc.depth, each linked to its bookmark and ending in a PAGEREF to it', () => {
    const entries = elements(doc, 'p').filter((p) => /^TOC\d$/.test(pStyle(p) ?? ''));
    const headings = pub.tree.children.filter((n) => n.type === 'heading' && n.depth <= 2);
    expect(entries.length).toBe(headings.length);
    const bookmarks = new Set(elements(doc, 'bookmarkStart').map((b) => attr(b, 'name')));
    for (const p of entries) {
      const anchor = attr(elements(p, 'hyperlink')[0], 'anchor');
      expect(bookmarks.has(anchor)).toBe(true);
      // Not inside a TOC field (LibreOffice would show that field's stale result, not lay the numbers out).
      expect(elements(p, 'instrText').map((i) => (i.textContent ?? '').trim())).toEqual([`PAGEREF ${anchor}`]);
    }
    expect(elements(doc, 'instrText').some((i) => /^\s*TOC\b/.test(i.textContent ?? ''))).toBe(false);
    // Word is asked to fill the fields when it opens the document.
    expect(out.xml('word/settings.xml').getElementsByTagName('w:updateFields').length).toBe(1);
    // A run-in heading's restored full stop does not end its entry.
    expect(entries.map((p) => paragraphText(p).trim()).filter((t) => t.endsWith('。'))).toEqual([]);
  });

  it('marks the table header row to repeat and keeps rows whole, with widths from the content', () => {
    const tables = elements(doc, 'tbl');
    expect(tables.length).toBe(1);
    const rows = elements(tables[0]!, 'tr');
    expect(child(child(rows[0], 'trPr'), 'tblHeader')).toBeDefined();
    expect(rows.every((r) => child(child(r, 'trPr'), 'cantSplit'))).toBe(true);
    const grid = elements(tables[0]!, 'gridCol').map((g) => Number(attr(g, 'w')));
    expect(grid.length).toBe(4);
    // The serial-number column is the narrowest, the long-text column the widest.
    expect(Math.min(...grid)).toBe(grid[0]);
    expect(Math.max(...grid)).toBe(grid[3]);
    expect(rows.slice(1).every((r) => elements(r, 'p').every((p) => pStyle(p) === 'TableText'))).toBe(true);
  });

  it('writes a multi-line cell as one paragraph per line', () => {
    const table = pub.tree.children.find((n) => n.type === 'table')!;
    const cells = elements(elements(doc, 'tbl')[0]!, 'tc');
    const flat = table.children.flatMap((r) => r.children);
    flat.forEach((cell, i) => {
      const breaks = cell.children.filter((c) => c.type === 'break').length;
      expect(elements(cells[i]!, 'p').length).toBe(breaks + 1);
    });
  });

  it('puts a PAGE and a NUMPAGES field in the footer and the title in the header', () => {
    const footer = Object.keys(out.parts).filter((p) => /^word\/footer\d+\.xml$/.test(p)).map((p) => out.text(p)).join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const header = Object.keys(out.parts).filter((p) => /^word\/header\d+\.xml$/.test(p)).map((p) => out.text(p)).join('');
    expect(header).toContain(pub.meta.title);
  });

  it('links the first use of each glossary term to the term’s bookmark', () => {
    const terms = elements(doc, 'p').filter((p) => pStyle(p) === 'GlossaryTerm');
    const glossary = pub.tree.children.find((n) => n.type === 'defList')!;
    expect(terms.length).toBe(glossary.children.filter((c) => c.type === 'defListTerm').length);
    const names = terms.map((p) => attr(elements(p, 'bookmarkStart')[0], 'name'));
    expect(names.every((n) => /^gloss_\d+$/.test(n ?? ''))).toBe(true);
    const anchors = elements(doc, 'hyperlink').map((h) => attr(h, 'anchor')).filter((a) => a?.startsWith('gloss_'));
    expect(new Set(anchors)).toEqual(new Set(names));
  });

  it('fills the document properties from the metadata and the publication date', () => {
    const core = out.text('docProps/core.xml');
    expect(core).toContain(`<dc:title>${pub.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${pub.meta.meeting}</dc:subject>`);
    expect(core).toContain(`<dc:creator>${pub.meta.speaker!.role} ${pub.meta.speaker!.name}</dc:creator>`);
    expect(core).toMatch(/<cp:keywords>政府工作报告/);
    expect(core).toContain(`<dc:description>${pub.meta.subtitle}</dc:description>`);
    expect(core).toContain(`>${pub.meta.date}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`>${pub.meta.date}T00:00:00Z</dcterms:modified>`);
  });
});
