/**
 * The seed's table as the gold file has it (the plugin alone on small inputs, rows with a
 * missing or surplus cell, numbered prose: test/normalise/plugins.test.ts, fixtures/tables/).
 */
import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
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
});
