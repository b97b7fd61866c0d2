/**
 * The layout's text styles -> Word styles (pandoc's StyleMap): every role of the layout becomes
 * a named paragraph style, so an editor restyles the document in Word's Styles pane instead of
 * fighting direct formatting. Built-in roles keep Word's ids and names (Normal, Title,
 * Heading1 = "heading 1", TOC1 = "toc 1", Header, Footer, Caption) so Word treats them as its own:
 * headings feed the navigation pane and Update Table, TOC entries take the toc styles.
 *
 * Every style spells out all of its properties (the layout has already resolved each role
 * against `body`), including zero indents: a zero must be written, or a style based on Normal
 * would inherit Normal's two-character indent.
 */
import {
  AlignmentType, BorderStyle, LineRuleType, UnderlineType,
  type ICharacterStyleOptions, type IParagraphStyleOptions, type IStylesOptions,
  type IParagraphStylePropertiesOptions, type IRunStylePropertiesOptions,
} from 'docx';
import type { Layout, Style } from '../../templates/index.js';
import type { StyleName } from '../../templates/schema.js';
import { runFont } from './fonts.js';
import { eighths, halfPoints, hex, twips } from './units.js';

/** Word style id and display name of each layout role. */
export const STYLE_IDS: Record<StyleName, { id: string; name: string }> = {
  body: { id: 'Normal', name: 'Normal' },
  title: { id: 'Title', name: 'Title' },
  subtitle: { id: 'Subtitle', name: 'Subtitle' },
  speaker: { id: 'Speaker', name: 'Speaker' },
  heading1: { id: 'Heading1', name: 'heading 1' },
  heading2: { id: 'Heading2', name: 'heading 2' },
  heading3: { id: 'Heading3', name: 'heading 3' },
  heading4: { id: 'Heading4', name: 'heading 4' },
  table: { id: 'TableText', name: 'Table Text' },
  tableHeader: { id: 'TableHeading', name: 'Table Heading' },
  caption: { id: 'Caption', name: 'caption' },
  header: { id: 'Header', name: 'header' },
  footer: { id: 'Footer', name: 'footer' },
  tocTitle: { id: 'TOCHeading', name: 'TOC Heading' },
  toc1: { id: 'TOC1', name: 'toc 1' },
  toc2: { id: 'TOC2', name: 'toc 2' },
  toc3: { id: 'TOC3', name: 'toc 3' },
  toc4: { id: 'TOC4', name: 'toc 4' },
  glossaryTerm: { id: 'GlossaryTerm', name: 'Glossary Term' },
  glossaryDefinition: { id: 'GlossaryDefinition', name: 'Glossary Definition' },
};

/** Character styles of links and markers. */
export const CHAR_STYLES = {
  glossaryLink: 'GlossaryReference',
  noteMarker: 'GlossaryNoteReference',
  code: 'SourceCode',
  /** The style docx gives the runs of pre-filled contents entries; defined so the reference resolves. */
  tocLink: 'IndexLink',
} as const;

/** Paragraph styles with no layout role of their own, derived from body. */
export const EXTRA_STYLES = { quote: 'Quote' } as const;

export const styleId = (role: StyleName): string => STYLE_IDS[role].id;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

/** Width of one character of a style, in points: the em plus any tracking. */
export const charWidth = (s: Style): number => s.size + s.characterSpacing;

export function runOf(layout: Layout, s: Style): IRunStylePropertiesOptions {
  const font = runFont(layout, s.font);
  return {
    ...(font ? { font } : {}),
    size: halfPoints(s.size),
    sizeComplexScript: halfPoints(s.size),
    bold: s.bold,
    boldComplexScript: s.bold,
    color: hex(s.color),
    characterSpacing: tracking(s.characterSpacing),
  };
}

/**
 * Tracking in twips. docx leaves out a tracking of 0, so a style based on a tracked Normal (the
 * official body is set tighter) would inherit it; a zero is written as the universal
 * measure `0pt`, which the schema allows for w:spacing and every reader takes as 0.
 */
function tracking(pt: number): number {
  const value = twips(pt);
  return value === 0 ? ('0pt' as unknown as number) : value;
}

export function paragraphOf(s: Style): IParagraphStylePropertiesOptions {
  const line =
    'exact' in s.lineHeight
      ? { line: twips(s.lineHeight.exact), lineRule: LineRuleType.EXACT }
      : { line: Math.round(240 * s.lineHeight.multiple), lineRule: LineRuleType.AUTO };
  return {
    alignment: ALIGN[s.align],
    spacing: { before: twips(s.spaceBefore), after: twips(s.spaceAfter), ...line },
    // Word reads firstLineChars (it follows the font size); LibreOffice 7.4 only firstLine.
    indent: { left: 0, right: 0, firstLine: twips(s.indent * charWidth(s)), firstLineChars: Math.round(s.indent * 100) },
  };
}

