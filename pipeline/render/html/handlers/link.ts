/**
 * Links. A glossary link (data.glossary, url `#gloss-N`) is a note reference to the term:
 * `epub:type="noteref"` for reading systems, `role="doc-noteref"` for assistive technology.
 * The first reference to each term gets an id (`ref-gloss-N`) so the glossary entry can link
 * back to where the reader came from. Hrefs stay fragment-only here; the EPUB-ready files
 * get the file name of the glossary chapter later (see links.ts).
 */
import type { Element } from 'hast';
import type { Link } from 'mdast';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';

/** Id of the first reference to glossary entry `anchor` (`gloss-3` -> `ref-gloss-3`). */
export const backrefId = (anchor: string) => `ref-${anchor}`;

export interface LinkHandler {
  handler: Handler;
  /** The body refers to this glossary anchor (filled as the body is converted). */
  referenced: (anchor: string) => boolean;
  /** The body refers to it with a note marker such as `[3]`, not with the term itself. */
  byMarker: (anchor: string) => boolean;
}

export function link(): LinkHandler {
  const referenced = new Set<string>();
  const markers = new Set<string>();
  const handler: Handler = (state, node: Link) => {
    if (node.data?.glossary === undefined || !node.url.startsWith('#')) return defaultHandlers.link(state, node);
    const anchor = node.url.slice(1);
    const properties: Element['properties'] = {
      href: node.url,
      'epub:type': 'noteref',
      role: 'doc-noteref',
      className: node.data.noteref ? ['noteref', 'marker'] : ['noteref'],
    };
    if (node.data.noteref) markers.add(anchor);
    if (!referenced.has(anchor)) {
      referenced.add(anchor);
      properties.id = backrefId(anchor);
    }
    const result: Element = { type: 'element', tagName: 'a', properties, children: state.all(node) };
    state.patch(node, result);
    return state.applyData(node, result);
  };
  return { handler, referenced: (anchor) => referenced.has(anchor), byMarker: (anchor) => markers.has(anchor) };
}
