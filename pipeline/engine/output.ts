/**
 * pdfmake -> bytes, with two corrections made on the pdfkit document before it is closed:
 * pdfkit points every bookmark at the top right corner of its page (it subtracts the left
 * offset from the page width), so a reader zoomed in lands beside the text. Each bookmark is
 * pointed instead at its heading's named destination, the very line the heading is on. And
 * the named destinations are sorted by their bytes, as the format requires.
 */
import { fontsRead } from '../render/shared/fonts.js';
import type { Layout } from '../templates/index.js';
import { pdfmakeFor } from './pdfmake.js';
import { fastPathOn, hasMembers, took } from './status.js';

/** A heading's bookmark: its text as shown and the id of its named destination. */
export interface Bookmark {
  text: string;
  id: string;
}

/* The parts of pdfkit's document we touch. */
interface KitOutline {
  outlineData: { Title?: unknown; Dest?: unknown };
  children: KitOutline[];
}
interface KitDocument {
  outline: KitOutline;
  _root: { data: { Names?: { data: { Dests?: KitNameTree } } } };
}
interface KitNameTree {
  _compareKeys(a: string, b: string): number;
}
interface Output {
  getStream(): Promise<KitDocument>;
  getBuffer(): Promise<Buffer>;
}

export async function renderDocument(layout: Layout, doc: object, bookmarks: Bookmark[]): Promise<Uint8Array> {
  // The faces' files, read in the background while the document was set (pdf/fonts.ts).
  await fontsRead();
  const output = pdfmakeFor(layout).createPdf(doc) as unknown as Output;
  const kit = await output.getStream();
  if (hasMembers(kit.outline, "pdfkit's outline", ['.children', '.outlineData'], 'bookmarks point at the top right corner of their pages')) pointBookmarks(kit.outline, bookmarks);
  if (fastPathOn('nameOrder')) namesInByteOrder(kit);
  return new Uint8Array(await output.getBuffer());
}

/** Bookmarks are made in reading order, so a depth-first walk meets them as `bookmarks`. */
function pointBookmarks(root: KitOutline, bookmarks: Bookmark[]): void {
  let i = 0;
  const visit = (item: KitOutline) => {
    for (const child of item.children) {
      const bookmark = bookmarks[i++];
      if (bookmark && String(child.outlineData.Title) === bookmark.text) child.outlineData.Dest = new String(bookmark.id);
      visit(child);
    }
  };
  visit(root);
}

/**
 * A name tree's keys must be sorted by their bytes (PDF 32000-1, 7.9.6: readers search it
 * by halves); pdfkit sorts the named destinations with localeCompare, which is the same for
 * our lowercase ASCII ids but not for every string, and whose first call sets up ICU's
 * collator (~6 ms). The comparison is replaced on this document's tree.
 */
function namesInByteOrder(kit: KitDocument): void {
  if (!hasMembers(kit, "pdfkit's document", ['._root'], 'nameOrder')) return;
  const dests = kit._root.data?.Names?.data?.Dests;
  if (!dests || !hasMembers(dests, "pdfkit's name tree", ['_compareKeys'], 'nameOrder')) return;
  dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  took('nameOrder');
}
