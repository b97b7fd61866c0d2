/**
 * The EPUB-ready files in html/ for the four real reports: every file well-formed XML with
 * its language, title and semantics; the body complete and in order across the files; the
 * navigation document listing every heading; tables and glossary marked up as such.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../../pipeline/render/html/index.js';
import { CASES, bodyLines, coverage, han, headings, publication, walk } from '../../helpers.js';
import { asText, bodyText, elements, freshPublication, parseXml, render } from './support.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const OPS = 'http://www.idpf.org/2007/ops';

describe.each(CASES)('html/ of $name', (c) => {
  const pub = publication(c.path);
  const rendered = render(write, pub);
  const xhtml = async () => {
    const { files } = await rendered;
    return [...files].filter(([path]) => path.startsWith('html/') && path.endsWith('.xhtml')).map(([path, data]) => ({ path, doc: parseXml(asText(data), path) }));
  };

  it('writes well-formed XHTML5 in zh-CN with a title, the EPUB namespace and a stylesheet', async () => {
    const docs = await xhtml();
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const { path, doc } of docs) {
      const root = doc.documentElement!;
      expect(root.namespaceURI, path).toBe(XHTML);
      expect(root.getAttribute('lang'), path).toBe('zh-CN');
      expect(root.getAttribute('xml:lang'), path).toBe('zh-CN');
      expect(root.lookupNamespaceURI('epub'), path).toBe(OPS);
      expect(elements(doc, 'title')[0]?.textContent?.trim(), path).toBeTruthy();
      expect(elements(doc, 'link').map((l) => l.getAttribute('href')), path).toContain('style.css');
    }
    expect((await rendered).files.has('html/style.css')).toBe(true);
  });

  it('puts the cover and title page first, then one file per top-level section', async () => {
    const { files } = await rendered;
    const names = [...files.keys()].filter((p) => p.endsWith('.xhtml')).map((p) => p.slice(5));
    expect(names.slice(0, 2)).toEqual(['cover.xhtml', 'titlepage.xhtml']);
    const top = Math.min(...headings(pub.tree).map(([d]) => d));
    const sections = headings(pub.tree).filter(([d]) => d === top).length;
    const chapters = names.filter((n) => !['cover.xhtml', 'titlepage.xhtml', 'nav.xhtml'].includes(n));
    // One per section, plus the opening address when text comes before the first heading.
    expect(chapters.length - sections).toBeGreaterThanOrEqual(0);
    expect(chapters.length - sections).toBeLessThanOrEqual(1);
  });

  it('wraps each section as a chapter, appendix or glossary for reading systems and screen readers', async () => {
    for (const { path, doc } of await xhtml()) {
      if (/(cover|titlepage|nav)\.xhtml$/.test(path)) continue;
      const section = elements(doc, 'section')[0]!;
      const type = section.getAttributeNS(OPS, 'type');
      expect(['chapter', 'appendix', 'glossary'], path).toContain(type);
      expect(section.getAttribute('role'), path).toBe(`doc-${type}`);
    }
  });

  it('keeps every body paragraph, in reading order, across the files', async () => {
    const text = (await xhtml()).filter(({ path }) => !path.endsWith('nav.xhtml')).map(({ doc }) => bodyText(doc)).join('');
    const { missing, hit, total } = coverage(bodyLines(c), han(text));
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
  });

  it('lists every heading in the navigation document, nested by depth, each link landing on its heading', async () => {
    const docs = await xhtml();
    const byName = new Map(docs.map(({ path, doc }) => [path.slice(5), doc]));
    const nav = byName.get('nav.xhtml')!;
    const toc = elements(nav, 'nav').find((n) => n.getAttributeNS(OPS, 'type') === 'toc')!;
    const links = elements(toc, 'a');
    expect(links.map((a) => a.textContent)).toEqual(headings(pub.tree).map(([, t]) => t));
    // Depth: the number of <ol> between the link and the nav.
    const depthOf = (a: (typeof links)[number]) => {
      let n = 0;
      for (let p = a.parentNode; p && p !== toc; p = p.parentNode) if ((p as { nodeName?: string }).nodeName === 'ol') n++;
      return n;
    };
    const depths = headings(pub.tree).map(([d]) => d);
    links.forEach((a, i) => {
      if (i === 0) return;
      const step = depths[i]! - depths[i - 1]!;
      expect(Math.sign(depthOf(a) - depthOf(links[i - 1]!))).toBe(Math.sign(step));
    });
    for (const a of links) {
      const [file, id] = a.getAttribute('href')!.split('#');
      const target = byName.get(file!);
      expect(target, file).toBeDefined();
      const heading = elements(target!, '*').find((e) => e.getAttribute('id') === id);
      expect(heading?.nodeName, `${file}#${id}`).toMatch(/^h[1-6]$/);
      expect(heading?.textContent).toBe(a.textContent);
    }
    const landmarks = elements(nav, 'nav').find((n) => n.getAttributeNS(OPS, 'type') === 'landmarks');
    expect(elements(landmarks!, 'a').map((a) => a.getAttributeNS(OPS, 'type'))).toEqual(expect.arrayContaining(['cover', 'titlepage', 'bodymatter']));
  });

  it('marks tables up with caption, header row and header cells', async () => {
    const tables = (await xhtml()).flatMap(({ doc }) => elements(doc, 'table'));
    expect(tables.length).toBe(pub.tree.children.filter((n) => n.type === 'table').length);
    for (const table of tables) {
      const head = elements(table, 'thead')[0]!;
      expect(elements(head, 'th').length).toBeGreaterThan(1);
      expect(elements(head, 'th').every((th) => th.getAttribute('scope') === 'col')).toBe(true);
      expect(elements(table, 'tbody').length).toBe(1);
      const captioned = pub.tree.children.some((n) => n.type === 'table' && n.data?.caption);
      if (captioned) expect(elements(table, 'caption')[0]?.textContent).toBeTruthy();
    }
  });

  it('renders the glossary as a definition list whose terms the body links to as note references', async () => {
    const docs = await xhtml();
    const terms = [...walk(pub.tree)].filter((n) => n.type === 'defListTerm').length;
    const dts = docs.flatMap(({ doc }) => elements(doc, 'dt'));
    expect(dts.length).toBe(terms);
    expect(docs.flatMap(({ doc }) => elements(doc, 'dd')).length).toBe(terms);
    const ids = new Map<string, string>();
    for (const { path, doc } of docs) for (const dt of elements(doc, 'dt')) ids.set(dt.getAttribute('id')!, path.slice(5));
    const refs = docs.flatMap(({ doc }) => elements(doc, 'a').filter((a) => a.getAttributeNS(OPS, 'type') === 'noteref'));
    const links = [...walk(pub.tree)].filter((n) => n.type === 'link' && n.data?.glossary !== undefined).length;
    expect(refs.length).toBe(links);
    for (const a of refs) {
      expect(a.getAttribute('role')).toBe('doc-noteref');
      const [file, id] = a.getAttribute('href')!.split('#');
      expect(ids.get(id!), a.getAttribute('href')!).toBe(file);
    }
  });

  it('writes the same files, byte for byte, when built again', async () => {
    const { files } = await rendered;
    const again = await render(write, freshPublication(c.path));
    expect([...again.files.keys()]).toEqual([...files.keys()]);
    for (const [path, data] of files) expect(again.files.get(path), path).toEqual(data);
  });
});
