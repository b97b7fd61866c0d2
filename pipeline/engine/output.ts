/**
 * pdfmake -> bytes, with two corrections made on the pdfkit document before it is closed:
 * pdfkit points every bookmark at the top right corner of its page (it subtracts the left
 * offset from the page width), so a reader zoomed in lands beside the text. Each bookmark is
 * pointed instead at its heading's named destination, the very line the heading is on. And
 * the named destinations are sorted by their bytes, as the format requires.
 */
import { fontsRead } from '../render/shared/fonts.js';
import { pdfmakeFor } from './pdfmake.js';
import type { Layout } from '../templates/index.js';
import type { HeadingEntry } from '../render/pdf/state.js';

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

export async function renderDocument(layout: Layout, doc: object, headings: HeadingEntry[]): Promise<Uint8Array> {
  // The faces' files, read in the background while the document was set (pdf/fonts.ts).
  await fontsRead();
  const output = pdfmakeFor(layout).createPdf(doc) as unknown as Output;
  const kit = await output.getStream();
  pointBookmarks(kit.outline, headings);
  namesInByteOrder(kit);
  return new Uint8Array(await output.getBuffer());
}

/** Bookmarks are made in reading order, so a depth-first walk meets them as `headings`. */
function pointBookmarks(root: KitOutline, headings: HeadingEntry[]): void {
  let i = 0;
  const visit = (item: KitOutline) => {
    for (const child of item.children) {
      const heading = headings[i++];
      if (heading && String(child.outlineData.Title) === heading.text) child.outlineData.Dest = new String(heading.id);
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
  const dests = kit._root.data.Names?.data.Dests;
  if (dests) dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}
