/**
 * The chart: what it compares (facts.ts) and what it draws (chart.ts). Its only words and
 * numbers are the indicators' names, the figures as the report writes them and the legend:
 * no axes, no ticks.
 */
import { describe, expect, it } from 'vitest';
import type { Figures, Provenance } from '../../../pipeline/model.js';
import { emptyFigures } from '../../../pipeline/model.js';
import { sameIndicator, summaryFacts } from '../../../pipeline/render/summary/facts.js';
import { chartGeometry, chartSvg } from '../../../pipeline/render/summary/chart.js';

const from = (sentence: string): Provenance => ({ section: '一、', paragraph: 0, sentence, start: 0, end: sentence.length });

function facts(f: Partial<Figures>) {
  return summaryFacts({ name: 'x', path: 'x.txt', tree: { type: 'root', children: [] }, meta: {}, figures: { ...emptyFigures(), ...f }, diagnostics: [] });
}

const indicators: Figures['indicators'] = [
  { name: '地区生产总值', value: '100', unit: '亿元', growth: '增长3.9%', text: '100亿元、增长3.9%', from: from('地区生产总值100亿元、增长3.9%。') },
  { name: '工业投资', growth: '下降2%', text: '下降2%', from: from('工业投资下降2%。') },
];
const targets: Figures['targets'] = [
  { name: '生产总值', target: '增长4.5%—5%', value: '4.5%—5%', from: from('地区生产总值增长4.5%—5%。') },
  { name: '工业投资', target: '增长6%左右', value: '6%', qualifier: '左右', from: from('工业投资增长6%左右。') },
  { name: '城镇调查失业率', target: '5.5%左右', value: '5.5%', qualifier: '左右', from: from('城镇调查失业率5.5%左右。') },
];

describe('what the chart compares', () => {
  it('pairs each growth target with last year\'s growth of the same indicator', () => {
    const c = facts({ indicators, targets }).comparisons;
    expect(c.map((x) => [x.name, x.actual?.label, x.target.label, x.target.low, x.target.high])).toEqual([
      ['生产总值', '3.9%', '4.5%—5%', 4.5, 5],
      ['工业投资', '下降2%', '6%左右', 6, 6],
    ]);
    expect(c[1]!.actual!.low).toBe(-2);
  });

  it('charts the growth targets alone where no pair exists, and levels not at all', () => {
    const c = facts({ indicators: [], targets }).comparisons;
    expect(c.map((x) => [x.name, x.actual, x.target.label])).toEqual([
      ['生产总值', undefined, '4.5%—5%'],
      ['工业投资', undefined, '6%左右'],
    ]);
  });

  it('matches names only when one contains the other and neither lists several', () => {
    const c = facts({
      indicators: [{ name: '城乡居民人均可支配收入', growth: '增长5%', text: '增长5%', from: from('x') }],
      targets: [{ name: '城镇居民人均可支配收入、农村居民人均可支配收入', target: '增长6%', value: '6%', from: from('y') }],
    }).comparisons;
    expect(c.map((x) => x.actual)).toEqual([undefined]);
  });
});

describe('what the chart draws', () => {
  const comparisons = facts({ indicators, targets }).comparisons;
  const svg = chartSvg(comparisons, { width: 400, fontSize: 12, colors: { actual: '#999999', target: '#123456', text: '#000000', muted: '#666666' }, legend: { actual: '2024年实际', target: '2025年目标' } });

  it('writes only names, figures as written and the legend', () => {
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(['2024年实际', '2025年目标', '生产总值', '3.9%', '4.5%—5%', '工业投资', '下降2%', '6%左右']);
  });

  it('gives each bar its source sentence for a hover title', () => {
    const titles = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['地区生产总值100亿元、增长3.9%。', '地区生产总值增长4.5%—5%。', '工业投资下降2%。', '工业投资增长6%左右。']);
  });

  it('draws from zero, a decline to its left and a range paler to its high end', () => {
    const g = chartGeometry(comparisons);
    expect(g.zero).toBeCloseTo(2 / 8);
    const [gdp, invest] = g.rows;
    expect(gdp!.bars[1]).toMatchObject({ from: g.zero, solid: (4.5 + 2) / 8, to: (5 + 2) / 8 });
    expect(invest!.bars[0]).toMatchObject({ from: 0, solid: g.zero, to: g.zero });
    expect(svg).toContain('fill-opacity="0.35"');
  });
});

describe('which names are one indicator', () => {
  it('allows a scope word in front, nothing else', () => {
    expect(sameIndicator('生产总值', '地区生产总值')).toBe(true);
    expect(sameIndicator('地方一般公共预算收入', '一般公共预算收入')).toBe(true);
    expect(sameIndicator('商品进出口总值', '进出口总值')).toBe(true);
    expect(sameIndicator('单位国内生产总值能耗', '国内生产总值')).toBe(false);
    expect(sameIndicator('规模以上工业增加值', '工业增加值')).toBe(false);
  });
});
