/**
 * Fields: PAGE and NUMPAGES inside the running header and footer, and the table of contents.
 *
 * Header and footer texts are Handlebars over the metadata plus `page` and `pages`. They are
 * rendered with placeholders for those two, then split there, and each placeholder becomes a
 * field, so Word and LibreOffice print the real number on every page.
 */
import { LeaderType, PageNumber, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { Meta } from '../../model.js';
import type { Layout, Template } from '../../templates/index.js';
import { styleId } from './styles.js';

const PAGE = '\uE000page\uE000';
const PAGES = '\uE000pages\uE000';
const FIELD = /(\uE000pages?\uE000)/;

/** Handlebars escapes HTML; a Word run wants the characters themselves. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`', '&#x3D;': '=' };
export function unescapeHtml(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (e) => ENTITIES[e]!);
}

/** A layout string (cover line, header, footer) as plain text; empty when it renders to nothing. */
export function renderLine(template: Template, source: string, data: object): string {
  return unescapeHtml(template.renderString(source, data)).replace(/\s+/g, ' ').trim();
}

/** Runs of a header or footer text, or undefined when it renders empty. */
export function runningRuns(template: Template, source: string, meta: Meta): TextRun[] | undefined {
  const text = renderLine(template, source, { ...meta, page: PAGE, pages: PAGES });
  if (!text.replace(FIELD, '').trim() && !FIELD.test(text)) return undefined;
  return text
    .split(FIELD)
    .filter(Boolean)
    .map((part) =>
      part === PAGE
        ? new TextRun({ children: [PageNumber.CURRENT] })
        : part === PAGES
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES] })
          : new TextRun(part),
    );
}

/**
 * The contents page: its title (TOC Heading style: no outline level, so it is neither an
 * entry nor a bookmark) and a TOC field over Heading 1 to the layout's depth, already filled
 * with one entry per heading, each a hyperlink to the heading's bookmark.
 *
 * The entries carry no page numbers. A page number is known only once the pages are laid out,
 * which depends on the fonts the reader has: docx's estimator (docx/layout) takes about 1 s
 * for this document and still misses LibreOffice's pages by one or two. A wrong number is
 * worse than none, so the entries have no leader dots and no numbers, and the field is left
 * dirty: Word offers to update it when the document opens and then writes every page
 * number. The entries are written from the tree, so a run-in heading's restored full stop
 * does not end its entry.
 */
export function contents(layout: Layout, entries: Array<{ title: string; level: number; href?: string }>): FileChild[] {
  return [
    new Paragraph({ style: styleId('tocTitle'), text: layout.toc.title }),
    new TableOfContents(layout.toc.title, {
      hyperlink: true,
      headingStyleRange: `1-${layout.toc.depth}`,
      hideTabAndPageNumbersInWebView: true,
      cachedEntries: entries,
      tabLeader: LeaderType.NONE,
      beginDirty: true,
    }),
  ];
}
