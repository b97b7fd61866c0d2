/**
 * Headings: `h1`..`h4` by depth, with the anchor the normaliser gave (data.hProperties.id).
 * With `headings.numbering: strip` the report's own numbering (一、 （一） 1. （1）) is left
 * out of the printed heading; the tree keeps it.
 */
import type { Element, ElementContent } from 'hast';
import type { Heading } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';
import { ITEM, PART, SECTION, SUBITEM } from '../../../genre/markers.js';

const NUMBERING = [PART, SECTION, SUBITEM, ITEM];

export function heading(options: { stripNumbering: boolean }): Handler {
  return (state, node: Heading) => {
    const children = state.all(node);
    if (options.stripNumbering) stripNumbering(children);
    // The class carries the depth, so the web page can shift its tags one level down (under the
    // page's own h1) and still get the same look.
    const result: Element = { type: 'element', tagName: `h${node.depth}`, properties: { className: [`depth-${node.depth}`] }, children };
    state.patch(node, result);
    return state.applyData(node, result);
  };
}

/** Removes a leading number from the first text of a heading (in place). */
export function stripNumbering(children: ElementContent[]): void {
  const first = children[0];
  if (!first || first.type !== 'text') return;
  for (const pattern of NUMBERING) {
    const m = pattern.exec(first.value);
    // Never strip a heading down to nothing.
    if (m && m[0].length < first.value.length) {
      first.value = first.value.slice(m[0].length);
      return;
    }
  }
}
