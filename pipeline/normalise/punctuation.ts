/**
 * ASCII punctuation beside Chinese text -> full-width forms (GB/T 15834-2011).
 *
 * Scraping folds ，：；（）！？ to , : ; ( ) ! ?. A mark goes back to full width when the
 * character on either side of it is Chinese; a pair of parentheses goes back together when
 * either end touches Chinese. Numbers (3070.56, 2,000, 12:30), Latin (R&D, PM2.5, 5G) and
 * URLs keep their ASCII. Stray spaces between two Chinese characters are removed, except the
 * one that separates the halves of a balanced slogan inside quotes (“珠水金声 粤韵乐乡”).
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { CJK } from './text.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
const PROTECTED = /(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|www\.[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function reportPunctuation() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      node.value = fullWidth(node.value);
    });
  };
}

export function fullWidth(value: string): string {
  if (!/[,:;!?() ]/.test(value)) return value;
  // Work on the pieces between protected spans (URLs, e-mail addresses).
  let out = '';
  let last = 0;
  for (const m of value.matchAll(PROTECTED)) {
    out += convert(value.slice(last, m.index));
    out += m[0];
    last = m.index! + m[0].length;
  }
  return out + convert(value.slice(last));
}

function convert(s: string): string {
  const chars = [...s];
  const swap = new Array<boolean>(chars.length).fill(false);
  const isCjk = (i: number) => i >= 0 && i < chars.length && CJK.test(chars[i]!);
  const besideCjk = (i: number) => isCjk(neighbour(chars, i, -1)) || isCjk(neighbour(chars, i, 1));

  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === '(') open.push(i);
    else if (ch === ')') {
      const o = open.pop();
      if (o === undefined) swap[i] = besideCjk(i);
      else swap[o] = swap[i] = besideCjk(o) || besideCjk(i);
    } else if (ch in FULL) {
      const before = chars[neighbour(chars, i, -1)];
      const after = chars[neighbour(chars, i, 1)];
      // 2,000 and 12:30 stay as they are.
      const numeric = /[0-9]/.test(before ?? '') && /[0-9]/.test(after ?? '');
      swap[i] = !numeric && besideCjk(i);
    }
  });
  for (const o of open) swap[o] = besideCjk(o);

  let result = '';
  chars.forEach((ch, i) => {
    result += swap[i] ? FULL[ch]! : ch;
  });
  return removeStraySpaces(result);
}

/** Index of the nearest character that is not a space, in direction `step`. */
function neighbour(chars: string[], i: number, step: 1 | -1): number {
  let j = i + step;
  while (j >= 0 && j < chars.length && chars[j] === ' ') j += step;
  return j;
}

function removeStraySpaces(s: string): string {
  if (!s.includes(' ')) return s;
  return s.replace(/ +/g, (space, offset: number) => {
    const before = s[offset - 1];
    const after = s[offset + space.length];
    if (!before || !after || !CJK.test(before) || !CJK.test(after)) return space;
    // Spaces next to full-width punctuation are always stray.
    if (!/[\u4e00-\u9fff]/.test(before) || !/[\u4e00-\u9fff]/.test(after)) return '';
    return isSloganGap(s, offset, space.length) ? space : '';
  });
}

/** “珠水金声 粤韵乐乡”: a space between two equally long halves inside quotes. */
function isSloganGap(s: string, offset: number, width: number): boolean {
  const open = Math.max(s.lastIndexOf('“', offset), s.lastIndexOf('「', offset));
  const closeQuote = s.slice(offset).search(/[”」]/);
  if (open < 0 || closeQuote < 0) return false;
  const left = s.slice(open + 1, offset);
  const right = s.slice(offset + width, offset + closeQuote);
  return left.length >= 2 && left.length === right.length && !/\s/.test(left + right);
}
