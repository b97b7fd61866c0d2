/**
 * Headings: the Heading1-4 styles (whose outline levels feed the TOC, the navigation pane and
 * PDF bookmarks), a bookmark named after the heading's anchor, and the report's numbering kept
 * or stripped as the layout says.
 *
 * A heading the report ran into its paragraph (（一）标题。正文…) stays a heading paragraph of its
 * own, so it keeps its outline level, but with its paragraph mark hidden as a style separator:
 * Word then sets it on one line with the paragraph that follows. The full stop the source had
 * there comes back. (LibreOffice 7.4 does not honour the hidden mark and shows the heading on
 * its own line, which is the `runIn: never` look.)
 */
import { Bookmark, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Heading, PhrasingContent, Root } from 'mdast';
import type { Layout } from '../../../templates/index.js';
import { ITEM, PART, SECTION, SUBITEM } from '../../../genre/markers.js';
import type { BlockHandler } from '../types.js';
import { styleId } from '../styles.js';

const ENDS_SENTENCE = /[。！？!?；;：:…]$/;

export const heading: BlockHandler<Heading> = (state, node, where): FileChild[] => {
  const depth = Math.min(node.depth, 4) as 1 | 2 | 3 | 4;
  const phrasing = state.layout.headings.numbering === 'strip' ? stripNumbering(node.children) : node.children;
  let children: ParagraphChild[] = state.inline(phrasing);
  const runIn = node.data?.runIn === true && state.layout.headings.runIn === 'source' && where.next?.type === 'paragraph';
  if (runIn && !ENDS_SENTENCE.test(plainText(phrasing))) children.push(new TextRun(node.data?.runInStop ?? '。'));
  const id = node.data?.id;
  if (id) children = [new Bookmark({ id: state.anchor(id), children })];
  return [
    new Paragraph({
      style: styleId(`heading${depth}`),
      children,
      ...(runIn ? { run: { vanish: true, specVanish: true } } : {}),
    }),
  ];
};

const NUMBERING = [PART, SECTION, ITEM, SUBITEM];

/** The heading without its leading 一、 （一） 1. （1）. */
export function stripNumbering(children: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = children;
  if (!first || first.type !== 'text') return children;
  for (const pattern of NUMBERING) {
    const m = pattern.exec(first.value);
    if (m && m[0].length < first.value.length) return [{ ...first, value: first.value.slice(m[0].length) }, ...rest];
  }
  return children;
}

/** Contents entries: every heading down to the layout's depth, as printed, with its bookmark. */
export function tocEntries(tree: Root, layout: Layout, anchor: (id: string) => string): Array<{ title: string; level: number; href?: string }> {
  return tree.children
    .filter((n): n is Heading => n.type === 'heading' && n.depth <= layout.toc.depth)
    .map((h) => {
      const title = plainText(layout.headings.numbering === 'strip' ? stripNumbering(h.children) : h.children).trim();
      return { title, level: h.depth, ...(h.data?.id ? { href: anchor(h.data.id) } : {}) };
    });
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : '')).join('');
}
