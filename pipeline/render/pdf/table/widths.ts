/**
 * Column widths that fit the content.
 *
 * A column is never narrower than its longest unbreakable piece (a header label stays on one
 * line) nor wider than its longest line; a column of short labels, and any column that wants
 * no more than an even share of the room, gets all it wants. The text columns share what is
 * left in proportion to the square root of their longest line, a balance between giving
 * everything to the longest column (and starving the others into towers of short lines) and
 * sharing evenly; then room is traded between them, within a quarter of their share, while
 * that makes the table shorter (estimated: a hard line of a cell takes ceil(width / column)
 * lines, a row as many as its tallest cell). A table that fits as it is gets the spare room in
 * proportion.
 */
export interface Column {
  /** Longest piece that cannot be broken. */
  min: number;
  /** Longest hard line. */
  max: number;
}

/** Columns no wider than room / SHORT hold labels: kept whole. */
const SHORT = 6;
/** How far trading may move a text column from its share. */
const TRADE = 0.25;

/** `cells[row][column]`: the widths of the hard lines of each cell. */
export function columnWidths(columns: Column[], cells: number[][][], room: number, step: number): number[] {
  const max = columns.map((c) => Math.max(c.max, c.min, 1));
  const wanted = max.reduce((a, b) => a + b, 0);
  if (wanted <= room) return max.map((m) => m + ((room - wanted) * m) / wanted);

  const floor = columns.map((c, i) => (max[i]! <= room / SHORT ? max[i]! : Math.min(c.min, max[i]!)));
  const least = floor.reduce((a, b) => a + b, 0);
  if (least >= room) return floor.map((w) => (w * room) / least);

  // Settle the columns that want little; share the rest by weight, clamped to [floor, max].
  const widths = floor.slice();
  const settled = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    const open = widths.map((_, i) => i).filter((i) => !settled.has(i));
    const left = room - [...settled].reduce((n, i) => n + widths[i]!, 0);
    const weight = open.reduce((n, i) => n + Math.sqrt(max[i]!), 0);
    for (const i of open) {
      const share = (left * Math.sqrt(max[i]!)) / weight;
      if (max[i]! <= left / open.length || max[i]! <= share) widths[i] = max[i]!;
      else if (floor[i]! >= share) widths[i] = floor[i]!;
      else {
        widths[i] = share;
        continue;
      }
      settled.add(i);
      changed = true;
    }
  }

  const text = widths.map((_, i) => i).filter((i) => !settled.has(i));
  const lo = widths.map((w, i) => Math.max(floor[i]!, w * (1 - TRADE)));
  const hi = widths.map((w, i) => Math.min(max[i]!, w * (1 + TRADE)));
  let cost = height(cells, widths);
  for (let round = 0; round < 200; round++) {
    let move: [number, number] | undefined;
    let best = cost;
    for (const a of text) {
      for (const b of text) {
        if (a === b || widths[a]! - step < lo[a]! || widths[b]! + step > hi[b]!) continue;
        const trial = widths.slice();
        trial[a] = trial[a]! - step;
        trial[b] = trial[b]! + step;
        const c = height(cells, trial);
        if (c < best - 1e-9) {
          best = c;
          move = [a, b];
        }
      }
    }
    if (!move) break;
    widths[move[0]] = widths[move[0]]! - step;
    widths[move[1]] = widths[move[1]]! + step;
    cost = best;
  }
  return widths;
}

/**
 * Lines the table would take at these widths (rows as tall as their tallest cell), plus a
 * little for every line of every cell, so that of two equally tall tables the one whose
 * cells are broken less wins.
 */
function height(cells: number[][][], widths: number[]): number {
  let total = 0;
  let broken = 0;
  for (const row of cells) {
    let tallest = 0;
    row.forEach((lines, i) => {
      const w = widths[i]!;
      let n = 0;
      for (const line of lines) n += Math.max(1, Math.ceil(line / w - 1e-9));
      broken += n;
      if (n > tallest) tallest = n;
    });
    total += tallest;
  }
  return total + broken * 1e-3;
}
