/**
 * The html writer: the EPUB-ready files in `html/` (see book.ts) and the self-contained web
 * page `<name>.html` (see web.ts), both from one conversion of the tree.
 */
import type { Writer } from '../types.js';
import { xhtmlBook } from './book.js';
import { webPage } from './web.js';

export const write: Writer = async (publication, context) => {
  const book = xhtmlBook(publication, context);
  return [
    ...book.documents.map((doc) => ({ path: `html/${doc.href}`, data: doc.content })),
    { path: `html/${book.stylesheet.href}`, data: book.stylesheet.content },
    { path: `${publication.name}.html`, data: webPage(book.prepared, context.template) },
  ];
};
