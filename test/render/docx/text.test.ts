/**
 * Nothing of the report is lost on the way to Word: the document's text, read from the XML,
 * holds every body line of every fixture in order (Han characters as a subsequence, the
 * acceptance measure), and matches the normalised tree paragraph by paragraph.
 */
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CASES, bodyLines, coverage, fold, han, publication } from '../../helpers.js';
import { elements, paragraphText, render } from './helpers.js';

describe.each(CASES)('$name', (c) => {
  const pub = publication(c.path);

  it.each(['default', 'official'])('keeps every body line, in order (%s template)', async (name) => {
    const doc = (await render(pub, name)).xml('word/document.xml');
    const stream = han(elements(doc, 'p').map(paragraphText).join('\n'));
    const { hit, total, missing } = coverage(bodyLines(c), stream);
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
  });

  it('has the normalised text of each block, in order', async () => {
    const doc = (await render(pub, 'default')).xml('word/document.xml');
    const body = elements(doc, 'body')[0]!;
    const text = fold(elements(body, 'p').map(paragraphText).join(''));
    let at = 0;
    for (const block of pub.tree.children) {
      const want = fold(toString(block as Nodes));
      if (!want) continue;
      // Each block's text appears whole after the previous one (headings may gain a full stop).
      const found = text.indexOf(want.replace(/。$/, ''), at);
      expect(found, want.slice(0, 20)).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });
});
