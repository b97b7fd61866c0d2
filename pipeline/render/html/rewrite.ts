/**
 * Copy-on-write changes to a converted tree. The hast is shared by the EPUB-ready files and
 * the web page (and memoised across writers), so it is never edited in place: `rewrite`
 * copies only the nodes that change and the path down to them.
 */
import type { Element, ElementContent } from 'hast';

export type Change = (element: Element) => Element | undefined;

export function rewrite(nodes: ElementContent[], change: Change): ElementContent[] {
  let changed = false;
  const out = nodes.map((node) => {
    const next = rewriteOne(node, change);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? out : nodes;
}

function rewriteOne(node: ElementContent, change: Change): ElementContent {
  if (node.type !== 'element') return node;
  const self = change(node) ?? node;
  const children = rewrite(self.children, change);
  return children === self.children ? self : { ...self, children };
}

/** Ids of every element, in document order. */
export function ids(nodes: ElementContent[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.properties.id !== undefined) into.push(String(node.properties.id));
    ids(node.children, into);
  }
  return into;
}
