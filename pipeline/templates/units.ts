/**
 * Units a layout file may use. Lengths are numbers (points) or strings with a unit
 * (`25mm`, `2.5cm`, `1in`, `12pt`); font sizes may also be the Chinese 字号 names printers
 * use (`三号` = 16 pt, `小四` = 12 pt), as GB/T 9704 specifies sizes that way.
 */
export const MM = 72 / 25.4;

const UNITS: Record<string, number> = { pt: 1, mm: MM, cm: 10 * MM, in: 72, px: 0.75 };

/** Chinese type sizes in points. */
export const HAO: Record<string, number> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15,
  四号: 14, 小四: 12, 五号: 10.5, 小五: 9, 六号: 7.5, 小六: 6.5, 七号: 5.5, 八号: 5,
};

/** Points from a length, or undefined when the value is not one. */
export function parseLength(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in|px)?\s*$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * UNITS[m[2] ?? 'pt']!;
}

export function parseFontSize(value: unknown): number | undefined {
  if (typeof value === 'string' && value.trim() in HAO) return HAO[value.trim()];
  return parseLength(value);
}

/**
 * Line height: a bare number is a multiple of the font size (1.5), a length is an exact
 * line pitch (`28.95pt`, as the 公文 grid of 22 lines needs).
 */
export type LineHeight = { multiple: number } | { exact: number };

export function parseLineHeight(value: unknown): LineHeight | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { multiple: value };
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return { multiple: Number(value) };
  const exact = parseLength(value);
  return exact !== undefined && exact > 0 ? { exact } : undefined;
}

/** Page sizes in millimetres (portrait). */
export const PAGE_SIZES: Record<string, [number, number]> = {
  A3: [297, 420], A4: [210, 297], A5: [148, 210], A6: [105, 148],
  B4: [250, 353], B5: [176, 250], B6: [125, 176],
  '16K': [184, 260], '32K': [130, 184],
  LETTER: [215.9, 279.4], LEGAL: [215.9, 355.6],
};
