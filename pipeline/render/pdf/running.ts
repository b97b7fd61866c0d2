/**
 * Running header and footer: Handlebars over the metadata plus `page` and `pages`, on every
 * page but the cover. `outside` is right on odd pages and left on even ones (公文 page
 * numbers), `inside` the reverse; the footer may stand `inset` characters in from the edge of
 * the type area, its baseline `distance` below it. The header sits in the top margin over an
 * optional rule.
 */
import type { Meta } from '../../model.js';
import type { Template } from '../../templates/index.js';
import type { PageAlign } from '../../templates/layout.js';
import type { Node, StackNode } from './nodes.js';
import type { StyleBook } from './styles.js';
import { plainText } from './text/handlebars.js';
import { typeset } from './text/typeset.js';

type Running = (page: number, pages: number) => Node | null;

/** Where the header rule sits, as a fraction of the top margin above the type area. */
const HEADER_RISE = 0.35;

export function runningParts(template: Template, meta: Meta, styles: StyleBook, cover: boolean): { header?: Running; footer?: Running } {
  const { layout } = template;
  const { page } = layout;
  const width = page.width - page.margin.left - page.margin.right;
  const skip = (n: number) => cover && n === 1;
  const textOf = (source: string, n: number, pages: number) => plainText(template.renderString(source, { ...meta, page: n, pages })).trim();
  // Styles are registered now: pdfmake reads its style dictionary while it lays out.
  const headerBlock = styles.block('header');
  const footerBlock = styles.block('footer');

  const header: Running = (n, pages) => {
    if (skip(n)) return null;
    const text = textOf(layout.header.text, n, pages);
    if (!text) return null;
    const align = side(layout.header.align, n);
    const [line] = typeset([{ text, style: headerBlock.text }], headerBlock, { width, whole: true, noSpacing: true, indent: 0, align });
    const ruleY = page.margin.top * (1 - HEADER_RISE);
    const top = Math.max(0, ruleY - 3 - headerBlock.pitch);
    const stack: StackNode = { stack: [line!], margin: [page.margin.left, top, page.margin.right, 0] };
    if (layout.header.rule) stack.stack.push({ canvas: [{ type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.5, lineColor: headerBlock.text.color }] });
    return stack;
  };

  const footer: Running = (n, pages) => {
    if (skip(n)) return null;
    const text = textOf(layout.footer.text, n, pages);
    if (!text) return null;
    const align = side(layout.footer.align, n);
    const inset = layout.footer.inset * (footerBlock.text.size + footerBlock.text.characterSpacing);
    const [line] = typeset([{ text, style: footerBlock.text }], footerBlock, { width: width - inset, whole: true, noSpacing: true, indent: 0, align });
    // pdfkit sets text from the top of the line: the baseline is one ascender further down.
    const top = Math.max(0, layout.footer.distance - footerBlock.text.face.ascent * footerBlock.text.size);
    const left = page.margin.left + (align === 'left' ? inset : 0);
    const right = page.margin.right + (align === 'right' ? inset : 0);
    return { stack: [line!], margin: [left, top, right, 0] };
  };

  return { header, footer };
}

function side(align: PageAlign, page: number): 'left' | 'center' | 'right' {
  if (align === 'outside') return page % 2 === 1 ? 'right' : 'left';
  if (align === 'inside') return page % 2 === 1 ? 'left' : 'right';
  return align;
}
