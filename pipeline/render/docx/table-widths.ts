/**
 * Column widths from the content, because a Word table with no widths is either equal columns
 * (a serial-number column as wide as the long text) or autofit (different in every reader).
 *
 * Each column's natural width is its longest line set in one line (Han characters and
 * full-width punctuation one em, other characters about half), half an em of slack (bold
 * faces, rounding to twips: without it LibreOffice breaks 序号 after one character), plus the
 * cell padding. When all
 * fit, the spare width is shared in proportion; when not, narrow columns keep their natural
 * width and the wide ones share what is left in proportion to the square root of theirs, so a
 * medium column (a project name) is not squeezed to a sliver beside a very long one.
 */

/** A line this short (in ems) is a label, set on one line. */
const SHORT = 6;

/** Width of a line of text in ems. */
export function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d\u2026\u2014]/.test(ch) ? 1 : 0.55;
  return w;
}

/** Longest run that cannot break (a number or a Latin word), in ems. */
function unbreakable(text: string): number {
  return Math.max(0, ...(text.match(/[A-Za-z0-9.,%+\-/]+/g) ?? []).map(ems));
}

export interface ColumnInput {
  /** Lines of each cell of the column, header first, with the point size they are set in. */
  cells: Array<{ lines: string[]; size: number }>;
}

/** Widths in points that add up to `available`. */
export function columnWidths(columns: ColumnInput[], available: number, padding: number): number[] {
  const n = columns.length;
  if (n === 0) return [];
  const width = (ems: number, size: number) => (ems + 0.5) * size + 2 * padding;
  const natural = columns.map((c) => Math.max(...c.cells.flatMap((cell) => cell.lines.map((l) => width(ems(l), cell.size)))));
  // Short labels (a header, a category of a few characters) and numbers are not broken: their
  // width is a floor, up to a third of the table.
  const unbroken = (line: string) => (ems(line) <= SHORT ? ems(line) : unbreakable(line));
  const floor = columns.map((c, i) => Math.min(available / 3, natural[i]!, Math.max(...c.cells.flatMap((cell) => cell.lines.map((l) => width(unbroken(l), cell.size))))));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural.map((w) => (w / total) * available);

  const widths = new Array<number>(n).fill(0);
  const flexible = new Set(natural.keys());
  let remaining = available;
  for (;;) {
    const weight = [...flexible].reduce((sum, i) => sum + Math.sqrt(natural[i]!), 0);
    const fits = [...flexible].filter((i) => natural[i]! <= (remaining * Math.sqrt(natural[i]!)) / weight);
    if (!fits.length) {
      for (const i of flexible) widths[i] = (remaining * Math.sqrt(natural[i]!)) / weight;
      break;
    }
    for (const i of fits) {
      widths[i] = natural[i]!;
      remaining -= natural[i]!;
      flexible.delete(i);
    }
    if (!flexible.size) break;
  }
  // Raise any column below its floor, taking the difference from the widest.
  for (let i = 0; i < n; i++) {
    const short = floor[i]! - widths[i]!;
    if (short <= 0) continue;
    const widest = widths.indexOf(Math.max(...widths));
    if (widest === i) continue;
    const take = Math.min(short, widths[widest]! - floor[widest]!);
    if (take > 0) {
      widths[i]! += take;
      widths[widest]! -= take;
    }
  }
  return widths;
}
