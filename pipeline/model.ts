/**
 * The one document model every stage agrees on.
 *
 * read -> parse -> normalise produce a `Publication`; every writer is a pure function of it.
 * Custom mdast node types (the definition list of a 名词解释 glossary) are declared here once,
 * with the node names of mdast-util-definition-list so that remark-definition-list reads and
 * writes them in Markdown.
 */
import type { Root } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import type { DefListNode, DefListTermNode, DefListDescriptionNode } from 'mdast-util-definition-list';

export type { DefListNode, DefListTermNode, DefListDescriptionNode };

/** Who delivered the report. */
export interface Speaker {
  /** e.g. 广州市番禺区人民政府区长 */
  role?: string;
  /** e.g. 叶珊瑚 */
  name: string;
}

/**
 * Facts about the report, from its own front lines and from the web page around it.
 * Key order matters a little: it is the order of the front matter and of the JSON dump.
 */
export interface Meta {
  title?: string;
  /** The meeting line as printed, without its leading dash: `2025年2月26日在…会议上`. */
  subtitle?: string;
  /** Date of delivery, ISO 8601 (2025-02-26). */
  date?: string;
  /** The meeting, e.g. 番禺区第十八届人民代表大会第五次会议. */
  meeting?: string;
  speaker?: Speaker;
  /** Issuing body when the page names it (发文单位). */
  issuer?: string;
  /** Publication date of the web page, ISO 8601. */
  published?: string;
  /** 来源 line of the page. */
  source?: string;
  /** Address of the page when the scrape recorded it. */
  url?: string;
}

/** A number taken from the text, with where it came from. Filled by normalise/figures. */
export interface Provenance {
  /** Heading text of the section the sentence is in. */
  section: string;
  /** Index of the block (paragraph) among the root's children. */
  paragraph: number;
  sentence: string;
  /** Character offsets of the figure inside `sentence`. */
  start: number;
  end: number;
  /** Source line, when known. */
  line?: number;
}

export interface Indicator {
  name: string;
  value?: string;
  unit?: string;
  growth?: string;
  /** The exact text shown, e.g. `3070.56亿元、增长1.1%`. */
  text: string;
  from: Provenance;
}

export interface Target {
  name: string;
  /** e.g. `增长5%以上` */
  target: string;
  /** The number inside the target, e.g. `5%`. */
  value: string;
  qualifier?: string;
  from: Provenance;
}

export interface Priority {
  text: string;
  from: Provenance;
}

export interface Figures {
  /** Year under review (2024) and the plan year (2025) when the text says so. */
  reviewYear?: string;
  planYear?: string;
  indicators: Indicator[];
  targets: Target[];
  priorities: Priority[];
  projects: Priority[];
}

export interface Publication {
  /** Output name: the source file name without extension. */
  name: string;
  /** Source path as given. */
  path: string;
  tree: Root;
  meta: Meta;
  figures: Figures;
  diagnostics: VFileMessage[];
}

/** Data the read stage leaves on the vfile for later stages. */
export interface ReadData {
  /** Facts found in the web-page chrome (date, 来源, 标题 lines). */
  pageMeta: Meta;
}

declare module 'vfile' {
  interface DataMap {
    meta: Meta;
    pageMeta: Meta;
    figures: Figures;
    /** Markdown line (1-based) -> source line (1-based), for .txt sources. */
    lineMap: number[];
  }
}

declare module 'mdast' {
  interface RootContentMap {
    defList: DefListNode;
    defListTerm: DefListTermNode;
    defListDescription: DefListDescriptionNode;
  }
  interface BlockContentMap {
    defList: DefListNode;
  }
  interface ListData {
    /** How the source wrote the numbers: `1.`, `1、` or `（1）`. */
    delimiter?: '.' | '、' | '()';
  }
  interface TableData {
    caption?: string;
  }
  interface HeadingData {
    /** Stable anchor used by TOC, bookmarks and links. */
    id?: string;
    /** The heading was run into its paragraph in the source. */
    runIn?: boolean;
  }
  interface LinkData {
    /** Number of the glossary entry this link points to. */
    glossary?: number;
    /** The link is a note marker (`^[1]` in the source) rather than a linked phrase. */
    noteref?: boolean;
  }
}

export function emptyFigures(): Figures {
  return { indicators: [], targets: [], priorities: [], projects: [] };
}
