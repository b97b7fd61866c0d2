import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { publish } from '../../pipeline/publish.js';
import { plain } from '../helpers.js';

const build = (lines: string[]) => publish(new TextEncoder().encode(['各位代表：', ...lines].join('\n')), 'in.txt').tree;
let n = 0;
const p = () => `第${++n}段正文，全省上下坚持稳中求进工作总基调，取得了新的成效。`;

describe('bold lead sentences cut onto their own line', () => {
  it('open the paragraph after them as a bold lead when a series shares their opening', () => {
    const tree = build(['一、工作回顾', p(), '一是经济运行稳中有进。', p(), '二是改革开放持续深化。', p()]);
    const leads = tree.children.filter((c): c is Paragraph => c.type === 'paragraph' && c.children[0]?.type === 'strong');
    expect(leads.map((c) => plain(c.children[0]!))).toEqual(['一是经济运行稳中有进。', '二是改革开放持续深化。']);
    expect(plain(leads[0]!)).toMatch(/^一是经济运行稳中有进。第\d+段正文/);
  });

  it('leave a lone short sentence, and the first paragraph under a heading, as paragraphs', () => {
    const tree = build(['一、工作回顾', '主要做了以下工作。', p(), '（一）稳增长', '坚持扩大内需。', p(), '（二）促改革', '坚持深化改革。', p()]);
    expect(tree.children.some((c) => c.type === 'paragraph' && c.children[0]?.type === 'strong')).toBe(false);
  });
});
