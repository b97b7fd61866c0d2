/**
 * Text that looks like markup stays text: HTML tags, entities, Markdown headings, lists, quotes
 * and tables. The files stay well-formed and nothing runs.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../../pipeline/render/html/index.js';
import { SEED, headings, publication, sourceText } from '../../helpers.js';
import { asText, bodyText, elements, freshPublication, parseXml, render } from './support.js';

const EVIL = [
  '<script>alert(1)</script>',
  'A & B < C > D ]]> E &amp; F',
  '# 不是标题',
  '* 不是列表',
  '> 不是引用',
  '| a | b |',
  '<img src="https://example.com/x.png" onerror="alert(2)">',
];

describe('markup-lookalike text in the source', () => {
  const original = sourceText(SEED);
  const anchor = original.indexOf('各位代表');
  const lineEnd = original.indexOf('\n', anchor);
  const evil = original.slice(0, lineEnd + 1) + '\n' + EVIL.map((l) => `${l}\n\n`).join('') + original.slice(lineEnd + 1);
  const pub = freshPublication('/tmp/evil-report.txt', evil);
  const rendered = render(write, pub);

  it('leaves the outline as it was', () => {
    expect(headings(pub.tree)).toEqual(headings(publication(SEED).tree));
  });

  it('keeps every file well-formed and shows the lines as text', async () => {
    const { files } = await rendered;
    const page = asText(files.get('evil-report.html'));
    const doc = parseXml(page, 'evil-report.html');
    const text = bodyText(doc);
    for (const line of ['<script>alert(1)</script>', 'A & B < C > D ]]> E &amp; F', '# 不是标题', '| a | b |', '<img src="https://example.com/x.png" onerror="alert(2)">']) {
      expect(text, line).toContain(line);
    }
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toMatch(/<img\b/);
    expect(elements(doc, 'script')).toEqual([]);
    for (const [path, data] of files) if (path.endsWith('.xhtml')) parseXml(asText(data), path);
  });
});
