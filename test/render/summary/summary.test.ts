/**
 * The summary writer on the four real reports: one page with its fonts embedded, the figures
 * and priorities on it, a chart, each figure's sentence in the page and the JSON, and no number
 * anywhere on the summary that the report does not state (the acceptance rule). Also: the
 * same bytes on every run.
 */
import { describe, expect, it } from 'vitest';
import { CASES, han, publication, ROOT, sourceText } from '../../helpers.js';
import { loadTemplate } from '../../../pipeline/templates/index.js';
import { write } from '../../../pipeline/render/summary/index.js';
import type { OutputFile } from '../../../pipeline/render/types.js';
import type { Publication } from '../../../pipeline/model.js';
import type { SummaryFacts } from '../../../pipeline/render/summary/facts.js';
import { htmlText, inventedNumbers, readPdf } from './read-pdf.js';

const template = loadTemplate('default', ROOT);
const DATE = new Date(Date.UTC(2025, 1, 26));

async function render(pub: Publication, t = template): Promise<{ files: Record<string, OutputFile['data']>; warnings: string[] }> {
  const warnings: string[] = [];
  const out = await write(pub, { template: t, date: DATE, warn: (m) => warnings.push(m) });
  const files: Record<string, OutputFile['data']> = {};
  for (const f of out) files[f.path.replace(`${pub.name}.`, '')] = f.data;
  return { files, warnings };
}

describe.each(CASES)('$name', (c) => {
  const pub = publication(c.path);
  const source = sourceText(c.path);
  const rendered = render(pub);

  it('writes the JSON, the web page and the PDF', async () => {
    const { files, warnings } = await rendered;
    expect(Object.keys(files).sort()).toEqual(['summary.html', 'summary.json', 'summary.pdf']);
    expect(warnings).toEqual([]);
  });

  it('is exactly one A4 page, its fonts embedded as subsets', async () => {
    const pdf = await readPdf((await rendered).files['summary.pdf'] as Uint8Array);
    expect(pdf.pages).toBe(1);
    expect(pdf.size.map(Math.round)).toEqual([595, 842]);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font).toMatch(/^[A-Z]{6}\+/);
    expect(pdf.embedded).toBe(pdf.fonts.length);
  });

  it('shows the headline figures, the targets and the priorities', async () => {
    const pdf = await readPdf((await rendered).files['summary.pdf'] as Uint8Array);
    const flat = pdf.text.normalize('NFKC').replace(/\s+/g, '');
    for (const i of pub.figures.indicators) {
      if (i.value) expect(flat).toContain(`${i.value}${i.unit}`);
      if (i.growth) expect(flat).toContain(i.growth.normalize('NFKC'));
      else expect(i.value).toBeDefined();
    }
    for (const t of pub.figures.targets) expect(flat).toContain(t.target.normalize('NFKC'));
    const shown = pub.figures.priorities.filter((p) => han(pdf.text).includes(han(p.text).slice(0, 6)));
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(pub.figures.priorities.length, template.layout.summary.maxItems));
  });

  it('shows no number the report does not state, in the PDF or on the web page', async () => {
    const { files } = await rendered;
    const pdf = await readPdf(files['summary.pdf'] as Uint8Array);
    expect(inventedNumbers(pdf.text, source)).toEqual([]);
    expect(inventedNumbers(htmlText(files['summary.html'] as string), source)).toEqual([]);
  });

  it('never sets type below the layout\'s minimum', async () => {
    const pdf = await readPdf((await rendered).files['summary.pdf'] as Uint8Array);
    expect(Math.min(...pdf.sizes)).toBeGreaterThanOrEqual(template.layout.summary.minFontSize - 0.01);
  });

  it('has a chart in the web page, and each figure\'s sentence one hover away', async () => {
    const html = (await rendered).files['summary.html'] as string;
    expect(html).toContain('<svg');
    const titles = [...html.matchAll(/title="([^"]*)"/g)].map((m) => unescape(m[1]!));
    for (const i of pub.figures.indicators) expect(titles).toContain(i.from.sentence);
    for (const t of pub.figures.targets) expect(titles).toContain(t.from.sentence);
    expect(html).not.toMatch(/&#x?[0-9a-f]+;/i);
  });

  it('prints from a browser as the same one A4 page: an @page rule, and the items the PDF shows', async () => {
    const { files } = await rendered;
    const html = files['summary.html'] as string;
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    const pdf = await readPdf(files['summary.pdf'] as Uint8Array);
    const cards = [...html.matchAll(/<li class="card fig"/g)].length;
    const shown = pub.figures.indicators.filter((i) => pdf.text.normalize('NFKC').replace(/\s+/g, '').includes(i.name.normalize('NFKC')));
    expect(cards).toBe(shown.length);
  });

  it('keeps every fact\'s provenance in the JSON', async () => {
    const facts = JSON.parse((await rendered).files['summary.json'] as string) as SummaryFacts;
    expect(facts.indicators).toEqual(pub.figures.indicators);
    expect(facts.targets).toEqual(pub.figures.targets);
    for (const item of [...facts.indicators, ...facts.targets]) {
      const { sentence, start, end } = item.from;
      expect(sentence.slice(start, end)).toBe('text' in item ? item.text : item.target);
    }
    for (const c of facts.comparisons) {
      for (const bar of [c.actual, c.target]) if (bar) expect(bar.from.sentence.slice(bar.from.start, bar.from.end)).toContain(bar.label.replace(/以上|左右|以内|以下/, ''));
    }
  });

  it('gives the same bytes on every run', async () => {
    const first = (await rendered).files;
    const again = (await render(pub)).files;
    for (const name of Object.keys(first)) expect(Buffer.from(again[name]!).equals(Buffer.from(first[name]!)), name).toBe(true);
  });
});

describe('the seed', () => {
  const pub = publication(CASES[0]!.path);

  it('charts GDP growth: last year\'s 1.1% against this year\'s 5%', async () => {
    const facts = JSON.parse((await render(pub)).files['summary.json'] as string) as SummaryFacts;
    expect(facts.comparisons.map((c) => [c.name, c.actual?.label, c.target.label])).toEqual([['地区生产总值', '1.1%', '5%']]);
  });

  it('fits on one page in the official layout too', async () => {
    const official = loadTemplate('official', ROOT);
    const { files, warnings } = await render(pub, official);
    const pdf = await readPdf(files['summary.pdf'] as Uint8Array);
    expect(warnings).toEqual([]);
    expect(pdf.pages).toBe(1);
    expect(Math.min(...pdf.sizes)).toBeGreaterThanOrEqual(official.layout.summary.minFontSize - 0.01);
    expect(inventedNumbers(pdf.text, sourceText(CASES[0]!.path))).toEqual([]);
  });
});

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&equals;/g, '=').replace(/&grave;/g, '`').replace(/&amp;/g, '&');
}
