/**
 * One-cell-per-line runs -> tables.
 *
 * A web table flattened to text reads: the header cells, then `1`, the cells of row 1, `2`, the
 * cells of row 2, … The serial numbers are the anchor: a paragraph `1` followed k blocks later
 * by `2`, preceded by k short header cells, starts a k-column table; each later number starts a
 * row. A row with too few or too many cells is a warning with its line; missing cells are left
 * empty and surplus cells are kept in the row's last cell, so no text is lost. A cell that held
 * several lines keeps them as hard breaks.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { VFile } from 'vfile';
import { paragraphText, SENTENCE_END, text } from './text.js';

const ROW_NUMBER = /^\d{1,3}$/;
const HEADER_CELL_MAX = 16;
/** Header cells are labels: no sentence or clause punctuation. */
const HEADER_PUNCTUATION = /[。！？；：，、!?;:,]/;
/** Furthest a serial number can be from the previous one (cells of one row). */
const MAX_ROW_SPAN = 40;
const CAPTION_MAX = 40;

export function reportTables() {
  return (tree: Root, file: VFile) => {
    const out: RootContent[] = [];
    const nodes = tree.children;
    let i = 0;
    while (i < nodes.length) {
      const found = findTable(nodes, i);
      if (!found) {
        out.push(nodes[i]!);
        i++;
        continue;
      }
      // The header cells were already copied to `out`; take them back.
      out.splice(out.length - found.columns, found.columns);
      const table = buildTable(nodes, found, file);
      const caption = captionOf(out[out.length - 1]);
      if (caption) table.data = { ...table.data, caption };
      out.push(table);
      i = found.end;
    }
    tree.children = out;
    // Tables that arrived as tables (Markdown sources) get their caption the same way.
    tree.children.forEach((node, index) => {
      if (node.type === 'table' && !node.data?.caption) {
        const caption = captionOf(tree.children[index - 1]);
        if (caption) node.data = { ...node.data, caption };
      }
    });
  };
}

interface Found {
  columns: number;
  /** Index of the `1` block. */
  first: number;
  /** Start index of each row. */
  rows: number[];
  /** Index after the table. */
  end: number;
}

function findTable(nodes: RootContent[], i: number): Found | undefined {
  if (paragraphText(nodes[i]) !== '1') return undefined;
  const rows = [i];
  for (let n = 2, at = nextNumber(nodes, i, n, MAX_ROW_SPAN); at !== undefined; n++, at = nextNumber(nodes, at, n, MAX_ROW_SPAN)) rows.push(at);
  if (rows.length < 2) return undefined;
  // The usual distance between serial numbers is the column count, so a row with a missing or
  // surplus cell stands out instead of deciding the shape. On a tie the header decides: it is
  // the run of short labels right before the `1`.
  const columns = candidates(rows.slice(1).map((r, k) => r - rows[k]!)).find((k) => k >= 2 && i - k >= 0 && headerAt(nodes, i - k, i));
  if (columns === undefined) return undefined;
  const last = rows[rows.length - 1]!;
  let end = last + 1;
  // The last row has no number after it: take its cells, stopping at anything not a paragraph.
  while (end < nodes.length && end - last < columns && nodes[end]!.type === 'paragraph') end++;
  return { columns, first: i, rows, end };
}

/** Distinct values, most frequent first, the larger first on a tie (a missing cell is likelier than a surplus one). */
function candidates(values: number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([v]) => v);
}

function headerAt(nodes: RootContent[], from: number, to: number): boolean {
  for (let h = from; h < to; h++) {
    const cell = paragraphText(nodes[h]);
    if (cell === undefined || cell.length > HEADER_CELL_MAX || HEADER_PUNCTUATION.test(cell) || ROW_NUMBER.test(cell)) return false;
  }
  return true;
}

function nextNumber(nodes: RootContent[], from: number, n: number, within: number): number | undefined {
  for (let j = from + 1; j < nodes.length && j <= from + within; j++) {
    if (nodes[j]!.type !== 'paragraph') return undefined;
    if (paragraphText(nodes[j]) === String(n)) return j;
  }
  return undefined;
}

function buildTable(nodes: RootContent[], found: Found, file: VFile): Table {
  const { columns, first, rows, end } = found;
  const header = row(nodes.slice(first - columns, first) as Paragraph[]);
  const body = rows.map((start, r) => {
    const stop = r + 1 < rows.length ? rows[r + 1]! : end;
    const cells = nodes.slice(start, stop) as Paragraph[];
    if (cells.length !== columns) {
      file.message(`table row ${r + 1} has ${cells.length} cells, expected ${columns}`, {
        place: cells[0]?.position?.start,
        ruleId: 'table-row-cells',
        source: 'reportpress',
      });
    }
    return row(fit(cells, columns));
  });
  const table: Table = { type: 'table', align: new Array(columns).fill(null), children: [header, ...body] };
  const start = nodes[first - columns]?.position?.start;
  const stop = nodes[end - 1]?.position?.end;
  if (start && stop) table.position = { start, end: stop };
  return table;
}

/** Exactly `columns` cells: surplus cells join the last one (with a line break), gaps stay empty. */
function fit(cells: Paragraph[], columns: number): PhrasingContent[][] {
  const contents = cells.map((c) => c.children);
  while (contents.length < columns) contents.push([]);
  if (contents.length > columns) {
    const surplus = contents.splice(columns - 1);
    contents.push(surplus.flatMap((c, k) => (k === 0 ? c : [{ type: 'break' } as PhrasingContent, ...c])));
  }
  return contents;
}

function row(cells: Array<Paragraph | PhrasingContent[]>): TableRow {
  return {
    type: 'tableRow',
    children: cells.map((c): TableCell => {
      const children = Array.isArray(c) ? c : c.children;
      const cell: TableCell = { type: 'tableCell', children };
      if (!Array.isArray(c) && c.position) cell.position = c.position;
      return cell;
    }),
  };
}

/** A short title line right before a table names it. */
function captionOf(node: RootContent | undefined): string | undefined {
  if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return undefined;
  const caption = text(node).trim();
  if (!caption || caption.length > CAPTION_MAX || SENTENCE_END.test(caption)) return undefined;
  return caption;
}
