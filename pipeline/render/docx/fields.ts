/**
 * Fields: PAGE and NUMPAGES inside the running header and footer, and the table of contents.
 *
 * Header and footer texts are Handlebars over the metadata plus `page` and `pages`. They are
 * rendered with placeholders for those two, then split there, and each placeholder becomes a
 * field, so Word and LibreOffice print the real number on every page.
 */
import { InternalHyperlink, PageNumber, PageReference, Paragraph, Tab, TabStopType, TextRun, UnderlineType, type FileChild } from 'docx';
import type { Meta } from '../../model.js';
import type { Layout, Template } from '../../templates/index.js';
import type { StyleName } from '../../templates/schema.js';
import { CHAR_STYLES, styleId } from './styles.js';
import { hex, twips } from './units.js';

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
 * entry nor a bookmark) and one entry per heading down to the layout's depth, each in its toc
 * style, a hyperlink to the heading's bookmark ending in a PAGEREF field to it at a right tab.
 *
 * The entries are not wrapped in a TOC field. Inside one, LibreOffice shows the result the
 * field was written with and never lays its page numbers out; a PAGEREF standing on its own
 * it works out from its own pages, so the numbers are right for the fonts the reader has. We
 * cannot write that result ourselves (docx's estimate missed LibreOffice's pages by one or
 * two), so it is left empty and the document asks Word to update its fields when it opens
 * (`w:updateFields`), which fills them. The entries are written from the tree, so a run-in
 * heading's restored full stop does not end its entry.
 */
export function contents(layout: Layout, entries: Array<{ title: string; level: number; href?: string }>): FileChild[] {
  const right = twips(layout.page.width - layout.page.margin.left - layout.page.margin.right);
  return [
    new Paragraph({ style: styleId('tocTitle'), text: layout.toc.title }),
    ...entries.map((entry) => {
      const style = `toc${Math.min(entry.level, 4)}` as StyleName;
      // LibreOffice gives a hyperlink its blue underlined link style unless the run says otherwise.
      const text = new TextRun({ text: entry.title, style: CHAR_STYLES.tocLink, underline: { type: UnderlineType.NONE }, color: hex(layout.styles[style].color) });
      return new Paragraph({
        style: styleId(style),
        tabStops: [{ type: TabStopType.RIGHT, position: right }],
        children: entry.href ? [new InternalHyperlink({ anchor: entry.href, children: [text] }), new TextRun({ children: [new Tab()] }), new PageReference(entry.href)] : [text],
      });
    }),
  ];
}
