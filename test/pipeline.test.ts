/**
 * The whole of read -> parse -> normalise on the four real reports, against the hand-made
 * gold labels: outline, metadata, and nothing of the body lost.
 */
import { describe, expect, it } from 'vitest';
import { CASES, bodyLines, coverage, fold, gold, han, headings, metaText, plain, publication } from './helpers.js';

describe.each(CASES)('$name', (c) => {
  const pub = publication(c.path);
  const g = gold(`${c.gold}.outline.json`);

  it('has the gold outline: every heading, its depth and text, in order', () => {
    expect(headings(pub.tree).map(([d, t]) => [d, fold(t)])).toEqual(g.headings.map((h: any) => [h.depth, fold(h.text)]));
  });

  it('has the gold title, meeting and speaker in its metadata', () => {
    expect(fold(pub.meta.title ?? '')).toBe(fold(g.title));
    if (g.meeting) expect(fold(pub.meta.subtitle ?? '')).toBe(fold(g.meeting));
    if (g.speaker) expect(fold(`${pub.meta.speaker?.role} ${pub.meta.speaker?.name}`)).toBe(fold(g.speaker));
    expect(pub.meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps every body paragraph, in order (Han characters as a subsequence)', () => {
    const stream = han(metaText(pub) + plain(pub.tree));
    const { hit, total, missing } = coverage(bodyLines(c), stream);
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
  });

  it('starts and ends the body where the gold says', () => {
    if (!g.body_first) return;
    const first = pub.tree.children[0]!;
    expect(fold(plain(first))).toBe(fold(g.body_first));
    // The glossary drops an entry's number from its term (it becomes the anchor).
    const last = fold(g.body_last).replace(/^(\[\d+\]|\d+[.、])/, '').replace(/[:：]/, '');
    expect(fold(plain(pub.tree)).includes(last), `body ends with ${last}`).toBe(true);
  });

  it('parses without errors', () => {
    expect(pub.diagnostics.filter((d) => d.fatal)).toEqual([]);
  });
});
