/**
 * A table: the first row is the header, repeated on every page; cells keep their hard
 * breaks; columns are as wide as their content needs (table/widths.ts); rows are not split
 * across pages unless one is taller than a page. A caption is set above it unless the block
 * right above already says the same (the caption is usually taken from that very line).
 */
import type { Parents, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Flow } from '../flow.js';
import type { TableCell, TableNode } from '../nodes.js';
import type { State } from '../state.js';
import type { BlockStyle } from '../styles.js';
import { extent, type Span } from '../text/lines.js';
import { typeset } from '../text/typeset.js';
import { columnWidths } from '../table/widths.js';
import { tableLayout } from '../table/layout.js';

/** Cells of a column holding only short numbers are centred (serial numbers, counts). */
const NUMBER = /^\s*[\d.,%％]{1,6}\s*$/;

export function table(state: State, node: Table, parent?: Parents): Flow {
  const rows = node.children;
  if (!rows.length) return [];
  const t = state.layout.table;
  const head = state.block('tableHeader');
  const body = state.block('table');
  const columns = Math.max(...rows.map((r) => r.children.length));
  const styleOf = (r: number) => (r === 0 ? head : body);
  const spans: Span[][][] = rows.map((row, r) => Array.from({ length: columns }, (_, c) => {
    const cell = row.children[c];
    return cell ? state.spans(cell.children, styleOf(r).text) : [];
  }));

  const room = state.width - columns * 2 * t.cellPadding - (columns + 1) * t.borderWidth;
  const extents = spans.map((row) => row.map((cell) => extent(cell)));
  const need = Array.from({ length: columns }, (_, c) => {
    let min = 0;
    let max = 0;
    extents.forEach((row, r) => {
      const e = row[c]!;
      // A header label is not broken if it can have its own line's width.
      min = Math.max(min, r === 0 && e.max <= room / columns ? e.max : e.min);
      max = Math.max(max, e.max);
    });
    return { min, max };
  });
  const widths = columnWidths(need, extents.map((row) => row.map((e) => e.lines)), room, body.text.size);

  const align = Array.from({ length: columns }, (_, c) => {
    const given = node.align?.[c];
    if (given) return given;
    const cells = rows.slice(1).map((row) => (row.children[c] ? toString(row.children[c]!) : ''));
    return cells.length && cells.every((s) => NUMBER.test(s)) ? 'center' : body.align;
  });

  const heights: number[] = [];
  const cells: TableCell[][] = spans.map((row, r) => {
    let tallest = 1;
    const out = row.map((cell, c) => {
      const block: BlockStyle = styleOf(r);
      const [set] = typeset(cell, block, { width: widths[c]!, whole: true, noSpacing: true, indent: 0, align: r === 0 ? block.align : align[c]! });
      tallest = Math.max(tallest, set!.text.filter((i) => i.text === '\n').length + 1);
      return set!;
    });
    heights.push(tallest * styleOf(r).pitch + 2 * t.cellPadding + t.borderWidth);
    return out;
  });

  const page = state.layout.page;
  const pageRoom = page.height - page.margin.top - page.margin.bottom - heights[0]!;
  const table: TableNode = {
    table: {
      headerRows: 1,
      keepWithHeaderRows: rows.length > 1 ? 1 : 0,
      // A row that fits a page is kept whole, on a grid too: a row split over two pages
      // interleaves its columns for anyone who reads the text (copying, pdftotext, a reader).
      dontBreakRows: heights.every((h) => h <= pageRoom),
      widths,
      body: cells,
    },
    layout: tableLayout(t),
    margin: [0, 0, 0, Math.max(body.spaceAfter, state.block(state.paragraph).pitch / 2)],
  };

  const flow: Flow = [];
  const caption = node.data?.caption?.trim();
  if (caption && !sameText(caption, previousSibling(node, parent))) {
    const block = state.block('caption');
    flow.push(...typeset([{ text: caption, style: block.text }], block, { width: state.width }).map((n) => ({ node: n, keep: true })));
  }
  // What must fit under a heading kept with this table: the header and the first row (if
  // that is more than half a page, the header alone).
  // (On a grid: the header and one line of the first row, as a row may break.)
  const lead = heights[0]! + (state.layout.typesetting.grid ? body.pitch + 2 * t.cellPadding : (heights[1] ?? 0));
  flow.push({ node: table, lead: lead <= pageRoom / 2 ? lead : heights[0]! });
  return flow;
}

function previousSibling(node: Table, parent?: Parents) {
  if (!parent) return undefined;
  const i = (parent.children as unknown[]).indexOf(node);
  return i > 0 ? parent.children[i - 1] : undefined;
}

function sameText(caption: string, node: Parameters<typeof toString>[0] | undefined): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/[。.：:]$/, '');
  return !!node && norm(toString(node)) === norm(caption);
}
