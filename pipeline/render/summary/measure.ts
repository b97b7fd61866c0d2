/**
 * Text measure for planning the one-page PDF before pdfmake lays it out.
 *
 * The plan only has to be close: the writer renders, counts pages and shortens again if the
 * plan was too hopeful. Widths are in ems and err on the wide side: CJK characters and
 * full-width forms are one em in every CJK face; Latin letters and digits are taken at the
 * widest of the Noto faces we ship (digits 0.59 em, bold).
 */

/** pdfkit's line pitch is ascender - descender; Noto Sans/Serif SC: 1.448 / 1.437 em. */
export const LINE_EM = 1.45;

const NARROW: Record<string, number> = { '.': 0.35, ',': 0.35, ':': 0.35, ';': 0.35, ' ': 0.26, '%': 1, '‰': 1, '-': 0.4, '/': 0.45, '(': 0.4, ')': 0.4, '·': 1 };

/** Width of `text` in ems. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80) w += 1;
    else if (ch in NARROW) w += NARROW[ch]!;
    else if (/[A-Z]/.test(ch)) w += 0.72;
    else if (code < 0x2000) w += 0.6;
    else w += 1;
  }
  return w;
}

/**
 * Lines `text` takes at `size` in a column `width` points wide. A line can lose up to one
 * character at its end to a break that does not fall on the edge, so the usable width is one
 * em narrower.
 */
export function lineCount(text: string, size: number, width: number): number {
  if (!text) return 0;
  const usable = Math.max(size, width - size);
  return Math.max(1, Math.ceil((emWidth(text) * size) / usable));
}

/** Height of `lines` lines at `size` with pdfmake's `lineHeight` multiple. */
export function linesHeight(lines: number, size: number, lineHeight = 1): number {
  return lines * size * LINE_EM * lineHeight;
}
