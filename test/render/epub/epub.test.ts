/**
 * The EPUB package for the four real reports: the container (mimetype first and stored), the
 * package document's metadata, manifest and spine, the text complete in spine order, the
 * navigation, and byte-identical output for the same input.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../../pipeline/render/epub/index.js';
import { CASES, bodyLines, coverage, han, headings, publication } from '../../helpers.js';
import { bodyText, elements, freshPublication, parseXml, render } from '../html/support.js';
import { localHeaders, unzip } from './support.js';

const OPF = 'http://www.idpf.org/2007/opf';
const DC = 'http://purl.org/dc/elements/1.1/';
const OPS = 'http://www.idpf.org/2007/ops';

async function epubOf(pub: Parameters<typeof write>[0]) {
  const { files, warnings } = await render(write, pub);
  const data = files.get(`${pub.name}.epub`) as Uint8Array;
  return { data, entries: unzip(data), warnings };
}

describe.each(CASES)('EPUB of $name', (c) => {
  const pub = publication(c.path);
  const epub = epubOf(pub);

  it('starts with an uncompressed mimetype and points to its package document', async () => {
    const { data, entries } = await epub;
    const headers = localHeaders(data);
    expect(headers[0]).toEqual({ name: 'mimetype', method: 0, extraLength: 0 });
    expect(entries.get('mimetype')).toBe('application/epub+zip');
    const container = parseXml(entries.get('META-INF/container.xml')!, 'container.xml');
    const rootfile = elements(container, 'rootfile')[0]!;
    expect(rootfile.getAttribute('media-type')).toBe('application/oebps-package+xml');
    expect(entries.has(rootfile.getAttribute('full-path')!)).toBe(true);
  });

  it('has the required and the accessibility metadata', async () => {
    const { entries } = await epub;
    const opf = parseXml(entries.get('EPUB/package.opf')!, 'package.opf');
    const pkg = opf.documentElement!;
    expect(pkg.getAttribute('version')).toBe('3.0');
    const dc = (name: string) => Array.from(opf.getElementsByTagNameNS(DC, name)).map((e) => e.textContent);
    const uid = Array.from(opf.getElementsByTagNameNS(DC, 'identifier')).find((e) => e.getAttribute('id') === pkg.getAttribute('unique-identifier'));
    expect(uid?.textContent).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(dc('title')).toEqual([pub.meta.title]);
    expect(dc('language')).toEqual(['zh-CN']);
    expect(dc('creator')).toEqual([pub.meta.speaker!.name]);
    const meta = (property: string) => Array.from(opf.getElementsByTagNameNS(OPF, 'meta')).filter((m) => m.getAttribute('property') === property).map((m) => m.textContent);
    expect(meta('dcterms:modified')).toEqual([`${pub.meta.date}T00:00:00Z`]);
    expect(meta('schema:accessMode')).toEqual(['textual']);
    expect(meta('schema:accessModeSufficient')).toEqual(['textual']);
    expect(meta('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder']));
    expect(meta('schema:accessibilityHazard')).toEqual(['none']);
    expect(meta('schema:accessibilitySummary')[0]).toBeTruthy();
  });

  it('lists every file in the manifest and nothing that is not there; the spine is cover and title page first', async () => {
    const { entries } = await epub;
    const opf = parseXml(entries.get('EPUB/package.opf')!, 'package.opf');
    const items = elements(opf, 'item');
    const hrefs = items.map((i) => `EPUB/${i.getAttribute('href')}`);
    const content = [...entries.keys()].filter((n) => n !== 'mimetype' && !n.startsWith('META-INF/') && n !== 'EPUB/package.opf');
    expect(hrefs.sort()).toEqual(content.sort());
    expect(items.filter((i) => i.getAttribute('properties') === 'nav').map((i) => i.getAttribute('href'))).toEqual(['nav.xhtml']);
    const byId = new Map(items.map((i) => [i.getAttribute('id'), i.getAttribute('href')]));
    const spine = elements(opf, 'itemref').map((r) => byId.get(r.getAttribute('idref')));
    expect(spine.slice(0, 2)).toEqual(['cover.xhtml', 'titlepage.xhtml']);
    expect(spine.every(Boolean)).toBe(true);
  });

  it('holds every body paragraph in spine order, every XHTML file well-formed', async () => {
    const { entries } = await epub;
    const opf = parseXml(entries.get('EPUB/package.opf')!, 'package.opf');
    const byId = new Map(elements(opf, 'item').map((i) => [i.getAttribute('id'), i.getAttribute('href')]));
    const text = elements(opf, 'itemref')
      .map((r) => `EPUB/${byId.get(r.getAttribute('idref'))}`)
      .map((name) => bodyText(parseXml(entries.get(name)!, name)))
      .join('');
    const { missing, hit, total } = coverage(bodyLines(c), han(text));
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
  });

  it('has a link in the navigation document, and a navPoint in the NCX, for every heading', async () => {
    const { entries } = await epub;
    const nav = parseXml(entries.get('EPUB/nav.xhtml')!, 'nav.xhtml');
    const toc = elements(nav, 'nav').find((n) => n.getAttributeNS(OPS, 'type') === 'toc')!;
    expect(elements(toc, 'a').map((a) => a.textContent)).toEqual(headings(pub.tree).map(([, t]) => t));
    const ncx = parseXml(entries.get('EPUB/toc.ncx')!, 'toc.ncx');
    const points = elements(ncx, 'navPoint');
    expect(points.map((p) => elements(p, 'text')[0]!.textContent)).toEqual(headings(pub.tree).map(([, t]) => t));
    expect(points.map((p) => Number(p.getAttribute('playOrder')))).toEqual(points.map((_, i) => i + 1));
  });

  it('is the same bytes when built twice, and gets the same identifier', async () => {
    const { data } = await epub;
    const again = await epubOf(freshPublication(c.path));
    expect(Buffer.compare(Buffer.from(again.data), Buffer.from(data))).toBe(0);
  });
});

describe('the EPUB identifier', () => {
  it('changes when the text changes', async () => {
    const c = CASES[0]!;
    const original = await epubOf(freshPublication(c.path));
    const text = new TextDecoder().decode(await import('node:fs').then((fs) => fs.readFileSync(c.path)));
    const edited = await epubOf(freshPublication(c.path, text.replace('各位代表', '各位代表同志们')));
    const id = (e: typeof original) => /urn:uuid:[0-9a-f-]+/.exec(e.entries.get('EPUB/package.opf')!)![0];
    expect(id(edited)).not.toBe(id(original));
  });
});
