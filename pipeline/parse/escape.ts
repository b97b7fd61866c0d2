/**
 * Blocks of plain text -> Markdown that means exactly that text.
 *
 * CommonMark lets any ASCII punctuation be backslash-escaped, and an escaped character is
 * always literal. Escaping every one of them is the simplest rule that provably keeps `# `,
 * `* `, `> `, `| a |`, `1. `, `<script>`, `&amp;`, autolinks and setext underlines as text.
 * Lines were already stripped of indentation, so nothing can become a code block. Lines of one
 * block are joined by a hard break (backslash at line end); blocks by a blank line.
 */
import type { Block } from '../read/index.js';

export interface SafeMarkdown {
  markdown: string;
  /** Markdown line (1-based index) -> source line. Index 0 is unused. */
  lineMap: number[];
  /** Markdown line (1-based index) -> source column where the line's text starts. */
  columnMap: number[];
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeText(text: string): string {
  return text.replace(ASCII_PUNCTUATION, '\\$&');
}

export function toSafeMarkdown(blocks: Block[]): SafeMarkdown {
  const out: string[] = [];
  const lineMap: number[] = [0];
  const columnMap: number[] = [0];
  const push = (text: string, line: number, column: number) => {
    out.push(text);
    lineMap.push(line);
    columnMap.push(column);
  };
  blocks.forEach((block, b) => {
    if (b > 0) {
      const last = block.lines[0]!;
      push('', last.line, 1);
    }
    block.lines.forEach((line, i) => {
      const hardBreak = i < block.lines.length - 1 ? '\\' : '';
      push(escapeText(line.text) + hardBreak, line.line, line.column);
    });
  });
  return { markdown: out.join('\n') + '\n', lineMap, columnMap };
}

/** Source column of a Markdown column, undoing the escapes added before it. */
export function sourceColumn(mdLine: string, mdColumn: number, startColumn: number): number {
  let escapes = 0;
  for (let i = 0; i < mdColumn - 1 && i < mdLine.length; i++) {
    if (mdLine[i] === '\\' && i + 1 < mdLine.length) {
      escapes++;
      i++;
    }
  }
  return startColumn + mdColumn - 1 - escapes;
}
