/**
 * The PDF writer: the publication laid out by the template's layout (pdfmake 0.3), as
 * `<name>.pdf`. Pure: fonts come from the shared bootstrap, the date from the context.
 *
 * Parts: document.ts (page, order of parts), metadata.ts, body.ts + handlers/ (one handler
 * per mdast node type, a typed state), text/ (our own line breaking, 禁则 and justification),
 * fonts.ts and styles.ts (metrics, line pitch), toc.ts, cover.ts, running.ts (header and
 * footer), table/ (column widths, borders), flow.ts (what is kept with what), output.ts
 * (pdfmake to bytes, bookmarks pointed at their headings). pdfmake and pdfkit are set up in
 * shared/pdfmake.ts, which gives pdfkit's fonts the fast paths of shared/fast-fonts.ts (text
 * laid out without OpenType shaping where shaping changes nothing) and shared/fast-subset.ts.
 */
import type { Writer } from '../types.js';
import { documentDefinition } from './document.js';
import { renderDocument } from './output.js';

export const write: Writer = async (publication, context) => {
  const { doc, headings } = documentDefinition(publication, context.template, context.date, context.warn);
  const data = await renderDocument(context.template.layout, doc, headings);
  return [{ path: `${publication.name}.pdf`, data }];
};
