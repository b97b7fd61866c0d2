import { describe, expect, it } from 'vitest';
import type { List } from 'mdast';
import { publish } from '../../pipeline/publish.js';
import { headings, plain, publication, SEED } from '../helpers.js';

const build = (lines: string[]) => publish(new TextEncoder().encode(['标题', '', '各位代表：', '', ...lines.flatMap((l) => [l, ''])].join('\n')), 'in.txt');

describe('headings', () => {
  it('splits a section title run into its paragraph', () => {
    const tree = publication(SEED).tree;
    const i = tree.children.findIndex((n) => n.type === 'heading' && plain(n) === '（一）重大功能平台建设提速增效');
    expect(tree.children[i]!.data).toMatchObject({ runIn: true, runInStop: '。', id: 'sec-1-1' });
    expect(plain(tree.children[i + 1]!)).toMatch(/^坚决落实市委/);
  });

  it('marks the appendix titles', () => {
    const appendices = publication(SEED).tree.children.filter((n) => n.type === 'heading' && n.data?.appendix).map((n) => plain(n));
    expect(appendices).toEqual(['名词解释', '2024年十件民生实事完成情况', '2025年十件民生实事']);
  });

  it('takes 1. and (1) as headings only when they are short titles standing alone', () => {
    const pub = build(['一、总体情况', '1.加快产业发展', '正文一段。', '（1）培育龙头企业', '正文二段。', '2.大石街水浸点整治方面：改造工程已完成并投入使用。', '3.同步完成排水管网清疏工作。']);
    expect(headings(pub.tree)).toEqual([[1, '一、总体情况'], [3, '1.加快产业发展'], [4, '（1）培育龙头企业']]);
    const list = pub.tree.children.find((n): n is List => n.type === 'list')!;
    expect(list.start).toBe(2);
  });

  it('keeps a numbered list of sentences as a list', () => {
    const pub = build(['一、总体情况', '1.第一项工作已完成。', '2.第二项工作已完成。']);
    const list = pub.tree.children.find((n): n is List => n.type === 'list')!;
    expect(list.children.map((i) => plain(i))).toEqual(['第一项工作已完成。', '第二项工作已完成。']);
    expect(list.data?.delimiter).toBe('.');
  });

  it('joins an appendix label and its title, and numbers inside it from depth 2', () => {
    const pub = build(['一、工作回顾', '正文。', '附件1', '2026年省十件民生实事', '一、提高低保水平。', '正文。', '二、加快建立护理保险制度。', '正文。']);
    expect(headings(pub.tree)).toEqual([[1, '一、工作回顾'], [1, '附件1 2026年省十件民生实事'], [2, '一、提高低保水平'], [2, '二、加快建立护理保险制度']]);
  });

  it('keeps an out-of-sequence part number as a paragraph, with a warning', () => {
    const pub = build(['一、工作回顾', '正文。', '五、突然出现', '正文。']);
    expect(headings(pub.tree)).toEqual([[1, '一、工作回顾']]);
    expect(pub.diagnostics.map(String).join('\n')).toMatch(/in\.txt:9:1: .*part number 5 follows 1/);
  });

  it('warns when a report has no headings at all and keeps it as one section', () => {
    const pub = build(['第一段。', '第二段。']);
    expect(headings(pub.tree)).toEqual([]);
    expect(pub.diagnostics.some((d) => d.ruleId === 'no-headings')).toBe(true);
    expect(pub.tree.children).toHaveLength(3);
  });

  it('does not take 一是 / ——lines for headings', () => {
    const pub = build(['一、工作回顾', '一是协同发展实现新突破。紧紧扭住。', '——综合实力显著增强。五年来。']);
    expect(headings(pub.tree)).toEqual([[1, '一、工作回顾']]);
  });
});
