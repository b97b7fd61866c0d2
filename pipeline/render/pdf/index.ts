/**
 * The PDF writer: the publication laid out by the template's layout (pdfmake 0.3), as
 * `<name>.pdf`. Pure: fonts come from the shared bootstrap, the date from the context.
 *
 * Parts: document.ts (page, order of parts), metadata.ts, body.ts + handlers/ (one handler
 * per mdast node type, a typed state), text/ (our own line breaking, 禁则 and justification),
 * fonts.ts and styles.ts (metrics, line pitch), toc.ts, cover.ts, running.ts (header and
 * footer), table/ (column widths, borders), flow.ts (what is kept with what). pdfmake, pdfkit
 * and fontkit are driven by the engine (../../engine/: the document to bytes, bookmarks
 * pointed at their headings, and the fast paths through those packages' internals).
 */
import type { Template } from '../../templates/index.js';
import { STYLE_NAMES } from '../../templates/schema.js';
import { fastFace, renderDocument } from '../../engine/index.js';
import type { Writer } from '../types.js';
import { documentDefinition } from './document.js';
import { face } from './fonts.js';

/**
 * Opens the faces the layout's styles are set in (metrics, shaping data; the files start
 * being read in the background) before there is a publication: the PDF worker does it while
 * it waits for the main thread to parse the source.
 */
export function warm(template: Template): void {
  const { styles, fonts } = template.layout;
  for (const name of STYLE_NAMES) {
    const font = fonts[styles[name].font];
    if (!font) continue;
    const file = styles[name].bold ? (font.bold ?? font.regular) : font.regular;
    face(file);
    fastFace(file);
  }
}

export const write: Writer = async (publication, context) => {
  const { doc, headings } = documentDefinition(publication, context.template, context.date, context.warn);
  const data = await renderDocument(context.template.layout, doc, headings);
  return [{ path: `${publication.name}.pdf`, data }];
};
