/**
 * The second tier: real reports as scraped from fourteen provincial sites and three earlier
 * cases (test/fixtures/corpus, with hand-made gold labels). Each must come out with the gold
 * outline, title, meeting, date, speaker and glossary, its first and last body paragraph, no
 * page-chrome line left as a block of text and no long paragraph printed twice.
 *
 * Two labels are read differently on purpose: the gold's last paragraph of a report that ends
 * in a numbered list or glossary includes the printed number (`10.…`, `[22]…`); the tree keeps
 * that number as structure (list start, glossary anchor) and every writer prints it, so the
 * comparison here leaves a leading entry number out.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { publish } from '../pipeline/publish.js';
import { FIXTURES, fold, han, headings, walk } from './helpers.js';

interface Gold {
  title: string;
  meeting?: string;
  date?: string | null;
  speaker?: string;
  headings: Array<{ depth: number; text: string }>;
  glossary_entries: number;
  body_first: string;
  body_last: string;
  chrome_lines?: string[] | null;
}

const DIR = join(FIXTURES, 'corpus');
const SOURCES: Record<string, string> = {
  baoding_city_2022: join(FIXTURES, 'cases/baoding_city_2022.txt'),
  guangdong_province_2026: join(FIXTURES, 'cases/guangdong_province_2026.txt'),
  hailar_district_2016_gbk: join(FIXTURES, 'cases/hailar_district_2016_gbk.txt'),
};
const REPORTS = readdirSync(DIR)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => f.slice(0, -'.gold.json'.length))
  .map((name) => ({ name, source: SOURCES[name] ?? join(DIR, `${name}.txt`), gold: JSON.parse(readFileSync(join(DIR, `${name}.gold.json`), 'utf8')) as Gold }));

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'defListTerm', 'defListDescription', 'listItem']);
const textOf = (node: Nodes) => toString(node, { includeImageAlt: false });
/** `26.治安“三张图”：治安…` -> `治安“三张图”治安…`: the number and the colon are structure. */
const withoutEntryNumber = (s: string) => (/^(\d{1,3}[.．、]|\[\d{1,3}\])/.test(s) ? s.replace(/^(\d{1,3}[.．、]|\[\d{1,3}\])/, '').replace(/^([^：:]{1,30})[：:]/, '$1') : s);

describe('real reports as scraped', () => {
  it('covers seventeen labelled reports', () => {
    expect(REPORTS).toHaveLength(17);
  });

  describe.each(REPORTS)('$name', ({ name, source, gold }) => {
    const pub = publish(readFileSync(source), `${name}.txt`);
    const meta = pub.meta;
    const blob = fold(JSON.stringify(meta));

    it('has the gold outline', () => {
      const got = headings(pub.tree).map(([depth, text]) => `${depth} ${fold(text)}`);
      expect(got).toEqual(gold.headings.map((h) => `${h.depth} ${fold(h.text)}`));
    });

    it('has the title, meeting, date and speaker', () => {
      const title = fold(meta.title ?? '');
      expect(title.length >= 4 && (fold(gold.title).includes(title) || title.includes(fold(gold.title)))).toBe(true);
      if (gold.meeting) expect(blob).toContain(fold(gold.meeting).slice(0, 14));
      if (gold.date) expect(meta.date).toBe(gold.date);
      if (gold.speaker) expect(meta.speaker?.name).toBe(gold.speaker.split(/\s+/).pop());
    });

    it('has every glossary entry', () => {
      expect([...walk(pub.tree)].filter((n) => n.type === 'defListTerm')).toHaveLength(gold.glossary_entries);
    });

    it('keeps the first and last body paragraphs, and nothing before the first', () => {
      const text = fold(textOf(pub.tree));
      expect(text.startsWith(fold(gold.body_first).slice(0, 12))).toBe(true);
      expect(text).toContain(fold(withoutEntryNumber(gold.body_last)).slice(0, 10));
    });

    it('leaves no page chrome as a block of text', () => {
      const blocks = new Set([...walk(pub.tree)].filter((n) => BLOCKS.has(n.type)).map((n) => fold(textOf(n))));
      expect((gold.chrome_lines ?? []).filter((c) => fold(c) && blocks.has(fold(c)))).toEqual([]);
    });

    it('prints no long paragraph twice', () => {
      const seen = new Map<string, number>();
      for (const n of walk(pub.tree)) if (n.type === 'paragraph' && han(textOf(n)).length >= 30) seen.set(fold(textOf(n)), (seen.get(fold(textOf(n))) ?? 0) + 1);
      expect([...seen].filter(([, k]) => k > 1)).toEqual([]);
    });
  });
});
