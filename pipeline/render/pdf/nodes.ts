/**
 * The part of pdfmake's document definition this writer produces, typed here (pdfmake 0.3's
 * own typings forbid properties it reads, such as `noNewLine`).
 */
export type Margin = [number, number, number, number];

/** One inline: a run of text in one style, never wrapped by pdfmake. */
export interface TextItem {
  text: string;
  /** Named style (font, size, weight, colour) when it is not the node's. */
  style?: string;
  characterSpacing?: number;
  lineHeight?: number;
  /** Keep the next inline on this line (how we hold a pre-broken line together). */
  noNewLine?: boolean;
  noWrap?: boolean;
  linkToDestination?: string;
  link?: string;
  sup?: boolean;
  /** OpenType features to shape this inline with (`halt`: a mark set in half an em). */
  fontFeatures?: string[];
  /** Replaced by the page number of the node with this id. */
  pageReference?: string;
}

export interface TextNode {
  text: TextItem[];
  style?: string;
  lineHeight?: number;
  leadingIndent?: number;
  alignment?: 'left' | 'center' | 'right';
  margin?: Margin;
  /** A named destination at the first line (links, TOC and page references point here). */
  id?: string;
  unbreakable?: boolean;
  outline?: boolean;
  outlineText?: string;
  outlineParentId?: string;
  outlineExpanded?: boolean;
  pageBreak?: 'before' | 'after';
}

export interface StackNode {
  stack: Node[];
  margin?: Margin;
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
}

export interface TableCell extends Partial<TextNode> {
  text: TextItem[];
}

/** Nodes side by side (a TOC entry's number beside its text). */
export interface ColumnsNode {
  columns: Array<(TextNode | StackNode) & { width: number | '*' }>;
  columnGap?: number;
  margin?: Margin;
}

export interface TableNode {
  table: {
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
    widths: number[];
    body: Array<Array<TableCell | StackNode | ColumnsNode>>;
  };
  layout: object;
  margin?: Margin;
}

export interface CanvasNode {
  canvas: object[];
  margin?: Margin;
}

export type Node = TextNode | StackNode | TableNode | CanvasNode | ColumnsNode;
