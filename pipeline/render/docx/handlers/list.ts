/**
 * Lists: the first paragraph of each item carries the list's numbering; later paragraphs of
 * the item and nested lists follow in order (a nested list one level deeper).
 */
import { Paragraph, type FileChild } from 'docx';
import type { List, ListItem } from 'mdast';
import type { BlockHandler, State, Where } from '../types.js';

export const list: BlockHandler<List> = (state, node, where): FileChild[] => {
  const level = where.listLevel ?? 0;
  const numbering = state.lists.start(node.ordered === true, node.data?.delimiter, node.start ?? 1);
  const out: FileChild[] = [];
  for (const item of node.children) out.push(...listItem(state, item, { ...where, listLevel: level }, { ...numbering, level }));
  return out;
};

function listItem(state: State, item: ListItem, where: Where, numbering: { reference: string; instance: number; level: number }): FileChild[] {
  const [first, ...rest] = item.children;
  const out: FileChild[] = [];
  if (first?.type === 'paragraph') {
    out.push(
      new Paragraph({
        ...(where.style ? { style: where.style } : {}),
        // custom: no ListParagraph style, the item keeps the container's (Normal's) look.
        numbering: { ...numbering, custom: true },
        children: state.inline(first.children),
      }),
    );
  } else if (first) {
    rest.unshift(first);
  }
  out.push(...state.blocks(rest, { ...(where.style ? { style: where.style } : {}), listLevel: (where.listLevel ?? 0) + 1 }));
  return out;
}
