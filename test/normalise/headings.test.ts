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

describe('shapes of other sites', () => {
  let n = 0;
  /** A paragraph of prose; each one different (a repeated one would read as a second copy). */
  const p = () => `这是第${++n}个完整的段落，说明了过去一年的工作成效，内容较长，以句号结束。`;
  it('takes part titles printed without numbers as parts, with numbered parts inside one level down', () => {
    const pub = build([p(), '“十四五”时期发展成就和2025年工作回顾', p(), '“十五五”时期主要目标和2026年重点工作', p(), '一、加快建设现代化产业体系', p(), '（一）做强实体经济。' + p(), '二、持续深化改革', p()]);
    expect(headings(pub.tree)).toEqual([[1, '“十四五”时期发展成就和2025年工作回顾'], [1, '“十五五”时期主要目标和2026年重点工作'], [2, '一、加快建设现代化产业体系'], [3, '（一）做强实体经济'], [2, '二、持续深化改革']]);
  });

  it('puts sections right under unnumbered parts when the report numbers nothing else', () => {
    const pub = build([p(), '“十四五”时期工作回顾', p(), '2026年重点工作', p(), '（一）放大促消费扩投资政策效应', p()]);
    expect(headings(pub.tree)).toEqual([[1, '“十四五”时期工作回顾'], [1, '2026年重点工作'], [2, '（一）放大促消费扩投资政策效应']]);
  });

  it('keeps one stray title-like line as a paragraph', () => {
    const pub = build(['一、工作回顾', p(), '稳增长政策措施加快落地见效', p()]);
    expect(headings(pub.tree)).toEqual([[1, '一、工作回顾']]);
  });

  it('joins a heading the page cut after its opening bracket', () => {
    const pub = publish(new TextEncoder().encode(['各位代表：', '一、工作回顾', '（', '一）改革开放持续深化、互促共进。', p()].join('\n')), 'in.txt');
    expect(headings(pub.tree)).toEqual([[1, '一、工作回顾'], [2, '（一）改革开放持续深化、互促共进']]);
  });

  it('reads an appendix label on its own line and a 名词注释 glossary of `1.term：definition` lines', () => {
    const pub = publish(new TextEncoder().encode(['各位代表：', '一、工作回顾', p(), '附件', '《政府工作报告》有关内容名词注释', '1.“四级三类”：国土空间规划体系。', '2.GEP核算：生态系统生产总值核算。'].join('\n')), 'in.txt');
    expect(headings(pub.tree)).toEqual([[1, '一、工作回顾'], [1, '附件 《政府工作报告》有关内容名词注释']]);
    const terms = [...walkAll(pub.tree)].filter((n) => n.type === 'defListTerm').map((n) => plain(n));
    expect(terms).toEqual(['“四级三类”', 'GEP核算']);
  });
});

function* walkAll(node: import('mdast').Nodes): Generator<import('mdast').Nodes> {
  yield node;
  if ('children' in node) for (const c of node.children) yield* walkAll(c as import('mdast').Nodes);
}
