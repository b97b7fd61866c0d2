/** Headline indicators of the review part: 地区生产总值3070.56亿元、增长1.1%. */
import type { Indicator, Provenance } from '../../model.js';
import { blockText, sentences, type Doc, type Part, type Sentence } from './document.js';
import { NUM, RATE, UNIT } from './numbers.js';
import { findIndicatorName, indicatorKey, indicatorNameIn, indicatorRank, isSecondary } from './vocabulary.js';

/** A change: `同比增长8.9%`, `下降0.5个百分点`, `分别增长8.7%和8.6%`. Group 1 starts at the verb. */
const GROWTH = new RegExp(String.raw`(?:同比|比上年|较上年|比去年|较去年)?(?:分别|均)?((?:增长|下降|上涨|提高|降低|回落|回升|减少)\s*${RATE}(?:\s*(?:和|、)\s*${RATE})?)`, 'g');
const VALUE_AT_END = new RegExp(String.raw`(${NUM})\s*(${UNIT})$`);
/** What may stand between an amount and its growth: separators, 按可比价格计算, a parenthesis. */
const BETWEEN = /(?:[，、,\s]|（[^）]{0,16}）|\([^)]{0,16}\)|按可比价格?计算|扣除价格因素)+$/;
/** An amount stated after the growth: `增长6.5%，达到1200亿元`. */
const VALUE_AFTER = new RegExp(String.raw`^[，、,]\s*(?:总量|规模)?(?:达到|达|突破|为)\s*(${NUM})\s*(${UNIT})`);
/**
 * A figure stated as a level only: `城镇新增就业3.48万人`, `粮食总产量达到871.6亿斤`,
 * `城镇调查失业率平均为4.2%`. Only a headline indicator's name counts here: a bare amount after
 * any noun would take in every count of the review.
 */
const LEVEL = new RegExp(String.raw`(?:达到|达|为|完成|实现|突破|超过|超|增至|提高到|提高至|提升至|升至|平均值为|平均为|总计)?(?:近|约|超)?(${NUM})\s*(${UNIT})`, 'y');
/** Clauses comparing across several years (由…增加到, 年均, 比2010年) are not the year's figures. */
const NARROWED_BEFORE = /(?:扣除|剔除|不含|除去)[^，。；,;]*[，,]\s*$/;
const PERIOD_BEFORE = /五年|期间|时期|以来|“十[一二三四五]五”/;
const MULTI_YEAR_CLAUSE = /年均(?!浓度|值)|累积|[由从].{0,24}?(?:增加|提高|增长|上升|下降|减少|降低|扩大|提升)(?:到|至)|[比较]\d{4}年|以来|五年|累计|每年|翻番|台阶|“十[一二三四五]五”末|时期/;
/** A paragraph or section about the five-year period the report may review beside the year. */
const MULTI_YEAR_BLOCK = /^\W{0,3}(?:[^，。：]{0,12}?)(?:这五年|五年来|过去五年|“?十[一二三四五]五”?(?:时期|期间|以来)|[一二三四五六七八九十]是.{0,6}五年)/;
const ONE_YEAR_BLOCK = /^(?:各位代表[！!，,：:]?)?[^，。]{0,12}?(?:过去一年|过去的一年|一年来|刚刚过去的|今年以来|\d{4}年(?:是|，|,|全[省市区县])|全年)/;
const HEADLINE = /生产总值|GDP|经济总量/;
/** Results a digest shows at most before the second list stops adding. */
const ENOUGH = 8;
const SEPARATOR = /[，、；：。！？,;:!?]/;
const LEADING_SCOPE = /^(?:初步统计|初步核算|预计|\d{4}年|全年|今年|去年|上年|当年|一年来|全市|全区|全省|全县|全州|全盟|全旗|全镇|我市|我区|我省|我县|其中|实现|完成)+/;
const TRAILING_VERB = /(?:完成|实现|达到|达|为|突破|超过|超|共计|共|累计|总计|平均值为|平均为|平均|提高到|提高至|增至|增加到|稳定在|控制到|控制在|保持在|数量|实际)$/;

/**
 * The review's headline figures. First the sentences that state the economy's size or growth
 * (生产总值) and the figures right after them, as the report groups them (whatever they name);
 * then every other headline
 * indicator of the genre's list (规上工业, 投资, 社零, 外贸, 财政收入, 居民收入, CPI, 就业,
 * 失业率, 粮食…) the review states for the year, wherever it stands (reports spread them over
 * their sections, or write them as prose: 城镇新增就业3.48万人). Paragraphs and clauses about the
 * five-year period are left out. One figure per indicator, in the digests' order.
 */
