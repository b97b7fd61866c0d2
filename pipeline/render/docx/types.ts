/**
 * The state every handler is given (mdast-util-to-hast's `State`, for Word): the layout and
 * metadata, the two dispatchers (blocks and phrasing), and the registries that must be shared
 * across the tree (bookmark names, list numbering, footnotes, warnings).
 */
import type { FallbackRuns } from './fallback.js';
import type { FileChild, ParagraphChild, Paragraph } from 'docx';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Meta } from '../../model.js';
import type { Layout, Template } from '../../templates/index.js';
import type { ListRegistry } from './lists.js';

/** Character formatting inherited down the phrasing tree (emphasis inside strong …). */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  superScript?: boolean;
  /** A character style id. */
  style?: string;
}

/** Where a block sits: its container's paragraph style and list level, and its neighbours. */
export interface Where {
  /** Paragraph style id for paragraphs of this container (Normal when absent). */
  style?: string;
  /** Nesting level of the list this block is in (0 for a top-level list's items). */
  listLevel?: number;
  /** The siblings before and after (run-in headings look ahead, captions look back). */
  previous?: RootContent;
  next?: RootContent;
}

export type BlockHandler<T = any> = (state: State, node: T, where: Where) => FileChild[];
export type InlineHandler<T = any> = (state: State, node: T, marks: Marks) => ParagraphChild[];

export interface State {
  layout: Layout;
  template: Template;
  meta: Meta;
  /** Blocks of a container, each with its neighbours. */
  blocks(nodes: readonly RootContent[], where?: Omit<Where, 'previous' | 'next'>): FileChild[];
  /** Runs of phrasing content. */
  inline(nodes: readonly PhrasingContent[], marks?: Marks): ParagraphChild[];
  /** Word bookmark name of an mdast anchor (`sec-2-3` -> `sec_2_3`). */
  anchor(id: string): string;
  lists: ListRegistry;
  /** Footnote number of a GFM footnote label, given in order of first reference. */
  footnote(label: string): number;
  /** Rendered footnote bodies by number (filled as references are met). */
  footnotes: Map<number, Paragraph[]>;
  /** A diagnostic for the build; repeated messages are given once. */
  warn(message: string): void;
  /** Warn that a node type has no handler, once per type; its text is kept by the caller. */
  unhandled(node: Nodes): void;
  /** Characters set in the fallback font, and its run fonts (undefined: none needed). */
  fallback?: FallbackRuns;
}
