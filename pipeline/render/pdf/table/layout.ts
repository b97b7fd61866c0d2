/**
 * The pdfmake table layout from the layout file's `table` keys: borders, header fill, stripes
 * and cell padding.
 */
import type { Layout } from '../../../templates/index.js';

export function tableLayout(t: Layout['table']): object {
  return {
    hLineWidth: () => t.borderWidth,
    vLineWidth: () => t.borderWidth,
    hLineColor: () => t.borderColor,
    vLineColor: () => t.borderColor,
    fillColor: (row: number) => (row === 0 ? t.headerFill : t.stripeFill && row % 2 === 0 ? t.stripeFill : null),
    paddingLeft: () => t.cellPadding,
    paddingRight: () => t.cellPadding,
    paddingTop: () => t.cellPadding,
    paddingBottom: () => t.cellPadding,
  };
}
