/**
 * The summary's own words (block headings, legend, the "…另有三项" line, the closing note) come
 * from the template, one Handlebars file each under `summary/text/`, so a template can reword
 * them; the HTML page and the PDF use the same strings.
 */
import type { Template } from '../../templates/index.js';
import type { SummaryFacts } from './facts.js';

export interface Labels {
  kicker: string;
  headline: string;
  chart: string;
  actual: string;
  target: string;
  targets: string;
  priorities: string;
  projects: string;
  note: { html: string; pdf: string };
  /** The line that stands for `count` items left out of a list. */
  more(count: number): string;
}

/** Counts this large would come out in digits; the line then says 多项 instead. */
const LARGEST_SPELLED = 999;

export function labelsFor(template: Template, facts: SummaryFacts): Labels {
  const data = { title: facts.title, reviewYear: facts.reviewYear, planYear: facts.planYear, projectsTitle: facts.projectsTitle, paired: facts.comparisons.some((c) => c.actual) };
  const text = (name: string, extra: object = {}) => plain(template.render(`summary/text/${name}.hbs`, { ...data, ...extra }));
  const more = new Map<number, string>();
  return {
    kicker: text('kicker'),
    headline: text('headline'),
    chart: text('chart'),
    actual: text('actual'),
    target: text('target'),
    targets: text('targets'),
    priorities: text('priorities'),
    projects: text('projects'),
    note: { html: text('note', { html: true }), pdf: text('note', { html: false }) },
    more(count) {
      let line = more.get(count);
      if (line === undefined) {
        line = text('more', count <= LARGEST_SPELLED ? { count } : {});
        more.set(count, line);
      }
      return line;
    },
  };
}

/** Handlebars escapes for HTML; these strings are plain text until a writer escapes them. */
function plain(html: string): string {
  return html
    .replace(/\s*\n\s*/g, '')
    .trim()
    .replace(/&(lt|gt|quot|#x27|#x60|#x3D|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=', amp: '&' })[e]!);
}