export function headlineIndicators(doc: Doc, part: Part): Indicator[] {
  const blocks: Array<{ index: number; list: Array<{ sentence: Sentence; found: Indicator[] }> }> = [];
  let fiveYears = false;
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    const text = blockText(node).trim();
    // A heading sets the period for the paragraphs under it. A paragraph that opens the
    // five-year review (“十四五”时期是…的五年) sets it for those after it (——经济实力…), until one
    // turns to the year (刚刚过去的2025年, 过去一年).
    if (node.type === 'heading') fiveYears = MULTI_YEAR_BLOCK.test(text);
    else if (MULTI_YEAR_BLOCK.test(text)) fiveYears = true;
    else if (ONE_YEAR_BLOCK.test(text)) fiveYears = false;
    if (node.type !== 'paragraph' || fiveYears) continue;
    blocks.push({ index: i, list: sentences(blockText(node)).map((sentence) => ({ sentence, found: indicatorsIn(sentence, (s, e) => doc.provenance(i, sentence, s, e)) })) });
  }
  const startAt = (test: (found: Indicator[]) => boolean) => {
    for (const block of blocks) {
      const k = block.list.findIndex((s) => test(s.found));
      if (k !== -1) return { block, k };
    }
    return undefined;
  };
  const anchor = startAt((found) => found.some((f) => HEADLINE.test(f.name))) ?? startAt((found) => found.length >= 2);
  const out: Indicator[] = [];
  const keys = new Set<string>();
  const add = (f: Indicator) => {
    const key = indicatorKey(f.name);
    if (key ? keys.has(key) : out.some((o) => o.name === f.name)) return;
    if (key) keys.add(key);
    out.push(f);
  };
  if (anchor) {
    for (let k = anchor.k; k < anchor.block.list.length && anchor.block.list[k]!.found.length; k++) anchor.block.list[k]!.found.forEach(add);
  }
  const all = blocks.flatMap((b) => b.list.flatMap((s) => s.found));
  for (const f of all) {
    const key = indicatorKey(f.name);
    if (key && !isSecondary(key)) add(f);
  }
  // The second list fills a short page; it does not crowd a report that gives the headline ones.
  for (const f of all) if (out.length < ENOUGH && isSecondary(indicatorKey(f.name))) add(f);
  // Stable: the report's own order within one indicator kind, the digests' order across kinds.
  return out.map((f, at) => ({ f, at, rank: indicatorRank(indicatorKey(f.name)) })).sort((a, b) => a.rank - b.rank || a.at - b.at).map((x) => x.f);
}

/**
 * Every figure of a sentence, in order: `name value、growth` (3070.56亿元、增长1.1%, also with a
 * 按可比价格计算 between them), `name growth` (增长3.9%), `name growth，达到 value`, and a
 * headline indicator's level alone (`城镇新增就业3.48万人`).
 */
