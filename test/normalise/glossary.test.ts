import { describe, expect, it } from 'vitest';
import type { Link } from 'mdast';
import { CASES, fold, gold, plain, publication, SEED, walk } from '../helpers.js';
import type { DefListNode } from '../../pipeline/model.js';

const unquote = (s: string) => fold(s).replace(/[“”"‘’「」]/g, '');

describe('glossary', () => {
  const tree = publication(SEED).tree;
  const list = [...walk(tree)].find((n) => n.type === 'defList') as DefListNode;

  it('turns 名词解释 into a definition list with the gold terms and definitions', () => {
    const g = gold('panyu-2025.glossary.json');
    const terms = list.children.filter((c) => c.type === 'defListTerm').map((t) => plain(t as never));
    const defs = list.children.filter((c) => c.type === 'defListDescription').map((d) => plain(d as never));
    expect(terms.map(unquote)).toEqual(g.entries.map((e: any) => unquote(e.term)));
    expect(defs.map(fold)).toEqual(g.entries.map((e: any) => fold(e.definition)));
  });

  it('links the first use of each term in the body to its entry', () => {
    const links = [...walk(tree)].filter((n): n is Link => n.type === 'link' && !!n.data?.glossary);
    const numbers = links.map((l) => l.data!.glossary);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(20);
    for (const link of links) expect(link.url).toBe(`#gloss-${link.data!.glossary}`);
    const first = links.find((l) => l.data!.glossary === 1)!;
    expect(plain(first)).toBe('“两轴两带”');
  });

  it.each(CASES.slice(1))('finds the number of entries gold gives for $name', (c) => {
    const g = gold(`${c.gold}.outline.json`);
    const lists = [...walk(publication(c.path).tree)].filter((n) => n.type === 'defList') as DefListNode[];
    const count = lists.reduce((n, l) => n + l.children.filter((x) => x.type === 'defListTerm').length, 0);
    expect(count).toBe(g.glossary_entries);
  });

  it('turns the report’s own note markers ^[n] into references', () => {
    const tree = publication(CASES[1]!.path).tree;
    const notes = [...walk(tree)].filter((n): n is Link => n.type === 'link' && !!n.data?.noteref);
    expect(notes.length).toBe(22);
    expect(plain(tree)).not.toContain('^[');
  });
});

