/**
 * Tables as Word tables: the first row is the header, marked to repeat on every page; no row
 * splits across pages; borders, header and stripe fills and cell padding from layout.table;
 * column widths from the content (table-widths.ts); a multi-line cell (hard breaks in the
 * tree) as one paragraph per line. The caption is printed above, in the Caption style, unless
 * the block just before already says the same (the normaliser takes captions from that line).
 */
import {
  BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, ShadingType,
  AlignmentType, VerticalAlignTable, type FileChild,
} from 'docx';
import type { PhrasingContent, Table as MdTable, TableCell as MdTableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BlockHandler } from '../types.js';
import { styleId } from '../styles.js';
import { columnWidths } from '../table-widths.js';
import { eighths, hex, twips } from '../units.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export const table: BlockHandler<MdTable> = (state, node, where): FileChild[] => {
  const { layout } = state;
  const t = layout.table;
  const columns = Math.max(0, ...node.children.map((r) => r.children.length));
  if (columns === 0) return [];
  const cellLines = node.children.map((row) => Array.from({ length: columns }, (_, c) => lines(row.children[c])));

  const available = layout.page.width - layout.page.margin.left - layout.page.margin.right;
  const widths = columnWidths(
    Array.from({ length: columns }, (_, c) => ({
      cells: cellLines.map((row, r) => ({ lines: row[c]!.map((l) => toString({ type: 'paragraph', children: l })), size: (r === 0 ? layout.styles.tableHeader : layout.styles.table).size })),
    })),
    available,
    t.cellPadding,
  ).map(twips);

  const border = { style: BorderStyle.SINGLE, size: eighths(t.borderWidth), color: hex(t.borderColor) };
  const rows = cellLines.map((row, r) => {
    const header = r === 0;
    const fill = header ? t.headerFill : r % 2 === 0 ? t.stripeFill : null;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: row.map((paragraphs, c) => {
        const align = node.align?.[c];
        return new TableCell({
          width: { size: widths[c]!, type: WidthType.DXA },
          ...(fill ? { shading: { fill: hex(fill), type: ShadingType.CLEAR, color: 'auto' } } : {}),
          // Header labels sit in the middle of their row, whatever the tallest label.
          ...(header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
          children: paragraphs.map(
            (line) =>
              new Paragraph({
                style: styleId(header ? 'tableHeader' : 'table'),
                ...(align && !header ? { alignment: ALIGN[align] } : {}),
                children: state.inline(line),
              }),
          ),
        });
      }),
    });
  });

  const out: FileChild[] = [];
  const caption = node.data?.caption;
  if (caption && !(where.previous && toString(where.previous).trim() === caption.trim())) {
    out.push(new Paragraph({ style: styleId('caption'), text: caption }));
  }
  const pad = twips(t.cellPadding);
  out.push(
    new Table({
      rows,
      columnWidths: widths,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      margins: { top: pad, bottom: pad, left: pad, right: pad },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    }),
  );
  return out;
};

/** A cell's phrasing split at hard breaks: one entry per line (never none, so the cell has a paragraph). */
function lines(cell: MdTableCell | undefined): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const child of cell?.children ?? []) {
    if (child.type === 'break') out.push([]);
    else out[out.length - 1]!.push(child);
  }
  return out;
}

