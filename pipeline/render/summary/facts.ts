/**
 * The summary's facts: the publication's metadata and figures, plus the comparisons the chart
 * draws (a target of the plan year beside the same indicator's result in the review year).
 * This is what `<name>.summary.json` holds; every fact keeps its provenance.
 */
import type { Figures, Indicator, Meta, Priority, Provenance, Target } from '../../model.js';
import type { Publication } from '../../model.js';

/** One bar of the chart: a rate as written (`1.1%`, `5%以上`) and the numbers it spans. */
export interface Bar {
  label: string;
  low: number;
  high: number;
  from: Provenance;
}

/** A target with last year's actual for the same indicator (both growth rates in %). */
export interface Comparison {
  name: string;
  actual?: Bar;
  target: Bar;
}

export interface SummaryFacts {
  name: string;
  title?: string;
  subtitle?: string;
  meeting?: string;
  date?: string;
  speaker?: Meta['speaker'];
  reviewYear?: string;
  planYear?: string;
  indicators: Indicator[];
  targets: Target[];
  priorities: Priority[];
  projectsTitle?: string;
  projects: Priority[];
  /**
   * What the chart compares: each target with last year's actual where the report gives both;
   * where it gives no such pair, the growth targets alone (`actual` absent).
   */
  comparisons: Comparison[];
}

export function summaryFacts(publication: Publication): SummaryFacts {
  const { meta, figures } = publication;
  const facts: SummaryFacts = {
    name: publication.name,
    ...pick(meta, ['title', 'subtitle', 'meeting', 'date']),
    ...(meta.speaker ? { speaker: meta.speaker } : {}),
    ...pick(figures, ['reviewYear', 'planYear']),
    indicators: figures.indicators,
    targets: figures.targets,
    priorities: figures.priorities,
    ...pick(figures, ['projectsTitle']),
    projects: figures.projects,
    comparisons: comparisons(figures),
  };
  return facts;
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (from[key] !== undefined && from[key] !== '') out[key] = from[key];
  return out;
}

function comparisons(figures: Figures): Comparison[] {
  const targets = figures.targets.flatMap((t) => {
    const bar = targetBar(t);
    return bar ? [{ target: t, bar }] : [];
  });
  const pairs: Comparison[] = [];
  for (const { target, bar } of targets) {
    const indicator = figures.indicators.find((i) => sameIndicator(i.name, target.name));
    const actual = indicator && actualBar(indicator);
    if (actual) pairs.push({ name: target.name, actual, target: bar });
  }
  if (pairs.length) return pairs;
  return targets.map(({ target, bar }) => ({ name: target.name, target: bar }));
}

/**
 * Two names denote one indicator when they are equal or differ only by a scope word in front
 * (生产总值 / 地区生产总值, 一般公共预算收入 / 地方一般公共预算收入, 进出口总值 / 商品进出口总值).
 * 单位国内生产总值能耗 is not 国内生产总值; a name that lists several indicators is not matched.
 */
export function sameIndicator(a: string, b: string): boolean {
  if (a.includes('、') || b.includes('、')) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(short) && SCOPE.test(long.slice(0, long.length - short.length));
}

const SCOPE = /^(?:地区|地方|国内|全[国省市区县]|全社会|商品|货物|外贸|[省市区县]?本级)$/;

const RATE = /^(增长|下降)(\d+(?:\.\d+)?)%$/;

/** Last year's growth rate, when it is one rate in % (`增长1.1%`). */
function actualBar(indicator: Indicator): Bar | undefined {
  const m = RATE.exec(indicator.growth ?? '');
  if (!m) return undefined;
  const sign = m[1] === '下降' ? -1 : 1;
  const value = sign * Number(m[2]);
  const label = sign < 0 ? indicator.growth! : `${m[2]}%`;
  const { from } = indicator;
  // Point at the rate itself inside the sentence.
  const at = from.sentence.indexOf(indicator.growth!, from.start);
  const span = at === -1 ? from : { ...from, start: at, end: at + indicator.growth!.length };
  return { label, low: value, high: value, from: span };
}

const TARGET_RATE = /^(增长|下降)\s*(\d+(?:\.\d+)?)%(?:\s*[—–\-~～至到]\s*(\d+(?:\.\d+)?)%?)?(以上|左右|以内|以下|上下)?$/;

/** A growth target in % (`增长5%以上`, `增长4.5%—5%`); levels (控制在…) are not charted. */
function targetBar(target: Target): Bar | undefined {
  const m = TARGET_RATE.exec(target.target);
  if (!m) return undefined;
  const sign = m[1] === '下降' ? -1 : 1;
  const a = sign * Number(m[2]);
  const b = m[3] !== undefined ? sign * Number(m[3]) : a;
  const label = sign < 0 ? target.target : target.value + (target.qualifier ?? '');
  return { label, low: Math.min(a, b), high: Math.max(a, b), from: target.from };
}
