/**
 * The numbering of the genre's headings, as printed: `一、` opens a part, `（一）` a section,
 * `1.` and `（1）` the levels below.
 */

export const CN_NUMERAL = '[一二三四五六七八九十百零〇]{1,4}';

/** `一、` */
export const PART = new RegExp(`^(${CN_NUMERAL})、\\s*`);
/** `（一）` or `(一)` */
export const SECTION = new RegExp(`^[（(](${CN_NUMERAL})[）)]\\s*`);
/** `1.` `1、` `1．` (not a decimal such as 1.5) */
export const ITEM = /^(\d{1,2})(?:[.．](?!\d)|、)\s*/;
/** `（1）` or `(1)` */
export const SUBITEM = /^[（(](\d{1,2})[）)]\s*/;

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

