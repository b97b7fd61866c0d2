/**
 * The official (GB/T 9704) template: a title block instead of a cover, no contents, exact
 * line pitch, the customary font names with their alternatives, page numbers outside with a
 * one-character inset on different odd and even footers, no running header.
 */
import { describe, expect, it } from 'vitest';
import { CASES, gold, publication } from '../../helpers.js';
import { attr, child, elements, pStyle, paragraphText, render, style } from './helpers.js';

describe('official template', async () => {
  const pub = publication(CASES[0]!.path);
  const out = await render(pub, 'official');
  const doc = out.xml('word/document.xml');
  const styles = out.xml('word/styles.xml');

  it('has the gold outline as Heading1/Heading2 paragraphs', () => {
    const g = gold(`${CASES[0]!.gold}.outline.json`);
    const counts = (d: number) => elements(doc, 'p').filter((p) => pStyle(p) === `Heading${d}`).length;
    expect([counts(1), counts(2)]).toEqual([1, 2].map((d) => g.headings.filter((h: any) => h.depth === d).length));
  });

  it('opens the first page with the title block, then the body, in one section', () => {
    expect(elements(doc, 'sectPr').length).toBe(1);
    const first = elements(doc, 'p').slice(0, 4);
    expect(first.map(pStyle)).toEqual(['Title', 'Subtitle', 'Speaker', null]);
    expect(paragraphText(first[3]!)).toBe(paragraphText(first[3]!).trim());
  });

  it('has no contents when toc.enabled is false', () => {
    expect(elements(doc, 'sdt').length).toBe(0);
    expect(elements(doc, 'instrText').some((i) => /^TOC/.test(i.textContent ?? ''))).toBe(false);
  });

  it('sets the 公文 grid: 三号 仿宋 at an exact 28.9 pt pitch, tracked -0.76 pt (29 cells: 28 characters and a mark), two-character indent', () => {
    const normal = style(styles, 'Normal')!;
    const spacing = child(child(normal, 'pPr'), 'spacing')!;
    expect([attr(spacing, 'line'), attr(spacing, 'lineRule')]).toEqual(['578', 'exact']);
    expect(attr(child(child(normal, 'rPr'), 'sz'), 'val')).toBe('32');
    expect(attr(child(child(normal, 'rPr'), 'spacing'), 'val')).toBe('-15');
    expect(attr(child(child(normal, 'rPr'), 'rFonts'), 'eastAsia')).toBe('仿宋_GB2312');
    const ind = child(child(normal, 'pPr'), 'ind')!;
    // Two characters of 16 pt less 0.76 pt tracking each.
    expect([attr(ind, 'firstLineChars'), attr(ind, 'firstLine')]).toEqual(['200', String(Math.round(2 * (16 - 0.76) * 20))]);
  });

  it('underlines the first use of a glossary term, which links to its definition', () => {
    const links = elements(doc, 'hyperlink').filter((l) => attr(l, 'anchor')?.startsWith('gloss_'));
    expect(links.length).toBeGreaterThan(5);
    const styleOf = (l: Element) => attr(child(child(elements(l, 'r')[0], 'rPr'), 'rStyle'), 'val');
    const terms = links.filter((l) => styleOf(l) === 'GlossaryReference');
    expect(terms.length).toBeGreaterThan(5);
    const underline = child(child(style(styles, 'GlossaryReference'), 'rPr'), 'u');
    expect(attr(underline, 'val')).toBe('dotted');
  });

  it('writes a zero tracking where a style has none, so it does not inherit the body’s', () => {
    const track = (id: string) => attr(child(child(style(styles, id), 'rPr'), 'spacing'), 'val');
    expect([track('Normal'), track('Heading1'), track('Title'), track('TableText')]).toEqual(['-15', '-15', '0pt', '0pt']);
  });

  it('gives each heading level its customary face', () => {
    const east = (id: string) => attr(child(child(style(styles, id), 'rPr'), 'rFonts'), 'eastAsia');
    expect([east('Heading1'), east('Heading2'), east('Title')]).toEqual(['黑体', '楷体_GB2312', '方正小标宋简体']);
    const fonts = out.xml('word/fontTable.xml');
    const fangsong = elements(fonts, 'font').find((f) => attr(f, 'name') === '仿宋_GB2312')!;
    expect(attr(child(fangsong, 'altName'), 'val')).toBe('仿宋,FangSong,STFangsong');
  });

  it('uses different odd and even footers: page number outside, one character in; no header', () => {
    expect(out.text('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/);
    const section = elements(doc, 'sectPr')[0]!;
    expect(elements(section, 'headerReference').length).toBe(0);
    const refs = elements(section, 'footerReference').map((r) => attr(r, 'type'));
    expect(refs.sort()).toEqual(['default', 'even']);
    const footers = Object.keys(out.parts).filter((p) => /^word\/footer\d+\.xml$/.test(p)).map((p) => out.xml(p));
    const looks = footers.map((f) => {
      const pPr = child(elements(f, 'p')[0], 'pPr');
      return { jc: attr(child(pPr, 'jc'), 'val'), ind: child(pPr, 'ind') };
    });
    expect(looks.map((l) => l.jc).sort()).toEqual(['left', 'right']);
    const right = looks.find((l) => l.jc === 'right')!;
    expect(attr(right.ind, 'right')).toBe('280'); // 1 character of 四号 (14 pt)
    for (const f of footers) expect(elements(f, 'instrText').map((i) => i.textContent)).toEqual(['PAGE']);
  });

  it('places the page numbers 7 mm below the type area', () => {
    const margin = elements(doc, 'pgMar')[0]!;
    const bottom = Number(attr(margin, 'bottom'));
    const footer = Number(attr(margin, 'footer'));
    // 35 mm bottom margin - 7 mm - the footer line's descent (0.3 x 14 pt).
    expect(bottom).toBe(Math.round((35 * 72) / 25.4 * 20));
    expect(footer).toBe(Math.round(((35 - 7) * 72 / 25.4 - 0.3 * 14) * 20));
  });
});