function paragraphStyle(layout: Layout, role: StyleName, extra: IParagraphStylePropertiesOptions = {}, options: Partial<IParagraphStyleOptions> = {}): IParagraphStyleOptions {
  const s = layout.styles[role];
  const { id, name } = STYLE_IDS[role];
  return {
    id,
    name,
    ...(id === 'Normal' ? {} : { basedOn: 'Normal', next: 'Normal' }),
    quickFormat: true,
    ...options,
    paragraph: { ...paragraphOf(s), ...extra },
    run: runOf(layout, s),
  };
}

/** All styles of the document, from the layout. */
export function stylesFor(layout: Layout): IStylesOptions {
  const headings = ([1, 2, 3, 4] as const).map((depth) =>
    // Built-in heading styles do not write w:outlineLvl in docx 9: without it LibreOffice
    // exports no PDF bookmarks and Word's navigation pane stays empty.
    paragraphStyle(layout, `heading${depth}`, { outlineLevel: depth - 1, keepNext: true, keepLines: true }, { uiPriority: 9 }),
  );
  const tocs = ([1, 2, 3, 4] as const).map((level) => {
    const s = layout.styles[`toc${level}`];
    // Nested entries step in by two characters a level, the way Chinese contents pages do.
    const nest = twips(2 * (level - 1) * charWidth(s));
    const base = paragraphOf(s);
    return paragraphStyle(layout, `toc${level}`, { indent: { ...base.indent, left: nest } }, { next: 'Normal', uiPriority: 39 });
  });
  const rule = layout.header.rule
    ? { border: { bottom: { style: BorderStyle.SINGLE, size: eighths(0.5), color: hex(layout.styles.header.color), space: 1 } } }
    : {};
  const paragraphStyles: IParagraphStyleOptions[] = [
    paragraphStyle(layout, 'body'),
    paragraphStyle(layout, 'title', { keepNext: true }, { uiPriority: 10 }),
    paragraphStyle(layout, 'subtitle', { keepNext: true }, { uiPriority: 11 }),
    paragraphStyle(layout, 'speaker', { keepNext: true }),
    ...headings,
    paragraphStyle(layout, 'table'),
    paragraphStyle(layout, 'tableHeader'),
    paragraphStyle(layout, 'caption', { keepNext: true }),
    paragraphStyle(layout, 'header', rule),
    paragraphStyle(layout, 'footer'),
    paragraphStyle(layout, 'tocTitle', { keepNext: true }, { uiPriority: 39 }),
    ...tocs,
    paragraphStyle(layout, 'glossaryTerm', { keepNext: true, keepLines: true }),
    paragraphStyle(layout, 'glossaryDefinition'),
    quoteStyle(layout),
  ];

  const term = layout.styles.glossaryTerm;
  const characterStyles: ICharacterStyleOptions[] = [
    // A glossary term's first use: marked, not shouted; the colour of the glossary's terms.
    { id: CHAR_STYLES.glossaryLink, name: 'Glossary Reference', basedOn: 'DefaultParagraphFont', run: { underline: { type: UnderlineType.DOTTED, color: hex(term.color) } } },
    { id: CHAR_STYLES.noteMarker, name: 'Glossary Note Reference', basedOn: 'DefaultParagraphFont', run: { superScript: true, color: hex(term.color) } },
    { id: CHAR_STYLES.tocLink, name: 'Index Link', basedOn: 'DefaultParagraphFont', run: {} },
    { id: CHAR_STYLES.code, name: 'Source Code', basedOn: 'DefaultParagraphFont', run: { font: { ascii: 'Consolas', hAnsi: 'Consolas', cs: 'Consolas' } } },
  ];

  return {
    default: {
      document: {
        run: { ...runOf(layout, layout.styles.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

/** Quotations (Markdown sources): the body, stepped in two characters on both sides. */
function quoteStyle(layout: Layout): IParagraphStyleOptions {
  const body = layout.styles.body;
  const step = twips(2 * charWidth(body));
  const base = paragraphOf(body);
  return { id: EXTRA_STYLES.quote, name: 'Quote', basedOn: 'Normal', next: 'Normal', paragraph: { ...base, indent: { ...base.indent, left: step, right: step } }, run: runOf(layout, body) };
}

/** Layout font keys the styles use, in style order (for the font table). */
export function usedFontKeys(layout: Layout): string[] {
  return [...new Set(Object.values(layout.styles).map((s) => s.font))];
}
