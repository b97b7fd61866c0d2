/**
 * The table of contents: the headings down to `toc.depth`, each a link to its heading and
 * its page number (pdfmake fills `pageReference` with the page the heading landed on, after
 * layout). Entries are set in the toc1-4 styles and moved in two characters a level; an entry
 * that wraps goes on under its text, its number hanging.
 */
import type { Layout } from '../../templates/index.js';
import type { StyleName } from '../../templates/schema.js';
import type { ColumnsNode, Node, TableCell, TableNode } from './nodes.js';
import type { HeadingEntry } from './state.js';
import { lineHeightFactor, type StyleBook } from './styles.js';
import { extent } from './text/lines.js';
import { typeset } from './text/typeset.js';
import { ITEM, PART, SECTION, SUBITEM } from '../../genre/markers.js';

/** A heading's own numbering (一、 （一） 1. （1）), which a wrapped entry's lines are set beside. */
const NUMBERING = [PART, SECTION, ITEM, SUBITEM];

export function tableOfContents(layout: Layout, headings: HeadingEntry[], styles: StyleBook, width: number): Node[] {
  const entries = headings.filter((h) => h.depth <= layout.toc.depth);
  const titleBlock = styles.block('tocTitle');
  const title = typeset([{ text: layout.toc.title, style: titleBlock.text }], titleBlock, { width, whole: true, indent: 0 });
  if (!entries.length) return title;

  const blockOf = (depth: number) => styles.block(`toc${Math.min(depth, 4)}` as StyleName);
  // Room for a three-digit page number, and a character's gap before it.
  const numbers = Math.max(...entries.map((e) => extent([{ text: '000', style: blockOf(e.depth).text }]).max));
  const gap = blockOf(1).text.size;
  const textWidth = width - numbers - gap;

  const body: Array<Array<TableCell | ColumnsNode>> = entries.map((entry) => {
    const block = blockOf(entry.depth);
    const dx = (entry.depth - 1) * 2 * (block.text.size + block.text.characterSpacing);
    const set = (t: string, w: number) => typeset([{ text: t, style: block.text, destination: entry.id }], block, { width: w, whole: true, noSpacing: true, indent: 0 })[0]!;
    let text: TableCell | ColumnsNode = set(entry.text, textWidth - dx);
    let lines = text.text.filter((i) => i.text === '\n').length;
    // A wrapped entry goes on under its text, not under its number: the number in a column
    // of its own width, the text beside it.
    const number = lines ? NUMBERING.map((re) => re.exec(entry.text)?.[0]).find(Boolean) : undefined;
    if (number) {
      const numberWidth = extent([{ text: number, style: block.text }]).max;
      const rest = set(entry.text.slice(number.length), textWidth - dx - numberWidth);
      lines = rest.text.filter((i) => i.text === '\n').length;
      text = { columns: [{ width: numberWidth, ...set(number, numberWidth) }, { width: '*', ...rest }], columnGap: 0 };
    }
    if (dx) text.margin = [dx, 0, 0, 0];
    const page: TableCell = { text: [{ text: '000', pageReference: entry.id }], style: block.text.key, alignment: 'right', lineHeight: lineHeightFactor(block.text, block.pitch) };
    // The number stands at the entry's last line.
    if (lines) page.margin = [0, lines * block.pitch, 0, 0];
    return [text, page];
  });
  const pad = (row: number, side: 'spaceBefore' | 'spaceAfter') => blockOf(entries[row]?.depth ?? 1)[side];
  const table: TableNode = {
    table: { dontBreakRows: true, widths: [textWidth, numbers], body },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (col: number) => (col === 1 ? gap : 0),
      paddingRight: () => 0,
      paddingTop: (row: number) => pad(row, 'spaceBefore'),
      paddingBottom: (row: number) => pad(row, 'spaceAfter'),
    },
  };
  return [...title, table];
}
