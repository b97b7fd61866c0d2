/**
 * Where a line may break in Chinese text (GB/T 15834 practice, the 禁则 of CJK typesetting):
 * between any two ideographs, but never before closing punctuation (no line starts with
 * ，。、；：？！）》」’”) and never after opening punctuation (no line ends with （《「‘“); never
 * inside a run of Latin letters, digits and ASCII punctuation (3070.56亿元, d1200, URLs);
 * never inside a 2-em dash —— or an ellipsis …… (they may start a line, but not be split);
 * after a space, not before it.
 */

/** May not begin a line: closing and middle punctuation, full and half width. */
export const NO_START = new Set([...'，。、；：？！）》」』〕】〉〗〙〛］｝’”％‰℃·・～,.;:?!)]}%']);
/** May not end a line: opening punctuation. */
export const NO_END = new Set([...'（《「『〔【〈〖〘〚［｛‘“([{']);
/** Closing punctuation whose glyph is mostly white: a line may be squeezed to keep it. */
export const SQUEEZABLE = new Set([...'，。、；：？！）》」』〕】〉’”']);

/* Character classes by UTF-16 code unit, so the scan below reads one byte per character. */
const START = 1;
const END = 2;
const SQUEEZE = 4;
const SPACE = 8;
const ASCII = 16;
const DOUBLED = 32;
const CLASS = new Uint8Array(0x10000);
for (const c of NO_START) CLASS[c.charCodeAt(0)]! |= START;
for (const c of NO_END) CLASS[c.charCodeAt(0)]! |= END;
for (const c of SQUEEZABLE) CLASS[c.charCodeAt(0)]! |= SQUEEZE;
for (let c = 0x21; c < 0x7f; c++) CLASS[c]! |= ASCII;
for (const c of [0x20, 0x09, 0x3000]) CLASS[c]! |= SPACE;
for (const c of [0x2014, 0x2026]) CLASS[c]! |= DOUBLED;

export const isSpace = (c: number) => (CLASS[c]! & SPACE) !== 0;
export const isSqueezable = (c: number) => (CLASS[c]! & SQUEEZE) !== 0;
export const mayNotStart = (c: number) => (CLASS[c]! & START) !== 0;

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
    const ca = CLASS[a]!;
    const cc = CLASS[c]!;
    if (cc & (SPACE | START)) continue;
    if (ca & SPACE) {
      // After spaces, unless what precedes them is opening punctuation.
      let k = i - 1;
      while (k > 0 && CLASS[text.charCodeAt(k)]! & SPACE) k--;
      if (!(CLASS[text.charCodeAt(k)]! & END)) out[i] = 1;
      continue;
    }
    if (ca & END) continue;
    if (ca & cc & ASCII) continue;
    if (a === c && cc & DOUBLED) continue;
    out[i] = 1;
  }
  out[text.length] = 1;
  return out;
}
