/**
 * Word boundaries for display lines (a title, the meeting line under it): such a line is
 * broken between words, not wherever two ideographs meet (`在番禺区第十八届` breaks before
 * `第十八届`, never as `第` / `十八届`). The PDF breaks its centred lines by them; the HTML
 * title block marks them with <wbr> and breaks nowhere else (word-break: keep-all), which a
 * browser on its own would not do (Chromium's phone view broke `第十` / `八届`). Words are ICU's (Intl.Segmenter), which splits an
 * ordinal like 第十八届 (`第十|八届`) and a place from its suffix (`番禺|区`), so those are
 * joined again: 第, numerals and a measure word make one word, and an administrative suffix
 * stays with the name before it.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** An ordinal or a count with its measure word: 第十八届, 第五次, 2025年, 二〇二五年, 26日. */
const NUMBERED = /第?[〇零一二三四五六七八九十百千万两\d]+(?:届|次|年|月|日|号|个|项|条|批|期|轮|周年|季度)?/gu;
/** A one-character suffix that belongs to the name before it. */
const SUFFIX = /^[区市县省镇乡村街州盟旗]$/u;

/** `out[i]` is 1 where a word of `text` starts (and at its end). */
function wordStarts(text: string): Uint8Array {
  const boundary = new Uint8Array(text.length + 1);
  boundary[0] = boundary[text.length] = 1;
  let previous = '';
  for (const { segment, index } of segmenter.segment(text)) {
    if (!(SUFFIX.test(segment) && /\p{Script=Han}$/u.test(previous))) boundary[index] = 1;
    previous = segment;
  }
  for (const m of text.matchAll(NUMBERED)) for (let i = m.index! + 1; i < m.index! + m[0].length; i++) boundary[i] = 0;
  return boundary;
}

/** Clears the break opportunities of `may` (pdf/text/breaks.ts) that fall inside a word of `text`. */
export function keepWords(text: string, may: Uint8Array): void {
  const boundary = wordStarts(text);
  for (let i = 1; i < text.length; i++) if (!boundary[i]) may[i] = 0;
}

/** `text` cut into its words, in order (joined, they are `text`). */
export function displayWords(text: string): string[] {
  const boundary = wordStarts(text);
  const words: string[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (!boundary[i]) continue;
    words.push(text.slice(from, i));
    from = i;
  }
  return words;
}
