/**
 * Stable anchors for headings and glossary terms.
 *
 * Every writer needs the same names for the same places (TOC entries, bookmarks, EPUB nav,
 * glossary links), so they are given once, here, from the heading's position in the outline
 * (`sec-2-3` is the third section of the second part). They are also set as hast properties,
 * so remark-rehype writes them without help.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export function reportIds() {
  return (tree: Root) => {
    const counters = [0, 0, 0, 0, 0, 0];
    for (const node of tree.children) {
      if (node.type !== 'heading') continue;
      counters[node.depth - 1]!++;
      counters.fill(0, node.depth);
      const id = 'sec-' + counters.slice(0, node.depth).map((c) => Math.max(c, 1)).join('-');
      node.data = { ...node.data, id, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    }
    visit(tree, 'defListTerm', (term) => {
      const id = (term.data as { id?: string } | undefined)?.id;
      if (id) term.data = { ...term.data, hProperties: { id } } as typeof term.data;
    });
  };
}
