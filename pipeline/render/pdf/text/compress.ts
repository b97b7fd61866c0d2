/**
 * Punctuation compression (标点挤压, W3C clreq §3.1.6-3.1.8).
 *
 * A full-width mark sits in one half of its em and leaves the other half blank: closing marks
 * (，。、；：？！）》」』’”) on the left, opening marks (（《「『‘“) on the right. Two marks
 * side by side would leave a whole blank em between their glyphs (`”。` `。“` `”，` `）、`), so
 * the blank half next to the other mark is taken out:
 *   - a closing mark followed by another mark (closing or opening) is set in half an em;
 *   - an opening mark that follows another opening mark is set in half an em.
 * What is left is 1.5 em for the pair, as clreq, Typst and xeCJK set it.
 *
 * A mark may also lose its blank half to make room when a line must shrink: lines.ts does
 * that. The half width itself is asked for with the feature `halt` and set by
 * engine/half-width.ts (which also moves an opening mark's glyph into the half it keeps).
 */

/**
 * The part of its em a halved mark keeps: a hair over half. Text extraction (poppler, so
 * pdftotext and most viewers' copy) takes a glyph's box to be its full font width, and joins
 * a word to the one before it on a line only when they overlap by less than half an em; at
 * exactly half, rounding parted some lines. 0.03 em (a third of a point in 11 pt) is not seen.
 */
export const KEPT = 0.53;

export const CLOSING_MARKS = '，。、；：？！）》」』〕】〉’”';
export const OPENING_MARKS = '（《「『〔【〈‘“';

const CLOSING = 1;
const OPENING = 2;
const KIND = new Uint8Array(0x10000);
for (const c of CLOSING_MARKS) KIND[c.charCodeAt(0)] = CLOSING;
for (const c of OPENING_MARKS) KIND[c.charCodeAt(0)] = OPENING;

/** A full-width mark whose blank half may be taken out. */
export const isMark = (c: number): boolean => KIND[c] !== 0;
export const isClosingMark = (c: number): boolean => KIND[c] === CLOSING;

/**
 * The marks of `text` set in half an em because of the mark beside them: `out[i]` is 1 for
 * those. `can[i]` says whether the character at i may be halved at all (a mark a full em
 * wide in its face, not a superscript).
 */
export function adjacentPairs(text: string, can: Uint8Array, out = new Uint8Array(text.length)): Uint8Array {
  for (let i = 0; i < text.length; i++) {
    if (!can[i]) continue;
    const kind = KIND[text.charCodeAt(i)];
    if (kind === CLOSING && i + 1 < text.length && KIND[text.charCodeAt(i + 1)]) out[i] = 1;
    else if (kind === OPENING && i > 0 && KIND[text.charCodeAt(i - 1)] === OPENING) out[i] = 1;
  }
  return out;
}
