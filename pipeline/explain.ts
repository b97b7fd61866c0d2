/**
 * `reportpress ast --lines`: every source line with what it became, so a user whose report is
 * misread can see where (and fix it with a sidecar, see read/sidecar.ts).
 *
 *     1  page: widget                  | 下载
 *    10  front matter                  | 2026年上海市政府工作报告
 *    15  paragraph                     | 各位代表：
 *    17  heading 1                     | 一、2025年工作回顾
 */
import type { Nodes, Root } from 'mdast';
import type { Publication } from './model.js';
import type { ReadResult } from './read/index.js';

export function explainLines(input: ReadResult, publication: Publication): string[] {
  const lines = input.text.split('\n');
  const what = new Array<string>(lines.length).fill('');
  for (const removal of input.removed) for (let n = removal.from; n <= removal.to; n++) if (lines[n - 1]!.trim()) what[n - 1] = `page: ${removal.reason}`;
  for (const n of input.front.lines) what[n - 1] = 'front matter';
  describe(publication.tree, what);
  const width = String(lines.length).length;
  return lines.map((line, i) => {
    const label = line.trim() === '' ? '' : what[i] || 'joined to the line before';
    return `${String(i + 1).padStart(width)}  ${label.padEnd(34)}| ${line.trim()}`;
  });
}

/** Marks the lines each block of the tree came from: the innermost block names a line. */
function describe(tree: Root, what: string[]): void {
  const visit = (node: Nodes, inside?: string) => {
    const kind = label(node, inside);
    if ('children' in node) for (const child of node.children) visit(child as Nodes, kind ?? inside);
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (kind && start && end) for (let n = start; n <= end; n++) if (!what[n - 1]) what[n - 1] = kind;
  };
  for (const child of tree.children) visit(child);
}

function label(node: Nodes, inside: string | undefined): string | undefined {
  switch (node.type) {
    case 'heading':
      return `heading ${node.depth}${node.data?.runIn ? ' (run in)' : ''}`;
    case 'paragraph':
      return inside ? undefined : 'paragraph';
    case 'table':
      return 'table';
    case 'tableCell':
      return 'table cell';
    case 'list':
      return 'list';
    case 'listItem':
      return 'list item';
    case 'defList':
      return 'glossary';
    case 'defListTerm':
      return 'glossary term';
    case 'defListDescription':
      return 'glossary definition';
    default:
      return undefined;
  }
}
