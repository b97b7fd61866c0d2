/**
 * A list: each item is set as paragraphs, the first opened by the item's number written the
 * way the report writes it (`1.` `1、` `（1）`), with the paragraph's first-line indent, as
 * Chinese documents number their points. A list inside a list is moved in two characters.
 */
import type { List, Parents } from 'mdast';
import { indentFlow, type Flow } from '../flow.js';
import type { State } from '../state.js';

export function list(state: State, node: List, parent?: Parents): Flow {
  const body = state.block(state.paragraph);
  const nested = parent?.type === 'listItem';
  const dx = nested ? 2 * (body.text.size + body.text.characterSpacing) : 0;
  const flow = state.narrowed(dx, () => {
    const out: Flow = [];
    node.children.forEach((item, i) => {
      state.lead = { spans: [{ text: marker(node, i), style: body.text }] };
      out.push(...state.blocks(item));
    });
    return out;
  });
  return indentFlow(flow, dx);
}

function marker(node: List, index: number): string {
  if (!node.ordered) return '• ';
  const n = (node.start ?? 1) + index;
  switch (node.data?.delimiter) {
    case '()':
      return `（${n}）`;
    case '、':
      return `${n}、`;
    default:
      return `${n}.`;
  }
}
