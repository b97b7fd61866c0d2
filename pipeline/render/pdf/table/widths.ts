/**
 * Column widths that fit the content: a column never narrower than its longest unbreakable
 * piece (a header label stays on one line), never wider than its longest line; a column that
 * wants no more than an even share of the room gets what it wants; the room left goes, a
 * character at a time, where it shortens the table most, and else to the column most
 * squeezed relative to what it wants. A table that fits as it is gets the spare room in
 * proportion.
 */
export interface Column {
  /** Longest piece that cannot be broken. */
  min: number;
  /** Longest hard line. */
  max: number;
}

/** `cells[row][column]`: the widths of the hard lines of each cell. */
export function columnWidths(columns: Column[], cells: number[][][], room: number, step: number): number[] {
  const max = columns.map((c) => Math.max(c.max, c.min, 1));
  const wanted = max.reduce((a, b) => a + b, 0);
  if (wanted <= room) return max.map((m) => m + ((room - wanted) * m) / wanted);

  let widths = columns.map((c, i) => Math.min(c.min, max[i]!));
  const least = widths.reduce((a, b) => a + b, 0);
  if (least >= room) return widths.map((w) => (w * room) / least);

  // A column that wants no more than an even share of what is left gets it all.
  const settled = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    const open = widths.map((_, i) => i).filter((i) => !settled.has(i));
    const share = (room - [...settled].reduce((n, i) => n + widths[i]!, 0)) / open.length;
    for (const i of open) {
      if (max[i]! <= share) {
        widths[i] = max[i]!;
        settled.add(i);
        changed = true;
      }
    }
  }

  let left = room - widths.reduce((a, b) => a + b, 0);
  let cost = height(cells, widths);
  while (left > 1e-6) {
    const q = Math.min(step, left);
    let best = -1;
    let bestCost = cost;
    let bestSqueeze = 0;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! >= max[i]!) continue;
      const trial = widths.slice();
      trial[i] = Math.min(max[i]!, trial[i]! + q);
      const c = height(cells, trial);
      const squeeze = max[i]! / widths[i]!;
      if (c < bestCost || (c === bestCost && squeeze > bestSqueeze)) {
        best = i;
        bestCost = c;
        bestSqueeze = squeeze;
      }
    }
    if (best < 0) break;
    const given = Math.min(q, max[best]! - widths[best]!);
    widths[best] = widths[best]! + given;
    left -= given;
    cost = bestCost;
  }
  // Every column has all it wants and room is left (cannot happen when wanted > room).
  if (left > 1e-6) widths = widths.map((w) => w + left / widths.length);
  return widths;
}

/** Lines the table would take at these widths (rows as tall as their tallest cell). */
function height(cells: number[][][], widths: number[]): number {
  let total = 0;
  for (const row of cells) {
    let tallest = 0;
    row.forEach((lines, i) => {
      const w = widths[i]!;
      let n = 0;
      for (const line of lines) n += Math.max(1, Math.ceil(line / w - 1e-9));
      if (n > tallest) tallest = n;
    });
    total += tallest;
  }
  return total;
}
