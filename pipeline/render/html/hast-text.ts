/** The text of a hast node, as a reader sees it. */
import type { Nodes } from 'hast';

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as Nodes)).join('');
  return '';
}
