/**
 * The headline indicators of the genre, by the names reports and newsroom digests (要点速读,
 * 一图读懂) give them. Each entry is one indicator however a report words it (地区生产总值,
 * 全市生产总值, GDP; 外贸进出口, 货物进出口总额); `key` lets a summary keep one figure per
 * indicator, and the order is the digests' order (size of the economy first, jobs and prices
 * after). A name that only contains an entry's words in passing (人均地区生产总值, 海洋生产总值,
 * 工业投资占比) is not that indicator: `not` rules those out.
 *
 * The second list holds what digests show after the headline ones when a report gives them
 * (高技术制造业, 数字经济, 研发, 空气质量): a report whose review states few headline figures
 * still gets its year's results.
 */
export interface IndicatorWord {
  key: string;
  /** Matches the indicator's name where it stands in a clause. */
  name: RegExp;
  /** A name that matches `name` but denotes something else. */
  not?: RegExp;
  /**
   * The name says by itself what it counts (社会消费品零售总额, 城镇新增就业): words glued in
   * front of it are a run-in head the web page joined to the sentence, not a narrower scope.
   * Names without it (生产总值, 进出口) with such words in front (武汉都市圈经济总量, 带动…进出口)
   * are some other figure.
   */
  whole?: boolean;
  /** Shown after the headline indicators (the second list). */
  secondary?: boolean;
  /** A plan states it as an amount to be spent or borrowed (赤字规模5.66万亿元): the amount is the target. */
  planned?: boolean;
}

export const HEADLINE_INDICATORS: IndicatorWord[] = [
  { key: 'gdp', name: /(?:地区|国内|全[省市区县州盟旗])?生产总值|GDP|经济总量/, not: /人均|海洋|县域|[^地区国内全省市县州盟旗]生产总值|单位|能耗|比重|比率|占/ },
  { key: 'industry-value', name: /(?:规模以上|规上|全部)工业增加值/, not: /占|比重|单位|能耗/, whole: true },
  { key: 'industry-output', name: /(?:规模以上|规上)工业总产值/, not: /占|比重/, whole: true },
  { key: 'services', name: /服务业增加值/, not: /占|比重|[^\u4e00-\u9fff]服务业|性服务业|和.{0,6}服务业/ },
  { key: 'investment', name: /固定资产投资/, not: /扣除|占|比重|以外/, whole: true },
  { key: 'retail', name: /社会消费品零售总额|社零总额/, not: /占|比重/, whole: true },
  { key: 'trade', name: /(?:外贸|货物|商品)?进出口(?:总额|总值|额)?|外贸总额/, not: /[对与向].{0,12}进出口|跨境电商|企业|实绩|占|比重|口岸|中欧班列|国家/ },
  { key: 'foreign-capital', name: /实际(?:使用|利用)外资/, not: /占|比重/ },
  { key: 'revenue', name: /(?:地方)?(?:一般公共预算收入|公共财政预算收入|财政收入)/, not: /税收|占|比重|县|级/ },
  { key: 'income', name: /(?:全体|城乡|城镇|农村|全省|全市|全区)?(?:常住)?居民人均可支配收入|居民收入/, not: /占|比重|差距|比值|比为/, whole: true },
  { key: 'cpi', name: /居民消费价格(?:涨幅|指数)?|CPI/, whole: true },
  { key: 'jobs', name: /城镇新增就业(?:人数)?/, whole: true },
  { key: 'unemployment', name: /(?:城镇调查|城镇登记)失业率/, whole: true },
  { key: 'grain', name: /粮食(?:总产量|产量|总产)/, not: /单产|播种|面积/, whole: true },
  { key: 'energy', name: /单位(?:地区|国内)?生产总值能耗|能耗强度|单位GDP能耗/, whole: true },
  { key: 'rnd', name: /研发经费(?:投入|支出)?(?:强度)?|R&D经费(?:投入|支出)?(?:强度)?/, not: /占.{0,6}比/ },
  { key: 'deficit-ratio', name: /赤字率/, whole: true, planned: true },
  { key: 'deficit', name: /赤字规模|财政赤字/, whole: true, planned: true },
  // The second list.
  { key: 'high-tech', name: /高技术制造业增加值|高技术产业增加值|高新技术产业增加值/, secondary: true, whole: true },
  { key: 'emerging', name: /战略性新兴产业(?:增加值|产值)/, secondary: true, whole: true },
  { key: 'digital', name: /数字经济(?:核心产业)?增加值/, secondary: true, whole: true },
  { key: 'industrial-investment', name: /(?:工业|制造业)投资/, not: /占|比重|技改/, secondary: true },
  { key: 'tax', name: /税收收入/, not: /占|比重/, secondary: true },
  { key: 'online-retail', name: /网上零售额/, secondary: true, whole: true },
  { key: 'tech-contracts', name: /技术合同成交额/, secondary: true },
  { key: 'high-tech-firms', name: /高新技术企业(?:数量)?/, not: /增加值|产值/, secondary: true, whole: true },
  { key: 'new-jobs', name: /新增就业(?:人数)?/, not: /城镇新增就业/, secondary: true },
  { key: 'pm25', name: /细颗粒物(?:（PM2\.5）)?(?:年均|平均)?浓度|PM2\.5(?:年均|平均)?浓度/, secondary: true, whole: true },
  { key: 'air', name: /空气质量优良天数(?:比例|比率)|优良天数(?:比例|比率)/, secondary: true, whole: true },
  { key: 'urbanisation', name: /常住人口城镇化率/, secondary: true, whole: true },
  { key: 'exports', name: /出口(?:总额|总值|额)?/, not: /进出口|[对向与].{0,12}出口|产品|企业|占|比重|机电|“/, secondary: true },
  { key: 'private-economy', name: /民营经济增加值/, secondary: true, whole: true },
  { key: 'nev', name: /新能源汽车产量/, secondary: true, whole: true },
  { key: 'tourists', name: /(?:接待)?(?:国内外)?游客(?:接待量|人次|数量)?|旅游总收入|旅游总花费/, not: /入境|境外/, secondary: true },
  { key: 'farm-output', name: /农林牧渔业?总产值|第一产业增加值/, secondary: true, whole: true },
];

