/**
 * The summary's facts on every real report the project holds: the seed, the fourteen
 * provincial reports of test/fixtures/corpus and the three cases. Each gives the year's
 * results and targets a newsroom digest would show (at least six results, the seed eight, and
 * five targets), a plan year, and every fact's text verbatim in the sentence its provenance
 * names, that sentence being in the report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from '../../pipeline/publish.js';
import { FIXTURES, fold, SEED, sourceText } from '../helpers.js';

const CORPUS = join(FIXTURES, 'corpus');
const REPORTS = [
  { name: 'panyu-2025', path: SEED, results: 8 },
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f.slice(0, -4), path: join(CORPUS, f), results: 6 })),
  ...readdirSync(join(FIXTURES, 'cases')).map((f) => ({ name: f.slice(0, -4), path: join(FIXTURES, 'cases', f), results: 6 })),
];

describe('the summary\'s facts on real reports', () => {
  it('covers the seed and seventeen reports', () => {
    expect(REPORTS).toHaveLength(18);
  });

  describe.each(REPORTS)('$name', ({ path, results }) => {
    const f = publish(readFileSync(path), path).figures;
    const source = fold(sourceText(path));

    it('gives the year\'s results, targets and plan year', () => {
      expect(f.indicators.length).toBeGreaterThanOrEqual(results);
      expect(f.targets.length).toBeGreaterThanOrEqual(5);
      expect(f.planYear).toMatch(/^\d{4}$/);
      expect(f.priorities.length).toBeGreaterThan(0);
    });

    it('gives one result and one target per indicator', () => {
      expect(new Set(f.indicators.map((i) => i.name)).size).toBe(f.indicators.length);
      expect(new Set(f.targets.map((t) => t.name)).size).toBe(f.targets.length);
    });

    it('finds every fact verbatim in its sentence, and the sentence in the report', () => {
      const facts = [
        ...f.indicators.map((i) => ({ text: i.text, from: i.from })),
        ...f.targets.map((t) => ({ text: t.target, from: t.from })),
        ...f.projects.map((p) => ({ text: p.text, from: p.from })),
      ];
      for (const { text, from } of facts) {
        expect(from.sentence.slice(from.start, from.end)).toBe(text);
        expect(source).toContain(fold(text));
        // The sentence as the tree has it: punctuation made full width, note markers left out.
        expect(source.replace(/[，,]/g, '')).toContain(fold(from.sentence).replace(/[，,]/g, '').slice(0, 12));
      }
    });
  });
});
