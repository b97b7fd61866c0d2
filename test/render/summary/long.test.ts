/**
 * One page whatever the report: an artificially long report (dozens of indicators, targets,
 * priorities and 民生实事, long titles) still gives a single page, its lists shortened with a
 * visible "…" and a count in Chinese numerals, its type never below the layout's minimum and
 * no number on it that the report does not state. And a report with none of the genre's
 * parts gives a one-page summary of its title, with a warning, rather than an invented one.
 */
import { describe, expect, it } from 'vitest';
import { publish } from '../../../pipeline/publish.js';
import { loadTemplate, type Template } from '../../../pipeline/templates/index.js';
import { write } from '../../../pipeline/render/summary/index.js';
import { cnNumber } from '../../../pipeline/templates/helpers.js';
import { ROOT } from '../../helpers.js';
import { htmlText, inventedNumbers, readPdf } from './read-pdf.js';

const DATE = new Date(Date.UTC(2030, 0, 1));
const N = 40;

/** A report in the genre's shape with far too much for one page. */
function longReport(): string {
  const lines = ['长篇政府工作报告', '——2030年1月8日在某市第一届人民代表大会第一次会议上', '某市人民政府市长 张三', '各位代表：', '一、2029年工作回顾'];
  const figures = Array.from({ length: N }, (_, i) => `${cnNumber(i + 1)}号产业增加值${100 + i}.5亿元、增长${(i % 9) + 1}.${i % 7}%`);
  lines.push(`全年实现地区生产总值5000.25亿元、增长4.2%。${figures.join('。')}。`);
  lines.push('二、2030年工作安排');
  const targets = Array.from({ length: N }, (_, i) => `${cnNumber(i + 1)}号产业增加值增长${(i % 8) + 2}%左右`);
  lines.push(`今年经济社会发展主要预期目标是：地区生产总值增长5%以上；${targets.join('；')}。`);
  for (let i = 1; i <= N; i++) {
    lines.push(`（${cnNumber(i)}）坚定不移推进第${cnNumber(i)}方面重点工作高质量发展，全面提升城市综合竞争力和人民群众获得感幸福感安全感`);
    lines.push('围绕目标任务，扎实推进各项工作。');
  }
  lines.push('2030年民生实事');
  for (let i = 1; i <= N; i++) lines.push(`${cnNumber(i)}、实施第${cnNumber(i)}项民生实事，持续改善群众生活条件并提升公共服务水平`);
  return lines.join('\n\n') + '\n';
}

function withSummary(t: Template, summary: Partial<Template['layout']['summary']>): Template {
  return { ...t, layout: { ...t.layout, summary: { ...t.layout.summary, ...summary } } };
}

async function summarise(text: string, t: Template) {
  const pub = publish(new TextEncoder().encode(text), 'long.txt');
  const warnings: string[] = [];
  const t0 = performance.now();
  const files = await write(pub, { template: t, date: DATE, warn: (m) => warnings.push(m) });
  const ms = performance.now() - t0;
  const get = (ext: string) => files.find((f) => f.path.endsWith(ext))!.data;
  return { pub, warnings, ms, pdf: await readPdf(get('.pdf') as Uint8Array), html: get('.html') as string };
}

describe('an artificially long report', () => {
  const text = longReport();
  const base = loadTemplate('default', ROOT);

  it('is read as the genre says: everything found', () => {
    const pub = publish(new TextEncoder().encode(text), 'long.txt');
    expect(pub.figures.indicators).toHaveLength(N + 1);
    expect(pub.figures.targets).toHaveLength(N + 1);
    expect(pub.figures.priorities).toHaveLength(N);
    expect(pub.figures.projects).toHaveLength(N);
  });

  for (const maxItems of [base.layout.summary.maxItems, 40]) {
    it(`still gives one page, lists shortened with “…” and a count (maxItems ${maxItems})`, async () => {
      const t = withSummary(base, { maxItems });
      const { pdf, html, warnings } = await summarise(text, t);
      expect(warnings).toEqual([]);
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toMatch(/…另有[一二三四五六七八九十百]+项/);
      expect(html).toMatch(/…另有[一二三四五六七八九十百]+项/);
      expect(Math.min(...pdf.sizes)).toBeGreaterThanOrEqual(t.layout.summary.minFontSize - 0.01);
      expect(inventedNumbers(pdf.text, text)).toEqual([]);
      expect(inventedNumbers(htmlText(html), text)).toEqual([]);
    });
  }

  it('respects a larger minimum size by shortening more', async () => {
    const small = await summarise(text, withSummary(base, { maxItems: 40 }));
    const large = await summarise(text, withSummary(base, { maxItems: 40, minFontSize: 10 }));
    expect(large.pdf.pages).toBe(1);
    expect(Math.min(...large.pdf.sizes)).toBeGreaterThanOrEqual(9.99);
    expect(han(large.pdf.text).length).toBeLessThan(han(small.pdf.text).length);
  });

  it('keeps to the layout\'s order and choice of blocks', async () => {
    const { pdf } = await summarise(text, withSummary(base, { blocks: ['priorities', 'targets'] }));
    expect(pdf.text).not.toContain('主要指标');
    expect(pdf.text).not.toContain('民生实事');
    expect(pdf.text.indexOf('重点工作')).toBeLessThan(pdf.text.indexOf('主要预期目标'));
  });
});

describe('a report without the genre\'s parts', () => {
  it('gives a one-page summary of its title, and says why', async () => {
    const text = '关于某项工作的说明\n\n各位代表：\n\n这是一份没有分部分的材料，其中提到增长3%。\n';
    const { pdf, warnings } = await summarise(text, loadTemplate('default', ROOT));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('关于某项工作的说明');
    expect(pdf.text).not.toContain('3%');
    expect(warnings.join('\n')).toMatch(/no headline figures/);
  });
});

function han(s: string): string {
  return [...s].filter((c) => c >= '\u4e00' && c <= '\u9fff').join('');
}