/** The indicator a name denotes, or undefined when it is none of the headline ones. */
export function indicatorKey(name: string): string | undefined {
  // A share of something (占GDP比重) is a ratio, not the indicator it names.
  if (/占.{0,16}(?:比重|比例)|占比|比重/.test(name)) return undefined;
  for (const word of HEADLINE_INDICATORS) {
    if (word.name.test(name) && !word.not?.test(name)) return word.key;
  }
  return undefined;
}

export function isPlanned(key: string | undefined): boolean {
  return HEADLINE_INDICATORS.find((w) => w.key === key)?.planned === true;
}

export function isSecondary(key: string | undefined): boolean {
  return HEADLINE_INDICATORS.find((w) => w.key === key)?.secondary === true;
}

/** Words that may stand before an indicator's name and belong to it (城镇和农村居民…, 全社会…). */
const MODIFIERS = /^(?:城镇|农村|城乡|全体|常住|居民|全社会|全口径|地方|和|与|及|、)+$/;
/** Words a glued run-in head or a scope ends with just before the name (…全年实现社会消费品零售总额). */
const SAME_FIGURE = /^(?:均值|平均值|增速|总额|总值|总量|人数|数量|规模|实际)$/;
const CIRCUMSTANCE = /^在.{1,24}(?:情况下|背景下|基础上|形势下)$/;
const SCOPE_END = /(?:全年|全市|全区|全省|全县|全州|全盟|全旗|当年|去年|上年|实现|完成|其中|初步统计|初步核算|预计)$/;

/**
 * The indicator's name out of the noun phrase in front of a figure: the phrase itself when it
 * is the name (with the modifiers that belong to it), the name alone when a run-in head or a
 * scope word stands before it, undefined when the words in front narrow it to another figure.
 */
export function indicatorNameIn(phrase: string): string | undefined {
  let best: { word: IndicatorWord; index: number } | undefined;
  for (const word of HEADLINE_INDICATORS) {
    const m = word.name.exec(phrase);
    if (m && (!best || m.index < best.index)) best = { word, index: m.index };
  }
  if (!best) return undefined;
  const prefix = phrase.slice(0, best.index);
  let name = !prefix || MODIFIERS.test(prefix) ? phrase : SCOPE_END.test(prefix) || (best.word.whole && !/[、和与及]$/.test(prefix)) ? phrase.slice(best.index) : undefined;
  if (!name) return undefined;
  // After the name only words that keep it the same figure (均值, 增速); a circumstance
  // (…在…的情况下) is dropped; anything else (PM2.5浓度改善) makes it another figure.
  const match = best.word.name.exec(name)!;
  const suffix = name.slice(match.index + match[0].length);
  if (suffix && !SAME_FIGURE.test(suffix)) {
    if (!CIRCUMSTANCE.test(suffix)) return undefined;
    name = name.slice(0, match.index + match[0].length);
  }
  return indicatorKey(name) ? name : undefined;
}

/** Where a headline indicator is named in a clause (the first one), with its key. */
export function findIndicatorName(clause: string): { key: string; index: number; name: string } | undefined {
  let best: { key: string; index: number; name: string } | undefined;
  for (const word of HEADLINE_INDICATORS) {
    const m = word.name.exec(clause);
    if (!m) continue;
    if (!best || m.index < best.index) best = { key: word.key, index: m.index, name: m[0] };
  }
  return best;
}

/** Position of an indicator key in the digests' order (unknown keys last). */
// (the second list comes after the first in HEADLINE_INDICATORS, so its rank is later too)
export function indicatorRank(key: string | undefined): number {
  const at = HEADLINE_INDICATORS.findIndex((w) => w.key === key);
  return at === -1 ? HEADLINE_INDICATORS.length : at;
}
