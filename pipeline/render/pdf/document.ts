/**
 * The whole document definition: page geometry, the cover (or title block), the table of
 * contents, the body, running header and footer, metadata and language.
 *
 * Reading order is cover -> TOC -> body; the TOC is built after the body because it lists
 * the headings the body met, and each part after the cover starts a new page.
 */
import type { Publication } from '../../model.js';
import type { Template } from '../../templates/index.js';
import { familyOf } from '../../engine/index.js';
import { renderBody } from './body.js';
import { coverLines, coverPage } from './cover.js';
import { documentInfo } from './metadata.js';
import type { Node } from './nodes.js';
import { runningParts } from './running.js';
import type { HeadingEntry } from './state.js';
import { StyleBook } from './styles.js';
import { tableOfContents } from './toc.js';

export function documentDefinition(publication: Publication, template: Template, date: Date, warn: (message: string) => void): { doc: object; headings: HeadingEntry[] } {
  const { layout } = template;
  const { page } = layout;
  const width = page.width - page.margin.left - page.margin.right;
  const styles = new StyleBook(layout);

  const body = renderBody(publication.tree, publication.meta, template, styles, warn);
  const parts: Node[][] = [];
  const cover = layout.cover.enabled ? coverPage(template, publication.meta, styles, width) : [];
  if (cover.length) parts.push(cover);
  const opening = layout.cover.enabled ? [] : coverLines(template, publication.meta, styles, width);
  if (layout.toc.enabled) parts.push([...opening, ...tableOfContents(layout, body.headings, styles, width)]);
  else if (opening.length) body.nodes.unshift(...opening);
  parts.push(body.nodes);
  const content = parts.filter((p) => p.length).map((stack, i) => (i === 0 ? { stack } : { stack, pageBreak: 'before' }));

  const { header, footer } = runningParts(template, publication.meta, styles, cover.length > 0);
  // Characters no face can draw are named once by the build (render/shared/coverage.ts).
  const doc = {
    pageSize: { width: page.width, height: page.height },
    pageMargins: [page.margin.left, page.margin.top, page.margin.right, page.margin.bottom],
    content,
    header,
    footer,
    styles: styles.dictionary(),
    defaultStyle: { font: familyOf(layout.styles.body.font), fontSize: layout.styles.body.size },
    info: documentInfo(publication.meta, date),
    language: 'zh-CN',
    version: '1.7',
    displayTitle: true,
    compress: true,
  };
  return { doc, headings: body.headings };
}
