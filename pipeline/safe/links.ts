/**
 * Links that may be published. A report's Markdown can carry any URL; in an HTML page, an
 * EPUB, a DOCX or a PDF a `javascript:`, `vbscript:` or `data:` link runs code or smuggles a
 * document when clicked. Only `http:`, `https:`, `mailto:` and in-document `#anchor` links
 * survive; any other link becomes its text, with a warning naming the line. Images follow the
 * same rule with `http:`/`https:` only (an image is fetched, never mailed).
 */
import type { Definition, Nodes, Parent, PhrasingContent, Root } from 'mdast';

export type Warn = (reason: string, node: Nodes) => void;

/** Whether `url` may be published as a link (as a browser would read it: controls and spaces around ignored). */
export function isSafeLink(url: string): boolean {
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return u.startsWith('#') ? !/[<>"']/.test(u) : /^(https?|mailto):/i.test(u);
}

export function isSafeImage(url: string): boolean {
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^https?:/i.test(u);
}

/** A URL shortened for a message. */
export function shown(url: string): string {
  const oneLine = url.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

/** Replaces unsafe links, images and references in `tree` by their text; warns once per node. */
export function safeLinks(tree: Root, warn: Warn): void {
  const unsafeDefinitions = new Set<string>();
  const definitions: Definition[] = [];
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.push(node);
  });
  for (const d of definitions) if (!isSafeLink(d.url)) unsafeDefinitions.add(d.identifier);

  const rewrite = (parent: Parent): void => {
    const out: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'link' && !isSafeLink(child.url)) {
        warn(`link to "${shown(child.url)}" is not published (only http:, https:, mailto: and #… links are); its text is kept`, child);
        rewrite(child);
        out.push(...(child.children as Nodes[]));
      } else if (child.type === 'linkReference' && unsafeDefinitions.has(child.identifier)) {
        warn(`link to "${shown(definitions.find((d) => d.identifier === child.identifier)!.url)}" is not published (only http:, https:, mailto: and #… links are); its text is kept`, child);
        rewrite(child);
        out.push(...(child.children as Nodes[]));
      } else if (child.type === 'image' && !isSafeImage(child.url)) {
        warn(`image "${shown(child.url)}" is not published (only http: and https: images are); its description is kept`, child);
        if (child.alt) out.push({ type: 'text', value: child.alt, position: child.position } as PhrasingContent);
      } else if (child.type === 'definition' && unsafeDefinitions.has(child.identifier)) {
        // dropped: its references became text above
      } else {
        if ('children' in child) rewrite(child as Parent);
        out.push(child);
      }
    }
    parent.children = out as Parent['children'];
  };
  rewrite(tree);
}

/** Every node, depth first, without recursion (a deep tree must not exhaust the stack). */
export function walk(tree: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}
