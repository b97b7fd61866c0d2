/**
 * The cover page or title block: the layout's cover lines (Handlebars over the metadata),
 * each in its own style, lines that render empty left out (a report without a speaker has no
 * speaker line). The first line stands `cover.top` below the top margin.
 */
import { Paragraph } from 'docx';
import type { Meta } from '../../model.js';
import type { Layout, Template } from '../../templates/index.js';
import { renderLine } from './fields.js';
import { styleId } from './styles.js';
import { twips } from './units.js';

export function coverLines(layout: Layout, template: Template, meta: Meta): Paragraph[] {
  const lines = layout.cover.lines
    .map((line) => ({ text: renderLine(template, line.text, meta), style: line.style }))
    .filter((line) => line.text);
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: styleId(line.style),
        text: line.text,
        ...(i === 0 && layout.cover.top > 0 ? { spacing: { before: twips(layout.cover.top) } } : {}),
      }),
  );
}
