/**
 * Node types: the genre's own (run-in headings, numbered lists, tables with odd rows) render
 * as the layout says; a node type the writer does not know is reported and its text kept.
 */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Publication } from '../../../pipeline/model.js';
import { emptyFigures } from '../../../pipeline/model.js';
import { write } from '../../../pipeline/render/html/index.js';
import { asText, bodyText, elements, parseXml, render } from './support.js';

function pub(tree: Root): Publication {
  return { name: 'tiny', path: 'tiny.txt', tree, meta: { title: '测试报告' }, figures: emptyFigures(), diagnostics: [] };
}

const t = (value: string) => ({ type: 'text' as const, value });

describe('node handling', () => {
  it('reports node types it does not render and keeps their text', async () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [t('开头。')] },
        { type: 'html', value: '<div>原样</div>' },
        { type: 'mystery', children: [t('神秘内容')] },
        { type: 'paragraph', children: [t('行内'), { type: 'sparkle', value: '闪光' }, { type: 'image', url: 'https://example.com/a.png', alt: '图片说明' }] },
        { type: 'definition', identifier: 'x', url: 'https://example.com' },
      ],
    } as unknown as Root;
    const { files, warnings } = await render(write, pub(tree));
    const doc = parseXml(asText(files.get('html/opening.xhtml')), 'opening.xhtml');
    const text = bodyText(doc);
    for (const kept of ['开头。', '<div>原样</div>', '神秘内容', '闪光', '图片说明']) expect(text).toContain(kept);
    expect(elements(doc, 'img')).toEqual([]);
    const said = warnings.join('\n');
    for (const type of ['html', 'mystery', 'sparkle', 'image', 'definition']) expect(said).toContain(`${type} nodes`);
  });

  it('replaces characters XML cannot carry, and says so', async () => {
    // The read stage removes them from sources; a tree from elsewhere may still hold them.
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [t('控制\u000c字符\u0001在此\ud800。')] }] } as unknown as Root;
    const { files, warnings } = await render(write, pub(tree));
    const doc = parseXml(asText(files.get('html/opening.xhtml')), 'opening.xhtml');
    expect(bodyText(doc)).toContain('控制\uFFFD字符\uFFFD在此\uFFFD。');
    expect(warnings.join('\n')).toMatch(/U\+FFFD \(3 times\)/);
  });

  it('runs a run-in heading into its paragraph and keeps the list numbering style', async () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [t('一、第一部分')], data: { id: 'sec-1', hProperties: { id: 'sec-1' } } },
        { type: 'heading', depth: 2, children: [t('（一）小标题')], data: { id: 'sec-1-1', runIn: true, hProperties: { id: 'sec-1-1' } } },
        { type: 'paragraph', children: [t('正文紧随其后。')] },
        { type: 'list', ordered: true, start: 3, data: { delimiter: '()' }, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [t('第三项')] }] }] },
        { type: 'table', align: [null, null], children: [
          { type: 'tableRow', children: [{ type: 'tableCell', children: [t('甲')] }, { type: 'tableCell', children: [t('乙')] }] },
          { type: 'tableRow', children: [{ type: 'tableCell', children: [t('1')] }, { type: 'tableCell', children: [t('2')] }, { type: 'tableCell', children: [t('多出的格')] }] },
        ] },
      ],
    } as unknown as Root;
    const { files } = await render(write, pub(tree));
    const doc = parseXml(asText(files.get('html/sec-1.xhtml')), 'sec-1.xhtml');
    const runIn = elements(doc, 'div').find((d) => d.getAttribute('class') === 'run-in')!;
    expect(elements(runIn, 'h2')[0]!.textContent).toBe('（一）小标题');
    expect(elements(runIn, 'p')[0]!.textContent).toBe('正文紧随其后。');
    // The stop the source had is the heading's own attribute, where the stylesheet's attr() reads it.
    expect(elements(runIn, 'h2')[0]!.getAttribute('data-stop')).toBe('。');
    expect(asText(files.get('html/style.css'))).toMatch(/\.run-in > \[data-stop\]::after \{ content: attr\(data-stop\); \}/);
    const ol = elements(doc, 'ol')[0]!;
    expect(ol.getAttribute('start')).toBe('3');
    expect(ol.getAttribute('class')).toContain('marker-paren');
    // No cell is dropped, and no obsolete align attribute is written.
    expect(bodyText(doc)).toContain('多出的格');
    expect(elements(doc, 'th').length).toBe(3);
    expect(asText(files.get('html/sec-1.xhtml'))).not.toMatch(/\balign="/);
  });
});
