/**
 * Where a line may break in Chinese text (GB/T 15834 practice, the 禁则 of CJK typesetting):
 * between any two ideographs, but never before closing punctuation (no line starts with
 * ，。、；：？！）》」’”) and never after opening punctuation (no line ends with （《「‘“); never
 * inside a run of Latin letters, digits and ASCII punctuation (3070.56亿元, d1200, URLs);
 * never inside a 2-em dash —— or an ellipsis ……; after a space, not before it.
 */

/** May not begin a line: closing and middle punctuation, full and half width. */
export const NO_START = new Set([...'，。、；：？！）》」』〕】〉〗〙〛］｝’”％‰℃·・～,.;:?!)]}%']);
/** May not end a line: opening punctuation. */
export const NO_END = new Set([...'（《「『〔【〈〖〘〚［｛‘“([{']);

/** Closing punctuation whose glyph is mostly white: a line may be squeezed to keep it. */
export const SQUEEZABLE = new Set([...'，。、；：？！）》」』〕】〉’”']);

const isAsciiWord = (c: number) => c > 0x20 && c < 0x7f;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000;
/** Marks that come in pairs and must stay together: —— and …… */
const isDoubled = (c: number) => c === 0x2014 || c === 0x2026;

/**
 * Break opportunities of `text`: `out[i]` is 1 when a line may end before index i (i ≥ 1).
 * One pass, no allocation per character.
 */
export function breakOpportunities(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // inside a surrogate pair
    if (a === 0x0a || c === 0x0a) continue; // hard breaks are handled by the caller
    if (isSpace(c) || NO_START.has(text[i]!)) continue;
    if (isSpace(a)) {
      // After spaces, unless what precedes them is opening punctuation.
      let k = i - 1;
      while (k > 0 && isSpace(text.charCodeAt(k))) k--;
      if (!NO_END.has(text[k]!)) out[i] = 1;
      continue;
    }
    if (NO_END.has(text[i - 1]!)) continue;
    if (isAsciiWord(a) && isAsciiWord(c)) continue;
    if (a === c && isDoubled(c)) continue;
    out[i] = 1;
  }
  out[text.length] = 1;
  return out;
}

export { isSpace };
