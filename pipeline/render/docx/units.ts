/**
 * WordprocessingML measures lengths in several units; the layout gives points. Conversions
 * live here so no other file multiplies by 20 or 8.
 */

/** Twentieths of a point (twips): indents, spacing, page size, margins, widths. */
export const twips = (pt: number): number => Math.round(pt * 20);

/** Half-points: font sizes (`w:sz`). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Eighths of a point: border widths (`w:sz` of a border), at least the 2 Word accepts. */
export const eighths = (pt: number): number => Math.max(2, Math.min(96, Math.round(pt * 8)));

/** `#1a2b3c` or `#abc` -> `1A2B3C`, the form `w:color` takes. */
export function hex(color: string): string {
  const c = color.replace(/^#/, '');
  const full = c.length === 3 ? [...c].map((ch) => ch + ch).join('') : c;
  return full.toUpperCase();
}
