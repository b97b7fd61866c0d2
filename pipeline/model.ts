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
  /** The title the report prints (e.g. 政府工作报告). */
  title?: string;
  /** The page's own headline when it names more than the printed title (its region or year). */
  headline?: string;
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

/**
 * Where a fact came from: the sentence it was read from and its place in the tree, so every
 * figure on the summary can be traced back to the report. Filled by normalise/figures.
 */
export interface Provenance {
  /** Text of the nearest heading before the sentence (the section it is in). */
  section: string;
  /** Index of the block (paragraph, heading, table) among the root's children. */
  paragraph: number;
  /** The sentence as it stands in the normalised text (note markers such as `[1]` left out). */
  sentence: string;
  /** Character offsets of the fact inside `sentence`: `sentence.slice(start, end)` is its text. */
  start: number;
  end: number;
  /** Source line (1-based) where the block holding the sentence begins, when known. */
  line?: number;
}

/** A headline figure of the year under review: 地区生产总值 3070.56亿元、增长1.1%. */
export interface Indicator {
  /** e.g. `地区生产总值` (scope words such as 全年、全市 removed). */
  name: string;
  /** The amount as written, e.g. `3070.56`; absent when the report gives only the growth. */
  value?: string;
  /** e.g. `亿元`. */
  unit?: string;
  /** The change as written, with its verb: `增长1.1%`, `下降0.5个百分点`, `增长8.7%和8.6%`. */
  growth?: string;
  /** The exact text of the figure in its sentence, e.g. `3070.56亿元、增长1.1%`. */
  text: string;
  from: Provenance;
}

/** A quantitative target of the plan year, from the 主要预期目标 sentence. */
export interface Target {
  name: string;
  /** As written, e.g. `增长5%以上`, `增长4.5%—5%`; equals `from.sentence.slice(from.start, from.end)`. */
  target: string;
  /** The figure inside the target, e.g. `5%` or `4.5%—5%`. */
  value: string;
  /** 以上, 左右, 以内, 以下, 上下. */
  qualifier?: string;
  /** A level stated with the target, e.g. `达到309亿元`. */
  level?: string;
  from: Provenance;
}

/** A priority (a section of the plan part) or a livelihood project (民生实事). */
export interface Priority {
  /** The title without its numbering. */
  text: string;
  /** The numbering as printed, e.g. `（一）`, when there is one. */
  marker?: string;
  from: Provenance;
}

export interface Figures {
  /** Year under review (2024) and the plan year (2025), when the part headings say so. */
  reviewYear?: string;
  planYear?: string;
  /** Headings of the parts the facts were read from. */
  reviewPart?: string;
  planPart?: string;
  indicators: Indicator[];
  targets: Target[];
  priorities: Priority[];
  /** Title of the 民生实事 list the projects come from, e.g. `2025年十件民生实事`. */
  projectsTitle?: string;
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
    /** What the report's own front lines say, as the read stage found them. */
    front: Meta;
    /** Metadata the user set (a sidecar file or a Markdown source's front matter): it wins. */
    overrides: Meta;
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
    /** The mark that ended a run-in heading in the source (。 ！ ？), dropped from its text. */
    runInStop?: string;
    /** A depth-1 heading that opens an appendix (名词解释, 附件…, 民生实事 lists). */
    appendix?: boolean;
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
