/**
 * The handlers on hand-made trees: every mdast type a Markdown source can bring, unknown types
 * reported with their text kept, lists as Word numbering, run-in headings, links, footnotes,
 * captions, layout switches (numbering strip, runIn never), metadata gaps.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { ROOT } from '../../helpers.js';
import { attr, child, elements, pStyle, paragraphText, render, synthetic } from './helpers.js';

type Block = Root['children'][number];
const p = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const h = (depth: 1 | 2 | 3 | 4, value: string, data: object = {}): Block => ({ type: 'heading', depth, children: [{ type: 'text', value }], data: { id: `sec-${value.length}`, ...data } });

/** A template folder extending default with some keys changed. */
function variant(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-docx-tpl-'));
  writeFileSync(join(dir, 'layout.yaml'), `extends: ${join(ROOT, 'templates/default')}\n${yaml}`);
  return dir;
}

describe('docx handlers', () => {
  it('reports a node type it has no handler for, once, and keeps its text', async () => {
    const odd = { type: 'mystery', children: [{ type: 'text', value: '神秘内容' }] } as unknown as Block;
    const out = await render(synthetic([odd, odd, p('正文')]));
    expect(out.warnings).toEqual(['docx: no handler for mystery nodes; their text is kept as plain text']);
    const texts = elements(out.xml('word/document.xml'), 'p').map(paragraphText);
    expect(texts.filter((t) => t === '神秘内容').length).toBe(2);
  });

  it('leaves out raw HTML and front matter on purpose, without a warning', async () => {
    const out = await render(synthetic([{ type: 'html', value: '<div>x</div>' }, { type: 'yaml', value: 'a: 1' } as Block, p('正文')]));
    expect(out.warnings).toEqual([]);
    expect(out.text('word/document.xml')).not.toContain('&lt;div');
  });

  it('writes lists as Word numbering in the report’s own delimiter, from their start, nested lists a level down', async () => {
    const item = (value: string, more: Block[] = []) => ({ type: 'listItem' as const, children: [p(value) as never, ...(more as never[])] });
    const nested: Block = { type: 'list', ordered: true, start: 1, data: { delimiter: '()' }, children: [item('子项')] };
    const list: Block = { type: 'list', ordered: true, start: 3, data: { delimiter: '、' }, children: [item('第三项'), item('第四项', [nested])] };
    const out = await render(synthetic([list, { type: 'list', ordered: false, children: [item('要点')] }]));
    const numbering = out.text('word/numbering.xml');
    expect(numbering).toContain('w:val="%1、"');
    expect(numbering).toContain('w:val="（%1）"');
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
    const doc = out.xml('word/document.xml');
    const items = elements(doc, 'p').filter((x) => child(child(x, 'pPr'), 'numPr'));
    expect(items.map(paragraphText)).toEqual(['第三项', '第四项', '子项', '要点']);
    expect(items.map((x) => attr(child(child(child(x, 'pPr'), 'numPr'), 'ilvl'), 'val'))).toEqual(['0', '0', '1', '0']);
    // The items keep the body's look: no ListParagraph style.
    expect(items.every((x) => pStyle(x) === null)).toBe(true);
  });

  it('runs a run-in heading into its paragraph with a hidden paragraph mark and restores its full stop', async () => {
    const out = await render(synthetic([h(2, '（一）标题', { runIn: true }), p('正文。')]));
    const heading = elements(out.xml('word/document.xml'), 'p').find((x) => pStyle(x) === 'Heading2')!;
    expect(paragraphText(heading)).toBe('（一）标题。');
    const mark = child(child(heading, 'pPr'), 'rPr');
    expect(child(mark, 'vanish')).toBeDefined();
    expect(child(mark, 'specVanish')).toBeDefined();
  });

  it('sets every heading on its own line with runIn: never, and strips the numbering with numbering: strip', async () => {
    const tpl = variant('headings: {numbering: strip, runIn: never}\n');
    const out = await render(synthetic([h(1, '一、总体要求'), h(2, '（一）标题', { runIn: true }), p('正文。')]), tpl);
    const heads = elements(out.xml('word/document.xml'), 'p').filter((x) => /^Heading/.test(pStyle(x) ?? ''));
    expect(heads.map(paragraphText)).toEqual(['总体要求', '标题']);
    expect(child(child(heads[1], 'pPr'), 'rPr')).toBeUndefined();
    // The contents entries are stripped the same way.
    const toc = elements(out.xml('word/document.xml'), 'p').filter((x) => /^TOC\d$/.test(pStyle(x) ?? ''));
    expect(toc.map((x) => paragraphText(x).trim())).toEqual(['总体要求', '标题']);
  });

  it('turns glossary links into internal hyperlinks: a phrase underlined, a note marker raised', async () => {
    const para: Block = {
      type: 'paragraph',
      children: [
        { type: 'link', url: '#gloss-1', data: { glossary: 1 }, children: [{ type: 'text', value: '专精特新' }] },
        { type: 'text', value: '企业' },
        { type: 'link', url: '#gloss-2', data: { glossary: 2, noteref: true }, children: [{ type: 'text', value: '[2]' }] },
      ],
    };
    const list: Block = {
      type: 'defList',
      children: [
        { type: 'defListTerm', data: { id: 'gloss-1' }, children: [{ type: 'text', value: '专精特新' }] },
        { type: 'defListDescription', children: [p('定义一') as never] },
        { type: 'defListTerm', data: { id: 'gloss-2' }, children: [{ type: 'text', value: '三保' }] },
        { type: 'defListDescription', children: [p('定义二') as never] },
      ],
    } as Block;
    const out = await render(synthetic([para, h(1, '名词解释'), list]));
    const doc = out.xml('word/document.xml');
    const links = elements(doc, 'hyperlink');
    expect(links.map((l) => attr(l, 'anchor'))).toEqual(expect.arrayContaining(['gloss_1', 'gloss_2']));
    const styleOf = (l: (typeof links)[number]) => attr(child(child(elements(l, 'r')[0], 'rPr'), 'rStyle'), 'val');
    expect(links.filter((l) => attr(l, 'anchor')?.startsWith('gloss_')).map(styleOf)).toEqual(['GlossaryReference', 'GlossaryNoteReference']);
    const terms = elements(doc, 'p').filter((x) => pStyle(x) === 'GlossaryTerm');
    expect(terms.map((t) => attr(elements(t, 'bookmarkStart')[0], 'name'))).toEqual(['gloss_1', 'gloss_2']);
    expect(elements(doc, 'p').filter((x) => pStyle(x) === 'GlossaryDefinition').map(paragraphText)).toEqual(['定义一', '定义二']);
  });

  it('writes web links as external hyperlinks with a relationship', async () => {
    const out = await render(synthetic([{ type: 'paragraph', children: [{ type: 'link', url: 'https://www.gov.cn/', children: [{ type: 'text', value: '中国政府网' }] }] }]));
    const link = elements(out.xml('word/document.xml'), 'hyperlink')[0]!;
    const id = link.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    expect(id).toMatch(/^rId\d+$/);
    expect(out.text('word/_rels/document.xml.rels')).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"`);
  });

  it('renders strong, emphasis, delete, inline code, code blocks, quotations and rules', async () => {
    const out = await render(
      synthetic([
        { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: '粗' }] }, { type: 'emphasis', children: [{ type: 'text', value: '斜' }] }, { type: 'delete', children: [{ type: 'text', value: '删' }] }, { type: 'inlineCode', value: 'x=1' }] },
        { type: 'code', value: 'a\nb' },
        { type: 'blockquote', children: [p('引文')] },
        { type: 'thematicBreak' },
      ]),
    );
    expect(out.warnings).toEqual([]);
    const xml = out.text('word/document.xml');
    expect(xml).toMatch(/<w:b\/>.*粗/);
    expect(xml).toMatch(/<w:i\/>.*斜/);
    expect(xml).toMatch(/<w:strike\/>.*删/);
    const all = elements(out.xml('word/document.xml'), 'p');
    const paras = all.slice(all.findIndex((x) => paragraphText(x).startsWith('粗')));
    expect(paras.map(paragraphText)).toEqual(['粗斜删x=1', 'a', 'b', '引文', '']);
    expect(pStyle(paras[3]!)).toBe('Quote');
  });

  it('writes GFM footnotes as Word footnotes', async () => {
    const out = await render(
      synthetic([
        { type: 'paragraph', children: [{ type: 'text', value: '正文' }, { type: 'footnoteReference', identifier: 'a', label: 'a' }] },
        { type: 'footnoteDefinition', identifier: 'a', label: 'a', children: [p('脚注内容') as never] },
      ]),
    );
    expect(out.warnings).toEqual([]);
    expect(out.text('word/document.xml')).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(out.text('word/footnotes.xml')).toContain('脚注内容');
    expect(out.text('word/document.xml')).not.toContain('脚注内容');
  });

  it('prints a table caption unless the line above already says it, and follows column alignment', async () => {
    const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
    const table = (caption: string): Block => ({
      type: 'table',
      align: [null, 'right'],
      data: { caption },
      children: [{ type: 'tableRow', children: [cell('项目'), cell('金额')] }, { type: 'tableRow', children: [cell('甲'), cell('12')] }],
    });
    const out = await render(synthetic([h(1, '附表'), table('附表'), p('说明'), table('主要指标')]));
    const doc = out.xml('word/document.xml');
    expect(elements(doc, 'p').filter((x) => pStyle(x) === 'Caption').map(paragraphText)).toEqual(['主要指标']);
    const right = elements(elements(doc, 'tbl')[0]!, 'p').filter((x) => attr(child(child(x, 'pPr'), 'jc'), 'val') === 'right');
    expect(right.map(paragraphText)).toEqual(['12']);
  });

  it('leaves out cover lines and properties the metadata lacks, and writes the title as text (not HTML)', async () => {
    const out = await render(synthetic([p('正文')], { title: 'A&B 报告' }));
    const doc = out.xml('word/document.xml');
    const cover = elements(doc, 'p').filter((x) => ['Title', 'Subtitle', 'Speaker'].includes(pStyle(x) ?? ''));
    expect(cover.map(paragraphText)).toEqual(['A&B 报告']);
    const core = out.text('docProps/core.xml');
    expect(core).toContain('<dc:title>A&amp;B 报告</dc:title>');
    expect(core).not.toMatch(/<dc:creator>[^<]/);
    expect(core).not.toContain('Un-named');
    expect(core).not.toContain('<dc:subject>');
    const header = Object.keys(out.parts).filter((x) => /^word\/header\d+\.xml$/.test(x)).map((x) => out.text(x)).join('');
    expect(header).toContain('A&amp;B 报告');
    expect(header).not.toContain('&amp;amp;');
  });

  it.each([
    ['cover: {enabled: false}\n', ['Title', 'TOCHeading'], 2],
    ['toc: {enabled: false}\n', ['Title', 'Heading1'], 2],
    ['cover: {enabled: false}\ntoc: {enabled: false}\n', ['Title', 'Heading1'], 1],
  ])('lays out the front matter as the layout says (%s)', async (yaml, order, sections) => {
    const out = await render(synthetic([h(1, '一、总体要求'), p('正文')]), variant(yaml));
    const doc = out.xml('word/document.xml');
    expect(elements(doc, 'sectPr').length).toBe(sections);
    const styles = elements(doc, 'p').map(pStyle);
    // The title comes first, then the contents title (or the body).
    expect(styles[0]).toBe(order[0]);
    expect(styles.slice(1).find((s) => s !== 'Subtitle' && s !== 'Speaker')).toBe(order[1]);
  });

  it('renders an empty report, without a contents page when there are no headings', async () => {
    const out = await render(synthetic([], {}));
    expect(out.warnings).toEqual([]);
    expect(elements(out.xml('word/document.xml'), 'sdt').length).toBe(0);
    // No metadata, no cover: a single section.
    expect(elements(out.xml('word/document.xml'), 'sectPr').length).toBe(1);
    expect(elements(out.xml('word/document.xml'), 'sectPr').length).toBeGreaterThan(0);
  });
});
