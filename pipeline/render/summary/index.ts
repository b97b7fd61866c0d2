/**
 * The summary writer: the report at a glance on one page, every number traceable.
 *
 *   <name>.summary.json   the facts, each with the sentence, paragraph and line it came from
 *   <name>.summary.html   a web page from the template; each figure shows its sentence on hover
 *   <name>.summary.pdf    exactly one page (pdfmake, the layout's fonts embedded)
 *
 * Everything shown comes from the report: figures as written, headings and counts from the
 * template's text files (counts in Chinese numerals), dates only inside the report's own
 * meeting line, no page numbers and no axis values.
 */
import type { Writer } from '../types.js';
import { summaryFacts } from './facts.js';
import { fallbackCharacters } from '../shared/coverage.js';
import { fitOnePage } from './fit.js';
import { summaryHtml } from './html.js';
import { labelsFor } from './labels.js';
import { lookOf } from './look.js';
import { summaryView } from './view.js';

export const write: Writer = async (publication, context) => {
  const { template } = context;
  const { layout } = template;
  const facts = summaryFacts(publication);
  const labels = labelsFor(template, facts);
  const look = lookOf(layout);
  const order = layout.summary.blocks;
  const maxItems = layout.summary.maxItems;
  const none = !facts.indicators.length && !facts.targets.length && !facts.priorities.length && !facts.projects.length;
  if (none) context.warn('summary: no headline figures, targets, priorities or 民生实事 found; the summary has the title only');

  const title = `${facts.title ?? facts.meeting ?? ''}（摘要）`;
  const fitted = await fitOnePage({ facts, labels, order, maxItems, layout, look, info: { title, date: context.date }, fallback: fallbackCharacters(publication, layout) });
  if (fitted.pages > 1) context.warn(`summary: does not fit on one page even with every list shortened to one item (${fitted.pages} pages)`);
  // The web page shows what the PDF shows, so that printed from a browser it is the same one
  // A4 page (summary.css has the @page rule); the JSON keeps every fact.
  const html = summaryHtml(summaryView(facts, labels, order, fitted.limits), template, look);

  return [
    { path: `${publication.name}.summary.json`, data: JSON.stringify(facts, null, 2) + '\n' },
    { path: `${publication.name}.summary.html`, data: html },
    { path: `${publication.name}.summary.pdf`, data: fitted.bytes },
  ];
};
