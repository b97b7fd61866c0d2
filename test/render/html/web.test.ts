/**
 * The web page <name>.html: one self-contained file with the whole report, a table of
 * contents, the glossary as a definition list, and nothing that would fetch or run anything.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../../pipeline/render/html/index.js';
import { CASES, bodyLines, coverage, han, headings, publication, walk } from '../../helpers.js';
import { asText, bodyText, elements, parseXml, render } from './support.js';

describe.each(CASES)('web page of $name', (c) => {
  const pub = publication(c.path);
  const page = render(write, pub).then(({ files }) => asText(files.get(`${pub.name}.html`)));

  it('is one file that also parses as XML (every tag closed, every character escaped)', async () => {
    const html = await page;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const doc = parseXml(html, `${pub.name}.html`);
    expect(doc.documentElement!.getAttribute('lang')).toBe('zh-CN');
    expect(elements(doc, 'title')[0]!.textContent).toBe(pub.meta.title);
  });

  it('breaks the title block only between words: <wbr> between them, keep-all elsewhere', async () => {
    const doc = parseXml(await page, 'page');
    const subtitle = elements(doc, 'p').find((p) => p.getAttribute('class') === 'doc-subtitle');
    if (!pub.meta.subtitle) return;
    const words = [...subtitle!.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent!);
    expect(words.join('')).toBe(`——${pub.meta.subtitle}`);
    expect(elements(subtitle!, 'wbr').length).toBeGreaterThan(3);
    // 第十八届, 第五次: ordinals stay whole.
    for (const m of pub.meta.subtitle.matchAll(/第[一二三四五六七八九十百\d]+[届次]/g)) expect(words.some((w) => w.includes(m[0])), m[0]).toBe(true);
    expect(await page).toMatch(/\.doc-title, \.doc-subtitle \{ word-break: keep-all; \}/);
  });

  it('holds every body paragraph in order', async () => {
    const doc = parseXml(await page, 'page');
    const { missing, hit, total } = coverage(bodyLines(c), han(bodyText(doc)));
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
  });

  it('fetches and runs nothing: inline CSS only, no script, a policy that forbids requests', async () => {
    const html = await page;
    const doc = parseXml(html, 'page');
    expect(elements(doc, 'script')).toEqual([]);
    expect(elements(doc, 'link')).toEqual([]);
    expect(elements(doc, 'img')).toEqual([]);
    expect(elements(doc, 'style').length).toBe(1);
    expect(html).not.toMatch(/\burl\(|@import/);
    const csp = elements(doc, 'meta').find((m) => m.getAttribute('http-equiv') === 'Content-Security-Policy');
    expect(csp?.getAttribute('content')).toMatch(/default-src 'none'/);
    expect(html).not.toMatch(/epub:type/);
  });

  it('has one h1 (the title), the report headings one level down, and a TOC linking to them', async () => {
    const doc = parseXml(await page, 'page');
    expect(elements(doc, 'h1').map((h) => h.textContent)).toEqual([pub.meta.title]);
    const ids = new Set(elements(doc, '*').map((e) => e.getAttribute('id')).filter(Boolean));
    const toc = elements(doc, 'nav')[0]!;
    const links = elements(toc, 'a');
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(ids.has(a.getAttribute('href')!.slice(1)), a.getAttribute('href')!).toBe(true);
    const shown = headings(pub.tree).filter(([d]) => d <= 2).map(([, t]) => t);
    expect(links.map((a) => a.textContent)).toEqual(shown);
    for (const [depth, text] of headings(pub.tree)) {
      const h = elements(doc, `h${depth + 1}`).find((e) => e.textContent === text);
      expect(h, text).toBeDefined();
    }
  });

  it('has exactly one <dt> per glossary term, and every internal link lands', async () => {
    const html = await page;
    const terms = [...walk(pub.tree)].filter((n) => n.type === 'defListTerm').length;
    expect(html.match(/<dt[\s>]/g)?.length ?? 0).toBe(terms);
    const doc = parseXml(html, 'page');
    const ids = new Set(elements(doc, '*').map((e) => e.getAttribute('id')).filter(Boolean));
    for (const a of elements(doc, 'a')) {
      const href = a.getAttribute('href')!;
      if (href.startsWith('#')) expect(ids.has(href.slice(1)), href).toBe(true);
    }
  });
});
