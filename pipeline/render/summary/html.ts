/**
 * The summary as a web page: `summary/summary.html.hbs` of the template with its stylesheet
 * `summary/summary.css` inlined, so the page stands alone. Figures carry their source sentence
 * in a title attribute (shown on hover) and the chart's bars in SVG <title> elements.
 */
import type { Template } from '../../templates/index.js';
import { chartSvg } from './chart.js';
import { PAGE_POLICY, withPolicy } from '../html/csp.js';
import type { Look } from './look.js';
import type { Block, SummaryView } from './view.js';

/** Width of the chart's drawing; the page scales it to its column. */
const CHART_WIDTH = 380;
const CHART_FONT = 14;

export function summaryHtml(view: SummaryView, template: Template, look: Look): string {
  const rows = view.rows.map((blocks) => ({ pair: blocks.length === 2, blocks: blocks.map((b) => blockData(b, view, look)) }));
  const html = template.render('summary/summary.html.hbs', {
    lang: 'zh-CN',
    title: view.title,
    subtitle: view.subtitle,
    speaker: view.speaker,
    kicker: view.kicker,
    note: view.labels.note.html,
    rows,
    css: template.read('summary/summary.css'),
    fonts: look.css,
    colors: look.colors,
  });
  return withPolicy(withoutNumericEntities(html.trim()), PAGE_POLICY, template.find('summary/summary.html.hbs') ?? 'summary/summary.html.hbs') + '\n';
}

function blockData(block: Block, view: SummaryView, look: Look): object {
  if (block.kind !== 'chart') return block;
  const svg = chartSvg(block.items, {
    width: CHART_WIDTH,
    fontSize: CHART_FONT,
    colors: { actual: look.colors.actual, target: look.colors.accent, text: look.colors.text, muted: look.colors.muted },
    legend: view.legend,
  });
  return { ...block, svg };
}

/**
 * Handlebars writes ' = ` as numeric references (&#x27;), whose digits would read as numbers
 * in the page's text; the named forms say the same without digits.
 */
function withoutNumericEntities(html: string): string {
  return html.replace(/&#x27;/g, '&apos;').replace(/&#x3D;/g, '&equals;').replace(/&#x60;/g, '&grave;');
}
