import { Paragraph, type FileChild } from 'docx';
import type { Paragraph as MdParagraph } from 'mdast';
import type { BlockHandler } from '../types.js';

/** A paragraph in its container's style (Normal, Table Text, Glossary Definition …). */
export const paragraph: BlockHandler<MdParagraph> = (state, node, where): FileChild[] => [
  new Paragraph({ ...(where.style ? { style: where.style } : {}), children: state.inline(node.children) }),
];
