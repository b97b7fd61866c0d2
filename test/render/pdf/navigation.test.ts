/**
 * Finding one's way: bookmarks equal the headings (text, depth, order) and land on their
 * pages; the TOC lists the headings with the pages they are really on and links to them; the
 * first use of a glossary term links to its definition; the metadata and language are set;
 * the same input gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CASES, SEED, fold } from '../../helpers.js';
import { destinationPage, open, outline, pageLines, render, renderPublication, template } from './helpers.js';
import { publication } from '../../helpers.js';

const headingsOf = (path: string) =>
  publication(path).tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => ({ depth: h.depth, text: toString(h), id: h.data?.id }));

describe.each(CASES)('$name', (c) => {
  it('has a bookmark for every heading, nested by depth, pointing at the heading', async () => {
    const doc = await open((await render(c.path)).bytes);
    const marks = await outline(doc);
    const headings = headingsOf(c.path);
    expect(marks.map((m) => [m.depth, fold(m.title)])).toEqual(headings.map((h) => [h.depth, fold(h.text)]));
    for (const [i, mark] of marks.entries()) {
      const page = await destinationPage(doc, mark.dest);
      const lines = await pageLines(doc, page);
      // The heading's text (or a run-in head) is on that page.
      expect(lines.some((l) => fold(l.text).includes(fold(headings[i]!.text).slice(0, 8))), headings[i]!.text).toBe(true);
    }
  });

  it('lists the headings in the TOC with the pages they are on', async () => {
    const doc = await open((await render(c.path)).bytes);
    const depth = template('default').layout.toc.depth;
    const wanted = headingsOf(c.path).filter((h) => h.depth <= depth);
    // The TOC: the pages between the cover and the first heading; an entry ends in its page number.
    const first = await destinationPage(doc, wanted[0]!.id);
    const entries: Array<{ text: string; page: number }> = [];
    let pending = '';
    const { page } = template('default').layout;
    for (let p = 2; p < first; p++) {
      for (const line of await pageLines(doc, p)) {
        if (line.y > page.height - page.margin.top || line.y < page.margin.bottom) continue; // header, footer
        if (!/[\u4e00-\u9fff]/.test(line.text) || line.text === template('default').layout.toc.title) continue;
        const m = /^(.*?)\s*(\d+)$/.exec(line.text);
        if (m) {
          entries.push({ text: pending + m[1]!, page: Number(m[2]) });
          pending = '';
        } else pending += line.text;
      }
    }
    expect(entries.map((e) => fold(e.text))).toEqual(wanted.map((h) => fold(h.text)));
    for (const [i, h] of wanted.entries()) expect(entries[i]!.page, h.text).toBe(await destinationPage(doc, h.id));
  });

  it('links TOC entries and glossary terms to their destinations', async () => {
    const doc = await open((await render(c.path)).bytes);
    const dests: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      for (const a of await (await doc.getPage(p)).getAnnotations()) if (a.subtype === 'Link' && typeof a.dest === 'string') dests.push(a.dest);
    }
    for (const h of headingsOf(c.path).filter((x) => x.depth <= 2)) expect(dests).toContain(h.id);
    const terms = JSON.stringify(publication(c.path).tree).match(/"gloss-\d+"/g) ?? [];
    for (const id of new Set(terms.map((t) => t.slice(1, -1)))) {
      expect(await doc.getDestination(id), id).toBeTruthy();
    }
    const linked = new Set(JSON.stringify(publication(c.path).tree).match(/#gloss-\d+/g) ?? []);
    for (const url of linked) expect(dests).toContain(url.slice(1));
  });

  it('keeps its named destinations in byte order, as readers search them', async () => {
    // pdfkit writes the name tree as plain text: /Names [(key) [dest] (key) [dest] …]
    const text = Buffer.from((await render(c.path)).bytes).toString('latin1');
    const tree = text.slice(text.indexOf('/Names ['), text.indexOf('>>', text.indexOf('/Names [')));
    const keys = [...tree.matchAll(/\(([^)]*)\)\s*\[/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('the seed', () => {
  it('carries its metadata and language, opening with the bookmarks', async () => {
    const { bytes, publication: pub } = await render(SEED);
    const doc = await open(bytes);
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
    expect(info.Title).toBe(pub.meta.title);
    expect(info.Author).toBe(pub.meta.speaker!.name);
    expect(info.Subject).toBe(pub.meta.subtitle);
    expect(info.Keywords).toContain(pub.meta.meeting!);
    expect(info.Creator).toBe('reportpress');
    expect(info.Language).toBe('zh-CN');
    expect(info.CreationDate).toBe(`D:${pub.meta.date!.replace(/-/g, '')}000000Z`);
    expect(info.ModDate).toBe(info.CreationDate);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/PageMode /UseOutlines');
  });

  it('puts nothing on the cover but its lines, and the running header and footer on every other page', async () => {
    const { bytes, publication: pub } = await render(SEED);
    const doc = await open(bytes);
    const cover = (await pageLines(doc, 1)).map((l) => l.text);
    expect(cover.map(fold)).toEqual([pub.meta.title!, `——${pub.meta.subtitle}`, `${pub.meta.speaker!.role} ${pub.meta.speaker!.name}`].map(fold));
    for (let p = 2; p <= doc.numPages; p++) {
      const lines = await pageLines(doc, p);
      expect(lines[0]!.text).toBe(pub.meta.title);
      expect(lines[lines.length - 1]!.text).toBe(`${p} / ${doc.numPages}`);
    }
  });

  it('gives the same bytes for the same input', async () => {
    const first = await render(SEED);
    const again = await renderPublication(first.publication, template('default'));
    expect(Buffer.compare(Buffer.from(first.bytes), Buffer.from(again.bytes))).toBe(0);
  });

  it('stays small: fonts subset, streams compressed', async () => {
    const { bytes } = await render(SEED);
    expect(bytes.byteLength).toBeLessThan(1_500_000);
  });
});

describe('a TOC entry that wraps', () => {
  it('goes on under its text, not under its number', async () => {
    // The official layout's TOC, switched on: 三号 entries, and headings longer than a line.
    const official = template('official');
    const tpl = { ...official, layout: { ...official.layout, toc: { ...official.layout.toc, enabled: true } } };
    const doc = await open((await renderPublication(publication(SEED), tpl)).bytes);
    const lines = await pageLines(doc, 2);
    const at = lines.findIndex((l) => l.text.startsWith('（九）全面贯彻'));
    expect(at).toBeGreaterThan(-1);
    const first = lines[at]!;
    const next = lines[at + 1]!;
    expect(next.text).toMatch(/^[^（]*格局\s*\d+$/);
    // The second line starts where the first line's text does: after "（九）", three ems in.
    expect(next.x - first.x).toBeCloseTo(3 * first.size, 0);
  });
});
