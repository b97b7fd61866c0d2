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
export const CN_NUMERAL = '[一二三四五六七八九十百零〇]{1,4}';

/** `一、` */
export const PART = new RegExp(`^(${CN_NUMERAL})、\\s*`);
/** `（一）` or `(一)` */
export const SECTION = new RegExp(`^[（(](${CN_NUMERAL})[）)]\\s*`);
/** `1.` `1、` `1．` (not a decimal such as 1.5) */
export const ITEM = /^(\d{1,2})(?:[.．](?!\d)|、)\s*/;
/** `（1）` or `(1)` */
export const SUBITEM = /^[（(](\d{1,2})[）)]\s*/;

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

const NUMERALS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 -> 1, 十二 -> 12, 二十三 -> 23. */
export function chineseNumber(numeral: string): number {
  let total = 0;
  let current = 0;
  for (const ch of numeral) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else current = NUMERALS[ch] ?? 0;
  }
  return total + current;
}

/** Removes a trailing full stop, the way headings are printed. */
export function withoutFullStop(s: string): string {
  return s.replace(/[。.]$/, '');
}
