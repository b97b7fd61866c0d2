/**
 * The cover lines of the layout (Handlebars over the metadata; a line that comes out empty is
 * left out, so a report without a speaker has no speaker line): on a cover page of their own,
 * `cover.top` below the top margin, or as the title block opening the first page.
 */
import type { Meta } from '../../model.js';
import type { Template } from '../../templates/index.js';
import type { Node } from './nodes.js';
import type { StyleBook } from './styles.js';
import { plainText } from './text/handlebars.js';
import { typeset } from './text/typeset.js';

export function coverLines(template: Template, meta: Meta, styles: StyleBook, width: number): Node[] {
  const nodes: Node[] = [];
  for (const line of template.layout.cover.lines) {
    const text = plainText(template.renderString(line.text, meta)).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const block = styles.block(line.style);
    nodes.push(...typeset([{ text, style: block.text }], block, { width, whole: true }));
  }
  return nodes;
}

/** The cover page: the lines, `cover.top` below the top margin. */
export function coverPage(template: Template, meta: Meta, styles: StyleBook, width: number): Node[] {
  const lines = coverLines(template, meta, styles, width);
  return lines.length ? [{ stack: lines, margin: [0, template.layout.cover.top, 0, 0] }] : [];
}