export function indicatorsIn(sentence: Sentence, where: (start: number, end: number) => Provenance): Indicator[] {
  const out: Array<Indicator & { at: number }> = [];
  if (MULTI_YEAR_BLOCK.test(sentence.text)) return [];
  let clauseStart = 0;
  for (const clause of sentence.text.split(/(?<=[；;])/)) {
    const offset = clauseStart;
    clauseStart += clause.length;
    // A sentence may give the year's figure beside a five-year one (…增长5.1%，…能耗累计降幅…):
    // the comparison words are looked for around each figure, not in the whole clause.
    // A period named earlier in the sentence (“十二五”期间，…; 五年共实施…，…) governs what follows.
    const multiYear = (start: number, end: number) => {
      const from = Math.max(...[...'，；,;'].map((c) => clause.lastIndexOf(c, start - 1))) + 1;
      const next = clause.slice(end).search(/[，；,;]/);
      const piece = clause.slice(from, next === -1 ? clause.length : end + next);
      // `扣除房地产开发投资后，固定资产投资增长2.7%` is a narrower figure than the indicator.
      return MULTI_YEAR_CLAUSE.test(piece) || PERIOD_BEFORE.test(sentence.text.slice(0, offset + start)) || NARROWED_BEFORE.test(clause.slice(0, from));
    };
    const taken: Array<[number, number]> = [];
    let consumed = 0;
    for (const g of clause.matchAll(GROWTH)) {
      if (g.index! < consumed) continue;
      const verbAt = g.index! + g[0].length - g[1]!.length;
      const before = clause.slice(consumed, g.index!);
      const trimmed = before.replace(BETWEEN, '');
      const value = VALUE_AT_END.exec(trimmed);
      let growthEnd = g.index! + g[0].length;
      consumed = growthEnd;
      let nameRegion: string;
      let textStart: number;
      let amount: { value: string; unit: string } | undefined;
      if (value) {
        nameRegion = trimmed.slice(0, trimmed.length - value[0].length);
        textStart = g.index! - (before.length - trimmed.length) - value[0].length;
        amount = { value: value[1]!, unit: value[2]! };
      } else {
        // A growth with no amount before it must follow its name directly.
        if (!before.trim() || SEPARATOR.test(before.trimEnd().slice(-1))) continue;
        nameRegion = before;
        textStart = verbAt;
        const after = VALUE_AFTER.exec(clause.slice(growthEnd));
        if (after) {
          amount = { value: after[1]!, unit: after[2]! };
          growthEnd += after[0].length;
          consumed = growthEnd;
        }
      }
      // `城镇、农村居民人均可支配收入分别增长4.3%、5.7%`: two rates belong to a name that lists two.
      const name = indicatorName(nameRegion, /[、和]\s*\d/.test(g[1]!));
      taken.push([textStart, growthEnd]);
      if (!name || multiYear(textStart, growthEnd)) continue;
      const start = offset + textStart;
      const end = offset + growthEnd;
      // Key order is the JSON's: what the figure is, then where it came from.
      out.push({ at: start, name, ...amount, growth: g[1]!.replace(/\s+/g, ''), text: sentence.text.slice(start, end), from: where(start, end) });
    }
    for (const level of levelsIn(clause, taken, multiYear)) {
      const start = offset + level.start;
      const end = offset + level.end;
      out.push({ at: start, name: level.name, value: level.value, unit: level.unit, text: sentence.text.slice(start, end), from: where(start, end) });
    }
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _, ...f }) => f);
}

/** Levels of headline indicators in a clause, outside the spans growth figures took. */
function levelsIn(clause: string, taken: Array<[number, number]>, multiYear: (start: number, end: number) => boolean): Array<{ name: string; value: string; unit: string; start: number; end: number }> {
  const out: Array<{ name: string; value: string; unit: string; start: number; end: number }> = [];
  let pieceStart = 0;
  for (const piece of clause.split(/(?<=[，、,：:])/)) {
    const at = pieceStart;
    pieceStart += piece.length;
    const named = findIndicatorName(piece);
    if (!named) continue;
    LEVEL.lastIndex = named.index + named.name.length;
    // The name may run on a little (城镇新增就业人数, 进出口总额) before its level.
    let m: RegExpExecArray | null = null;
    for (let k = 0; k <= 4 && !m; k++) {
      LEVEL.lastIndex = named.index + named.name.length + k;
      m = LEVEL.exec(piece);
      if (k < 4 && !m && !/[\u4e00-\u9fff]/.test(piece[named.index + named.name.length + k] ?? '')) break;
    }
    if (!m) continue;
    const start = at + m.index;
    const end = at + m.index + m[0].length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const name = indicatorName(piece.slice(0, m.index));
    if (!name || !indicatorKey(name) || multiYear(start, end)) continue;
    out.push({ name, value: m[1]!, unit: m[2]!, start, end });
  }
  return out;
}

/**
 * The noun phrase before a figure, back to the last separator, scope words and verbs removed,
 * when it names one of the genre's indicators (vocabulary.ts): other counts of the review
 * (新增企业, 某项目投资) are not its results.
 */
function indicatorName(region: string, pair = false): string | undefined {
  let name = region.trim();
  while (TRAILING_VERB.test(name)) name = name.replace(TRAILING_VERB, '').trim();
  const parts = name.split(SEPARATOR);
  // A pair of rates keeps the `X、Y` before them: the name is the pair, or no headline one.
  name = (pair && parts.length > 1 && /、[^、，；：。]*$/.test(name) ? parts.slice(-2).join('、') : parts.pop()!).trim().replace(LEADING_SCOPE, '');
  if (name.length < 2 || name.length > 32 || /^\d/.test(name) || !/[\u4e00-\u9fff]/.test(name)) return undefined;
  // A name with an indicator's words in it is that indicator or, narrowed by what stands in
  // front (武汉都市圈经济总量), none; other names are kept for the report's own headline group.
  if (!findIndicatorName(name)) return name;
  return indicatorNameIn(name);
}
