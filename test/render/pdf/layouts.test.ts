/**
 * What the layout file asks for reaches the PDF (heading numbering and run-in heads, cover
 * or title block, TOC, header and footer placement, line pitch), and what the tree holds is
 * set or said: every node type has a handler, is ignored on purpose, or gives a warning
 * while its text is kept.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { SEED, publication } from '../../helpers.js';
import { emptyFigures, type Meta, type Publication } from '../../../pipeline/model.js';
import type { Template } from '../../../pipeline/templates/index.js';
import type { Layout } from '../../../pipeline/templates/layout.js';
import { destinationPage, open, outline, pageLines, renderPublication, streamText, template } from './helpers.js';

type Patch = { [K in keyof Layout]?: Partial<Layout[K]> };
function variant(name: string, patch: Patch): Template {
  const base = template(name);
  const layout = { ...base.layout } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) layout[key] = { ...(base.layout as any)[key], ...(value as object) };
  return { ...base, layout: layout as unknown as Layout };
}

function pub(tree: Root, meta: Meta = { title: '测试报告', speaker: { role: '某某市市长', name: '张三' } }): Publication {
  return { name: 'test', path: 'test.md', tree, meta, figures: emptyFigures(), diagnostics: [] };
}

const p = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] });

describe('layout keys', () => {
  it('strips the numbering from headings, bookmarks and TOC when asked', async () => {
    const seed = publication(SEED);
    const { bytes } = await renderPublication(seed, variant('default', { headings: { numbering: 'strip', runIn: 'source' } }));
    const marks = await outline(await open(bytes));
    expect(marks[0]!.title).not.toMatch(/^一、/);
    expect(marks.some((m) => /^（[一二三四五六七八九十]+）/.test(m.title))).toBe(false);
    const text = await streamText(await open(bytes));
    const numbered = seed.tree.children.filter((n) => n.type === 'heading').map((h) => (h as any).children[0].value as string);
    for (const h of numbered.filter((t) => /^（[一二三四五六七八九十]+）/.test(t))) {
      expect(text).not.toContain(h);
      expect(text).toContain(h.replace(/^（[一二三四五六七八九十]+）/, ''));
    }
  });

  it('sets run-in heads on their own line with runIn: never, and runs them in with the full stop otherwise', async () => {
    const seed = publication(SEED);
    const runIn = seed.tree.children.find((n) => n.type === 'heading' && n.data?.runIn) as import('mdast').Heading;
    const head = (runIn as any).children[0].value as string;
    const inline = await open((await renderPublication(seed, template('default'))).bytes);
    const own = await open((await renderPublication(seed, variant('default', { headings: { numbering: 'keep', runIn: 'never' } }))).bytes);
    // Its line in the body (the TOC, which lists it too, comes before the heading's page).
    const lineWith = async (doc: Awaited<ReturnType<typeof open>>) => {
      const from = await destinationPage(doc, runIn.data!.id);
      for (let n = from; n <= doc.numPages; n++) for (const l of await pageLines(doc, n)) if (l.text.startsWith(head)) return l.text;
      return '';
    };
    expect(await lineWith(inline)).toMatch(new RegExp(`^${head}。.`));
    expect(await lineWith(own)).toBe(head);
  });

  it('opens the first page with the title block, page-numbered, when there is no cover', async () => {
    const t = variant('default', { cover: { enabled: false }, toc: { enabled: false } });
    const doc = await open((await renderPublication(pub({ type: 'root', children: [p('正文第一段。')] }), t)).bytes);
    expect(doc.numPages).toBe(1);
    const lines = (await pageLines(doc, 1)).map((l) => l.text);
    expect(lines).toEqual(['测试报告', '测试报告', '某某市市长 张三', '正文第一段。', '1 / 1']);
  });

  it('leaves out a cover line that comes out empty (no speaker, no speaker line)', async () => {
    const doc = await open((await renderPublication(pub({ type: 'root', children: [p('正文。')] }, { title: '无讲话人的报告' }), template('default'))).bytes);
    expect((await pageLines(doc, 1)).map((l) => l.text)).toEqual(['无讲话人的报告']);
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
    expect(info.Author).toBeUndefined();
  });

  it('puts outside page numbers right on odd pages and left on even ones, inside the reverse', async () => {
    const long = pub({ type: 'root', children: Array.from({ length: 40 }, (_, i) => p(`第${i + 1}段。${'政府工作报告全面推进改革发展。'.repeat(12)}`)) });
    for (const align of ['outside', 'inside'] as const) {
      const t = variant('default', { footer: { text: '{{page}}', align, inset: 0, distance: 20 }, header: { text: '', align: 'center', rule: false }, cover: { enabled: false }, toc: { enabled: false } });
      const doc = await open((await renderPublication(long, t)).bytes);
      const { page } = t.layout;
      for (const n of [1, 2]) {
        const lines = await pageLines(doc, n);
        const number = lines[lines.length - 1]!;
        const right = (n % 2 === 1) === (align === 'outside');
        if (right) expect(number.right).toBeCloseTo(page.width - page.margin.right, 0);
        else expect(number.x).toBeCloseTo(page.margin.left, 0);
      }
    }
  });

  it('spaces body lines at lineHeight times the font size', async () => {
    const doc = await open((await renderPublication(pub({ type: 'root', children: [p('政府工作报告全面推进改革发展。'.repeat(20))] }), variant('default', { cover: { enabled: false }, toc: { enabled: false } }))).bytes);
    const body = template('default').layout.styles.body;
    const lines = (await pageLines(doc, 1)).filter((l) => Math.abs(l.size - body.size) < 0.01);
    const pitch = 'multiple' in body.lineHeight ? body.lineHeight.multiple * body.size : body.lineHeight.exact;
    for (let i = 2; i < lines.length - 1; i++) expect(lines[i - 1]!.y - lines[i]!.y).toBeCloseTo(pitch, 3);
  });
});

describe('tables', () => {
  it('repeat the header row on every page a table runs over', async () => {
    const seed = publication(SEED);
    const table = seed.tree.children.find((n) => n.type === 'table') as import('mdast').Table;
    const header = table.children[0]!.children.map((cell) => (cell.children[0] as { value: string }).value);
    const cellText = (row: import('mdast').TableRow, i: number) => (row.children[i]!.children[0] as { value: string }).value;
    const starts = table.children.slice(1).map((row) => cellText(row, 0) + cellText(row, 1).slice(0, 2));
    const doc = await open((await renderPublication(seed, template('default'))).bytes);
    const { page } = template('default').layout;
    let pagesWithRows = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const lines = (await pageLines(doc, n)).filter((l) => l.y > page.margin.bottom && l.y < page.height - page.margin.top);
      // A body row starts with its first cell; the header row carries every header label.
      const rows = lines.filter((l) => starts.some((f) => l.text.replace(/\s/g, '').startsWith(f)));
      if (!rows.length) continue;
      pagesWithRows++;
      const headerLine = lines.find((l) => header.every((h) => l.text.includes(h)));
      expect(headerLine, `page ${n}`).toBeTruthy();
      expect(headerLine!.y).toBeGreaterThan(Math.max(...rows.map((r) => r.y)));
    }
    expect(pagesWithRows).toBeGreaterThan(1);
  });
});

describe('node types', () => {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: '一、总体要求' }], data: { id: 'sec-1' } },
      { type: 'paragraph', children: [{ type: 'text', value: '正文有' }, { type: 'strong', children: [{ type: 'text', value: '加粗' }] }, { type: 'text', value: '和' }, { type: 'emphasis', children: [{ type: 'text', value: '强调' }] }, { type: 'text', value: '，' }, { type: 'link', url: 'https://example.org/', children: [{ type: 'text', value: '网址' }] }, { type: 'text', value: '。' }] },
      { type: 'list', ordered: true, start: 1, data: { delimiter: '()' }, children: [{ type: 'listItem', children: [p('第一项。')] }, { type: 'listItem', children: [p('第二项。')] }] },
      { type: 'list', ordered: true, start: 3, data: { delimiter: '、' }, children: [{ type: 'listItem', children: [p('第三项。')] }] },
      { type: 'blockquote', children: [p('引用的话。')] },
      { type: 'code', value: '代码第一行\n代码第二行' },
      { type: 'thematicBreak' },
      { type: 'html', value: '<div>网页</div>' },
      { type: 'yaml', value: 'title: x' },
      { type: 'math', value: '数学公式文字' } as any,
      { type: 'table', children: [
        { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '序号' }] }, { type: 'tableCell', children: [{ type: 'text', value: '内容' }] }] },
        { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '1' }] }, { type: 'tableCell', children: [{ type: 'text', value: '甲行' }, { type: 'break' }, { type: 'text', value: '乙行' }] }] },
      ] },
    ],
  };

  it('sets every block and inline it knows, and warns about the rest without losing text', async () => {
    const { bytes, warnings } = await renderPublication(pub(tree), template('default'));
    const text = await streamText(await open(bytes));
    for (const s of ['一、总体要求', '正文有加粗和强调，网址。', '（1）第一项。', '（2）第二项。', '3、第三项。', '引用的话。', '代码第一行', '代码第二行', '数学公式文字', '序号', '甲行', '乙行']) expect(text).toContain(s);
    expect(text).not.toContain('title: x');
    expect(warnings.some((w) => /math/.test(w))).toBe(true);
    expect(warnings.some((w) => /HTML/.test(w))).toBe(true);
    expect(warnings.filter((w) => /yaml/.test(w))).toEqual([]);
    const doc = await open(bytes);
    const links: unknown[] = [];
    for (let n = 1; n <= doc.numPages; n++) for (const a of await (await doc.getPage(n)).getAnnotations()) if (a.url) links.push(a.url);
    expect(links).toContain('https://example.org/');
  });

  it('survives headings that share an id (one destination, both bookmarked)', async () => {
    const twice: Root = { type: 'root', children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: '一、甲' }], data: { id: 'sec-1' } },
      p('正文。'),
      { type: 'heading', depth: 1, children: [{ type: 'text', value: '二、乙' }], data: { id: 'sec-1' } },
      p('正文。'),
    ] };
    const doc = await open((await renderPublication(pub(twice), template('default'))).bytes);
    expect((await outline(doc)).map((m) => m.title)).toEqual(['一、甲', '二、乙']);
  });

  it('keeps a multi-line cell on its lines', async () => {
    const doc = await open((await renderPublication(pub(tree), template('default'))).bytes);
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) lines.push(...(await pageLines(doc, n)).map((l) => l.text));
    expect(lines.some((l) => l.endsWith('甲行'))).toBe(true);
    expect(lines).toContain('乙行');
  });
});
