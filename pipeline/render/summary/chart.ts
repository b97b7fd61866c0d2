/**
 * The summary's chart: one row per indicator, its name, then a bar for last year's actual and
 * one for this year's target, each labelled with the figure exactly as the report writes it
 * (`1.1%`, `5%以上`, `4.5%—5%`). There are no axes, ticks or gridline values: every number on
 * the chart is one the report states. A range target is a solid bar to its low end and a pale
 * one on to its high end.
 *
 * The geometry is computed once (`chartGeometry`); the web page draws it as one SVG
 * (`chartSvg`), the PDF as SVG bars with the words set as PDF text (pdf-chart.ts).
 */
import type { Bar, Comparison } from './facts.js';
import { emWidth, LINE_EM } from './measure.js';

export interface PlacedBar {
  bar: Bar;
  kind: 'actual' | 'target';
  /** Where the bar starts, where its solid part ends and where it ends, as fractions of the span. */
  from: number;
  solid: number;
  to: number;
}

export interface ChartGeometry {
  rows: Array<{ name: string; bars: PlacedBar[] }>;
  /** Where zero is, as a fraction of the span (0 unless a value is negative). */
  zero: number;
  /** Both kinds of bar are drawn, so a legend is needed. */
  paired: boolean;
}

export function chartGeometry(comparisons: Comparison[]): ChartGeometry {
  const all = comparisons.flatMap((c) => (c.actual ? [c.actual, c.target] : [c.target]));
  const max = Math.max(0, ...all.map((b) => b.high));
  const min = Math.min(0, ...all.map((b) => b.low));
  const x = (v: number) => (v - min) / (max - min || 1);
  const zero = x(0);
  const place = (bar: Bar, kind: PlacedBar['kind']): PlacedBar => {
    if (bar.high <= 0) return { bar, kind, from: x(bar.low), solid: zero, to: zero };
    const from = bar.low >= 0 ? zero : x(bar.low);
    return { bar, kind, from, solid: bar.low >= 0 ? x(bar.low) : x(bar.high), to: x(bar.high) };
  };
  return {
    rows: comparisons.map((c) => ({ name: c.name, bars: c.actual ? [place(c.actual, 'actual'), place(c.target, 'target')] : [place(c.target, 'target')] })),
    zero,
    paired: comparisons.some((c) => c.actual),
  };
}

export interface ChartStyle {
  width: number;
  /** Size of names and legend; the figures are set 1.1 times larger, bold. */
  fontSize: number;
  colors: { actual: string; target: string; text: string; muted: string };
  legend: { actual: string; target: string };
}

/** Proportions shared by both drawings, in multiples of the font size. */
export const CHART = { bar: 1.15, gap: 0.3, rowGap: 0.7, label: 1.1, legend: 2 } as const;

/** The chart as one SVG for the web page; each bar's <title> is its source sentence. */
export function chartSvg(comparisons: Comparison[], style: ChartStyle): string {
  const g = chartGeometry(comparisons);
  const fs = style.fontSize;
  const labelSize = fs * CHART.label;
  const barH = fs * CHART.bar;
  const labels = g.rows.flatMap((r) => r.bars.map((b) => b.bar.label));
  const span = Math.max(style.width - (Math.max(...labels.map(emWidth), 2) * labelSize + fs * 0.6), style.width * 0.4);
  const color = (kind: PlacedBar['kind']) => (kind === 'actual' ? style.colors.actual : style.colors.target);
  const out: string[] = [];
  let y = 0;
  if (g.paired) {
    let x = 0;
    for (const kind of ['actual', 'target'] as const) {
      const text = style.legend[kind];
      out.push(`<rect x="${n(x)}" y="${n(fs * 0.3)}" width="${n(fs)}" height="${n(fs * 0.8)}" fill="${color(kind)}"/>`);
      out.push(`<text x="${n(x + fs * 1.4)}" y="${n(fs)}" font-size="${n(fs)}" fill="${style.colors.muted}">${esc(text)}</text>`);
      x += fs * 2.9 + emWidth(text) * fs;
    }
    y = fs * CHART.legend;
  }
  for (const row of g.rows) {
    out.push(`<text x="0" y="${n(y + fs * 1.05)}" font-size="${n(fs)}" fill="${style.colors.text}">${esc(row.name)}</text>`);
    y += fs * LINE_EM;
    for (const b of row.bars) {
      const parts = [`<title>${esc(b.bar.from.sentence)}</title>`];
      parts.push(`<rect x="${n(b.from * span)}" y="${n(y)}" width="${n(Math.max((b.solid - b.from) * span, 1))}" height="${n(barH)}" fill="${color(b.kind)}"/>`);
      if (b.to > b.solid) parts.push(`<rect x="${n(b.solid * span)}" y="${n(y)}" width="${n((b.to - b.solid) * span)}" height="${n(barH)}" fill="${color(b.kind)}" fill-opacity="0.35"/>`);
      const lx = Math.max(b.to, g.zero) * span + labelSize * 0.35;
      parts.push(`<text x="${n(lx)}" y="${n(y + barH / 2 + labelSize * 0.36)}" font-size="${n(labelSize)}" font-weight="bold" fill="${style.colors.text}">${esc(b.bar.label)}</text>`);
      out.push(`<g class="bar ${b.kind}">${parts.join('')}</g>`);
      y += barH + fs * CHART.gap;
    }
    y += fs * (CHART.rowGap - CHART.gap);
  }
  if (g.zero > 0) out.push(`<line x1="${n(g.zero * span)}" y1="0" x2="${n(g.zero * span)}" y2="${n(y)}" stroke="${style.colors.muted}" stroke-width="0.5"/>`);
  const height = n(Math.max(y - fs * (CHART.rowGap - CHART.gap), fs));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n(style.width)}" height="${height}" viewBox="0 0 ${n(style.width)} ${height}" role="img">${out.join('')}</svg>`;
}

/** Coordinates with two decimals: short, and the same bytes on every run. */
export function n(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
