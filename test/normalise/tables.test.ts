import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { publish } from '../../pipeline/publish.js';
import { fold, gold, plain, publication, SEED, walk } from '../helpers.js';

const cells = (table: Table) => table.children.map((row) => row.children.map((cell) => cell.children.map((c) => (c.type === 'break' ? '\n' : plain(c))).join('')));

describe('tables', () => {
  it('rebuilds the seed table exactly as the gold file has it', () => {
    const tables = [...walk(publication(SEED).tree)].filter((n): n is Table => n.type === 'table');
    expect(tables).toHaveLength(1);
    const g = gold('panyu-2025.table.json');
    expect(cells(tables[0]!).map((r) => r.map(fold))).toEqual([g.header, ...g.rows].map((r: string[]) => r.map(fold)));
    expect(tables[0]!.data?.caption).toBe(g.caption);
  });

  it('keeps a multi-line cell as lines (break nodes)', () => {
    const table = [...walk(publication(SEED).tree)].find((n): n is Table => n.type === 'table')!;
    const breaks = [...walk(table)].filter((n) => n.type === 'break');
    expect(breaks.length).toBeGreaterThanOrEqual(5);
  });

  it('warns about a row with a missing cell, with its line, and keeps all text', () => {
    const text = ['各位代表：', '', '一、工作', '', '项目表', '', '序号', '', '名称', '', '内容', '', '1', '', '甲', '', '甲的内容。', '', '2', '', '乙', '', '3', '', '丙', '', '丙的内容。', ''].join('\n');
    const pub = publish(new TextEncoder().encode(text), 'in.txt');
    const table = pub.tree.children.find((n): n is Table => n.type === 'table')!;
    expect(cells(table)).toEqual([['序号', '名称', '内容'], ['1', '甲', '甲的内容。'], ['2', '乙', ''], ['3', '丙', '丙的内容。']]);
    const warning = pub.diagnostics.find((d) => d.ruleId === 'table-row-cells')!;
    expect(String(warning)).toMatch(/^in\.txt:19:1.*row 2 has 2 cells, expected 3/);
  });

  it('keeps surplus cells in the last cell', () => {
    const text = ['序号', '', '名称', '', '1', '', '甲', '', '多余', '', '2', '', '乙', '', '3', '', '丙', ''].join('\n');
    const pub = publish(new TextEncoder().encode('标题\n\n各位代表：\n\n' + text), 'in.txt');
    const table = pub.tree.children.find((n): n is Table => n.type === 'table')!;
    expect(cells(table)).toEqual([['序号', '名称'], ['1', '甲\n多余'], ['2', '乙'], ['3', '丙']]);
  });

  it('does not see a table in numbered prose', () => {
    const text = '各位代表：\n\n1\n\n这是一个很长的段落，里面有句号。\n\n2\n\n另一个段落。\n';
    const pub = publish(new TextEncoder().encode(text), 'in.txt');
    expect(pub.tree.children.some((n) => n.type === 'table')).toBe(false);
  });
});
