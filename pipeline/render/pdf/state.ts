/**
 * What the handlers share while the tree is turned into pdfmake content: the layout and
 * its styles, the width of the current column, the headings met so far (for the TOC and the
 * bookmarks), and text waiting to open the next paragraph (a run-in head, a list marker).
 */
import type { Nodes, Parents, PhrasingContent } from 'mdast';
import type { Meta } from '../../model.js';
import type { Layout, Template } from '../../templates/index.js';
import type { StyleName } from '../../templates/schema.js';
import type { Flow } from './flow.js';
import type { TextNode } from './nodes.js';
import type { BlockStyle, StyleBook, TextStyle } from './styles.js';
import type { Span } from './text/lines.js';

export interface HeadingEntry {
  depth: number;
  id: string;
  /** As shown (numbering kept or stripped per the layout), without a run-in full stop. */
  text: string;
}

/** Text that opens the next paragraph instead of standing alone. */
export interface Lead {
  spans: Span[];
  /** Properties for the paragraph's first node (the run-in head's id and bookmark). */
  first?: Partial<TextNode>;
  /** A run-in heading, set alone if no paragraph follows. */
  heading?: { depth: number; spans: Span[] };
}

export interface State {
  layout: Layout;
  template: Template;
  meta: Meta;
  styles: StyleBook;
  warn: (message: string) => void;
  /** Width of the current text column in points. */
  width: number;
  /** Style of paragraphs here (body; glossary definitions inside a glossary). */
  paragraph: StyleName;
  /** Ids that exist in the document: links to anything else are not made. */
  anchors: Set<string>;
  /** The id for a named destination, or undefined when it is already taken (pdfmake needs them unique). */
  claim(id: string | undefined): string | undefined;
  headings: HeadingEntry[];
  /** Open bookmarks by depth, to nest each heading under the one above it. */
  outline: Array<{ depth: number; id: string }>;
  lead?: Lead;
  /** Flow of a node's block children. */
  blocks(parent: Parents): Flow;
  /** Spans of phrasing content set in `style`. */
  spans(nodes: PhrasingContent[] | Nodes[], style: TextStyle): Span[];
  block(name: StyleName): BlockStyle;
  /** Runs `fn` with the column narrowed by `dx` points. */
  narrowed<T>(dx: number, fn: () => T): T;
}
