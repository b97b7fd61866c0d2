/**
 * The chart in the PDF: the bars and legend swatches are SVG, the names and figures are PDF
 * text set by pdfmake beside them. (Text inside an SVG makes pdfkit re-read the font file from
 * disk for every text element, which costs more than the rest of the page; set as PDF text the
 * figures are also selectable and searchable like the rest of the page.)
 */
import type { Column, Content } from 'pdfmake/interfaces.js';
import { CHART, chartGeometry, n, type PlacedBar } from './chart.js';
import type { Comparison } from './facts.js';
import type { Look, Sizes } from './look.js';
import { emWidth, LINE_EM } from './measure.js';

export function chartPdf(comparisons: Comparison[], width: number, legend: { actual: string; target: string }, look: Look, s: Sizes): { content: Content; height: number } {
  const g = chartGeometry(comparisons);
  const fs = s.chart;
  const ls = Math.max(look.min, Math.round(fs * CHART.label * 4) / 4);
  const barH = fs * CHART.bar;
  const labelLine = ls * LINE_EM;
  const labels = g.rows.flatMap((r) => r.bars.map((b) => b.bar.label));
  const span = Math.max(width - (Math.max(...labels.map(emWidth), 2) * ls + ls), width * 0.4);
  const color = (kind: PlacedBar['kind']) => (kind === 'actual' ? look.colors.actual : look.colors.accent);
  const stack: Content[] = [];
  let height = 0;

  if (g.paired) {
    // pdfmake does not count an auto column's margins in its width: spacing goes in columns of its own.
    const key = (kind: PlacedBar['kind']): Column[] => [
      { svg: rect(fs, fs * 0.8, color(kind)), width: fs, margin: [0, (fs * LINE_EM - fs * 0.8) / 2, 0, 0] },
      { text: '', width: fs * 0.4 },
      { text: legend[kind], width: emWidth(legend[kind]) * fs + 1, fontSize: fs, color: look.colors.muted },
      { text: '', width: fs * 1.2 },
    ];
    stack.push({ columns: [...key('actual'), ...key('target')], columnGap: 0, margin: [0, 0, 0, fs * 0.5] });
    height += fs * LINE_EM + fs * 0.5;
  }
  g.rows.forEach((row, i) => {
    stack.push({ text: row.name, fontSize: fs, margin: [0, i ? fs * CHART.rowGap : 0, 0, 0] });
    height += fs * LINE_EM + (i ? fs * CHART.rowGap : 0);
    for (const b of row.bars) {
      const start = b.from * span;
      const end = Math.max(b.to, g.zero) * span;
      const columns: Column[] = [];
      if (start >= 0.5) columns.push({ text: '', width: start });
      columns.push({ svg: barSvg(b, span, barH, color(b.kind)), width: Math.max(end - start, 1), margin: [0, (labelLine - barH) / 2, 0, 0] });
      columns.push({ text: '', width: ls * 0.35 });
      columns.push({ text: b.bar.label, width: emWidth(b.bar.label) * ls + 1, fontSize: ls, font: look.fonts.head, bold: look.fonts.figureBold });
      stack.push({ columns, columnGap: 0 });
      height += labelLine;
    }
  });
  return { content: { stack }, height };
}

function rect(w: number, h: number, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}" height="${n(h)}" viewBox="0 0 ${n(w)} ${n(h)}"><rect x="0" y="0" width="${n(w)}" height="${n(h)}" fill="${color}"/></svg>`;
}

/** One bar, from its start to its end (a range target's span paler). */
function barSvg(b: PlacedBar, span: number, h: number, color: string): string {
  const w = Math.max((Math.max(b.to, b.solid) - b.from) * span, 1);
  const solid = Math.max((b.solid - b.from) * span, 1);
  const pale = b.to > b.solid ? `<rect x="${n(solid)}" y="0" width="${n(w - solid)}" height="${n(h)}" fill="${color}" fill-opacity="0.35"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}" height="${n(h)}" viewBox="0 0 ${n(w)} ${n(h)}"><rect x="0" y="0" width="${n(solid)}" height="${n(h)}" fill="${color}"/>${pale}</svg>`;
}
