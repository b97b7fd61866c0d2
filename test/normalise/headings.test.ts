/**
 * Headings on the seed and on shapes of other sites, through the whole pipeline (the plugin
 * alone on small inputs: test/normalise/plugins.test.ts, fixtures/headings/).
 */
import { describe, expect, it } from 'vitest';
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
});

describe('shapes of other sites', () => {
  let n = 0;
  /** A paragraph of prose; each one different (a repeated one would read as a second copy). */
  const p = () => `这是第${++n}个完整的段落，说明了过去一年的工作成效，内容较长，以句号结束。`;
  it('puts sections right under unnumbered parts when the report numbers nothing else', () => {
    const pub = build([p(), '“十四五”时期工作回顾', p(), '2026年重点工作', p(), '（一）放大促消费扩投资政策效应', p()]);
    expect(headings(pub.tree)).toEqual([[1, '“十四五”时期工作回顾'], [1, '2026年重点工作'], [2, '（一）放大促消费扩投资政策效应']]);
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
