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

describe('glossary entries numbered with circled digits', () => {
  it('reads ① ② entries', async () => {
    const { publish } = await import('../../pipeline/publish.js');
    const text = '标题\n\n各位代表：\n\n一、工作\n\n正文提到双千工程和三保。\n\n名词解释\n\n①双千工程：每年招商一千个项目。\n\n②三保：保基本民生、保工资、保运转。\n';
    const pub = publish(new TextEncoder().encode(text), 'x.txt');
    const list = [...walk(pub.tree)].find((n) => n.type === 'defList') as DefListNode;
    expect(list.children.filter((c) => c.type === 'defListTerm').map((t) => plain(t as never))).toEqual(['双千工程', '三保']);
    expect(list.children[2]!.data).toMatchObject({ id: 'gloss-2' });
  });
});

describe('bare [n] note markers', () => {
  it('link to the entries they number, and only to those', async () => {
    const { publish } = await import('../../pipeline/publish.js');
    const text = '标题\n\n各位代表：\n\n一、工作\n\n实施双千工程[1]，兜牢三保[2]底线，见文献[9]。\n\n名词解释\n\n[1]双千工程：每年招商一千个项目。\n\n[2]三保：保基本民生、保工资、保运转。\n';
    const pub = publish(new TextEncoder().encode(text), 'x.txt');
    const notes = [...walk(pub.tree)].filter((n): n is Link => n.type === 'link' && !!n.data?.noteref);
    expect(notes.map((n) => n.url)).toEqual(['#gloss-1', '#gloss-2']);
    expect(plain(pub.tree)).toContain('见文献[9]');
  });
});
