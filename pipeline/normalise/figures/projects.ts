/** 民生实事: the 项目 column of the list's table, or the list's own headings. */
import type { Table } from 'mdast';
import type { Priority } from '../../model.js';
import { blockText, firstLine, type Doc, type Part } from './document.js';

const PROJECT_COLUMN = [/^(?:项目|项目名称|实事名称|实事项目|名称|事项)$/, /项目|名称|事项|实事/];

export function projectItems(doc: Doc, part: Part): Priority[] {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type === 'table') {
      const items = tableColumn(doc, i, node);
      if (items.length) return items;
    }
  }
  return doc.headingsIn(part, 2);
}

function tableColumn(doc: Doc, index: number, table: Table): Priority[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((cell) => blockText(cell).replace(/\s+/g, ''));
  let column = -1;
  for (const pattern of PROJECT_COLUMN) {
    column = names.findIndex((n) => pattern.test(n));
    if (column !== -1) break;
  }
  if (column === -1) return [];
  const out: Priority[] = [];
  for (const row of rows) {
    const cell = row.children[column];
    if (!cell) continue;
    const text = blockText(cell).replace(/\n+/g, ' ').trim();
    if (!text) continue;
    out.push({ text, from: doc.provenance(index, { text, offset: 0 }, 0, text.length, firstLine(cell)) });
  }
  return out;
}
