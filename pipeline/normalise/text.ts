/**
 * Small text helpers the normalise plugins share: the character classes of Chinese text and
 * the numbering markers of the genre's headings.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Han characters plus CJK punctuation, full-width forms and the curly quotes Chinese uses. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7]/;
/** Punctuation that ends a sentence or a clause a paragraph can stop on. */
export const SENTENCE_END = /[。！？；!?;]/;
export { CN_NUMERAL, PART, SECTION, ITEM, SUBITEM, chineseNumber } from '../genre/markers.js';

export function text(node: Nodes): string {
  return toString(node, { includeImageAlt: false });
}

/** A paragraph made of text only, on one line (no hard breaks, links or emphasis). */
export function singleLine(node: RootContent | undefined): node is Paragraph & { children: [PhrasingContent] } {
  return !!node && node.type === 'paragraph' && node.children.every((c) => c.type === 'text');
}

export function paragraphText(node: RootContent | undefined): string | undefined {
  return singleLine(node) ? node.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : undefined;
}

/** Removes a trailing full stop, the way headings are printed. */
export function withoutFullStop(s: string): string {
  return s.replace(/[。.]$/, '');
}
