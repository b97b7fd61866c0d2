/**
 * The block types a report seldom has but a Markdown source may: quotations, code, rules.
 */
import { BorderStyle, Paragraph, TextRun, type FileChild } from 'docx';
import type { Blockquote, Code, ThematicBreak } from 'mdast';
import type { BlockHandler } from '../types.js';
import { CHAR_STYLES, EXTRA_STYLES } from '../styles.js';
import { hex } from '../units.js';

/** A quotation: its blocks in the Quote style (the body stepped in on both sides). */
export const blockquote: BlockHandler<Blockquote> = (state, node, where): FileChild[] =>
  state.blocks(node.children, { ...where, style: where.style ?? EXTRA_STYLES.quote });

/** Code: one paragraph per line, in the code character style, no indent. */
export const code: BlockHandler<Code> = (_state, node, where): FileChild[] =>
  node.value.split('\n').map(
    (line) =>
      new Paragraph({
        ...(where.style ? { style: where.style } : {}),
        indent: { firstLine: 0, firstLineChars: 0 },
        children: [new TextRun({ text: line, style: CHAR_STYLES.code })],
      }),
  );

/** A rule: an empty paragraph with a bottom border. */
export const thematicBreak: BlockHandler<ThematicBreak> = (state): FileChild[] => [
  new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(state.layout.table.borderColor), space: 1 } }, children: [] }),
];
