/**
 * Tables: a real `<table>` with its caption, the first row as `<thead>` of `<th scope="col">`,
 * the rest as `<tbody>`, inside a wrapper that scrolls sideways on a narrow screen instead of
 * squeezing CJK text to one character a line.
 *
 * Written out rather than taken from mdast-util-to-hast: its row handler drops cells beyond
 * the alignment row and writes the `align` attribute, which HTML5 (and so epubcheck) rejects.
 * Here a short row is padded with empty cells and a long one keeps every cell.
 */
import type { Element, ElementContent } from 'hast';
import type { AlignType, Nodes, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Handler, State } from 'mdast-util-to-hast';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

export function table(): Handler {
  return (state, node: Table, parent) => {
    const columns = Math.max(node.align?.length ?? 0, ...node.children.map((r) => r.children.length));
    const [head, ...body] = node.children;
    const parts: ElementContent[] = [];
    const caption = node.data?.caption;
    if (caption) {
      // Often the caption is the heading right above: then it is there for screen readers and
      // the table's own accessible name, but not printed twice.
      const siblings = (parent?.children ?? []) as Nodes[];
      const before = siblings[siblings.indexOf(node) - 1];
      const repeats = before?.type === 'heading' && toString(before).trim() === caption.trim();
      parts.push(el('caption', repeats ? { className: ['repeats-heading'] } : {}, [{ type: 'text', value: caption }]));
    }
    if (head) parts.push(el('thead', {}, [row(state, head, columns, node.align, true)]));
    if (body.length) parts.push(el('tbody', {}, body.map((r) => row(state, r, columns, node.align, false))));
    const result = el('table', {}, parts);
    state.patch(node, result);
    const applied = state.applyData(node, result);
    const wrapper: Element['properties'] = { className: ['table-wrap'], tabIndex: 0 };
    if (caption) Object.assign(wrapper, { role: 'region', ariaLabel: caption });
    return el('div', wrapper, [applied]);
  };
}

function row(state: State, node: TableRow, columns: number, align: Table['align'], header: boolean): Element {
  const cells: ElementContent[] = [];
  for (let i = 0; i < columns; i++) {
    const cell = node.children[i];
    const properties: Element['properties'] = header ? { scope: 'col' } : {};
    const a: AlignType | undefined = align?.[i];
    if (a) properties.className = [`align-${a}`];
    const result = el(header ? 'th' : 'td', properties, cell ? state.all(cell) : []);
    if (cell) state.patch(cell, result);
    cells.push(cell ? state.applyData(cell, result) : result);
  }
  const result = el('tr', {}, cells);
  state.patch(node, result);
  return state.applyData(node, result);
}
