/** Headline indicators of the review part: 地区生产总值3070.56亿元、增长1.1%. */
import type { Indicator, Provenance } from '../../model.js';
import { blockText, sentences, type Doc, type Part, type Sentence } from './document.js';
import { NUM, RATE, UNIT } from './numbers.js';

/** A change: `同比增长8.9%`, `下降0.5个百分点`, `分别增长8.7%和8.6%`. Group 1 starts at the verb. */
const GROWTH = new RegExp(String.raw`(?:同比|比上年|较上年|比去年|较去年)?(?:分别|均)?((?:增长|下降|提高|降低|回落|回升|减少)\s*${RATE}(?:\s*(?:和|、)\s*${RATE})?)`, 'g');
const VALUE_AT_END = new RegExp(String.raw`(${NUM})\s*(${UNIT})$`);
/** What may stand between an amount and its growth: separators, 按可比价格计算, a parenthesis. */
const BETWEEN = /(?:[，、,\s]|（[^）]{0,16}）|\([^)]{0,16}\)|按可比价格?计算|扣除价格因素)+$/;
/** An amount stated after the growth: `增长6.5%，达到1200亿元`. */
const VALUE_AFTER = new RegExp(String.raw`^[，、,]\s*(?:总量|规模)?(?:达到|达|突破|为)\s*(${NUM})\s*(${UNIT})`);
/** Clauses comparing across several years (由…增加到, 年均, 比2010年) are not the year's figures. */
const MULTI_YEAR_CLAUSE = /年均|[由从].{0,24}?(?:增加|提高|增长|上升|下降|减少|降低|扩大|提升)(?:到|至)|[比较]\d{4}年|以来|五年|累计/;
const HEADLINE = /生产总值|GDP|经济总量/;
const SEPARATOR = /[，、；：。！？,;:!?]/;
const LEADING_SCOPE = /^(?:\d{4}年|全年|今年|去年|上年|当年|一年来|全市|全区|全省|全县|全州|全盟|全旗|全镇|我市|我区|我省|我县|其中|实现|完成|预计)+/;
const TRAILING_VERB = /(?:完成|实现|达到|达|为|突破|超过|超|共计|共|累计|总计)$/;

/**
 * The review's headline figures: from the first sentence that states the economy's size or
 * growth (生产总值), on through the sentences right after it that also state figures, within
 * that paragraph. Reports without a 生产总值 sentence start at the first sentence listing two
 * or more figures.
 */
export function headlineIndicators(doc: Doc, part: Part): Indicator[] {
  const blocks: Array<{ index: number; list: Array<{ sentence: Sentence; found: Indicator[] }> }> = [];
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type !== 'paragraph') continue;
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
  if (!anchor) return [];
  const out: Indicator[] = [];
  for (let k = anchor.k; k < anchor.block.list.length && anchor.block.list[k]!.found.length; k++) {
    for (const f of anchor.block.list[k]!.found) if (!out.some((o) => o.name === f.name)) out.push(f);
  }
  return out;
}

/**
 * Every figure of a sentence, in order: `name value、growth` (3070.56亿元、增长1.1%, also with a
 * 按可比价格计算 between them), `name growth` (增长3.9%) and `name growth，达到 value`.
 */
function indicatorsIn(sentence: Sentence, where: (start: number, end: number) => Provenance): Indicator[] {
  const out: Indicator[] = [];
  let clauseStart = 0;
  for (const clause of sentence.text.split(/(?<=[；;])/)) {
    const offset = clauseStart;
    clauseStart += clause.length;
    if (MULTI_YEAR_CLAUSE.test(clause)) continue;
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
      const name = indicatorName(nameRegion);
      if (!name) continue;
      const start = offset + textStart;
      const end = offset + growthEnd;
      // Key order is the JSON's: what the figure is, then where it came from.
      out.push({ name, ...amount, growth: g[1]!.replace(/\s+/g, ''), text: sentence.text.slice(start, end), from: where(start, end) });
    }
  }
  return out;
}

/** The noun phrase before a figure: back to the last separator, scope words and verbs removed. */
function indicatorName(region: string): string | undefined {
  let name = region.trim();
  while (TRAILING_VERB.test(name)) name = name.replace(TRAILING_VERB, '').trim();
  name = name.split(SEPARATOR).pop()!.trim().replace(LEADING_SCOPE, '');
  if (name.length < 2 || name.length > 24 || /^\d/.test(name) || !/[\u4e00-\u9fff]/.test(name)) return undefined;
  return name;
}
