/**
 * Blocks of plain text -> mdast, directly. escape.ts makes every ASCII punctuation mark
 * literal, so remark-parse can only ever return, for each block, a paragraph of text nodes
 * joined by hard breaks: this builds that very tree (the same nodes, values and source
 * positions) without running the Markdown parser, whose token lists cost about 100 bytes and
 * half a microsecond per character (a 3 MB report of 200,000 short lines took 20 s and most of
 * a gigabyte in it). test/hostile/plain-parse.test.ts holds the two to the same result.
 */
import type { Break, Paragraph, Root, Text } from 'mdast';
import type { Block } from '../read/index.js';

export function plainTree(blocks: Block[], lastLine: number): Root {
  const children: Paragraph[] = [];
  for (const block of blocks) {
    const inline: Array<Text | Break> = [];
    const lines = block.lines;
    for (let i = 0; i < lines.length; i++) {
      const { text, line, column } = lines[i]!;
      const end = column + text.length;
      inline.push({ type: 'text', value: text, position: { start: { line, column }, end: { line, column: end } } });
      const next = lines[i + 1];
      if (next) inline.push({ type: 'break', position: { start: { line, column: end }, end: { line: next.line, column: next.column } } });
    }
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    children.push({
      type: 'paragraph',
      children: inline,
      position: { start: { line: first.line, column: first.column }, end: { line: last.line, column: last.column + last.text.length } },
    });
  }
  // As remark's: its first point mapped to the source, its end left in Markdown lines.
  const start = blocks[0]?.lines[0] ?? { line: 1, column: 1 };
  return { type: 'root', children, position: { start: { line: start.line, column: start.column }, end: { line: lastLine, column: 1 } } };
}
