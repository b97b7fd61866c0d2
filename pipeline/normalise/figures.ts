/**
 * Figures for the summary, each with the sentence it came from -> file.data.figures.
 *
 * A work report has a fixed shape: a review part (`一、2024年工作回顾`) that states the year's
 * headline figures near its start; a plan part (`二、2025年工作安排`) whose 主要预期目标
 * sentence lists the new year's targets and whose sections (`（一）…`) are the year's
 * priorities; often an appendix listing the 民生实事. The rules below find those places by the
 * words the genre uses for them and read the facts from the text as written. A report that
 * lacks one of them has no facts of that kind: nothing is inferred or filled in.
 */
import type { Nodes, Root, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { emptyFigures, type Figures, type Indicator, type Priority, type Provenance, type Target } from '../model.js';
import { ITEM, PART, SECTION, SUBITEM } from './text.js';

export function reportFigures() {
  return (tree: Root, file: VFile) => {
    file.data.figures = extractFigures(tree);
  };
}

export function extractFigures(tree: Root): Figures {
  const doc = new Doc(tree);
  const figures = emptyFigures();
  const parts = doc.parts();
  const named = parts.find((p) => REVIEW.test(p.title));
  const plans = planParts(parts, named);
  const review = named ?? reviewBefore(parts, plans[0]);
  if (review) {
    figures.reviewPart = review.title;
    const year = lastYear(review.title);
    if (year) figures.reviewYear = year;
    figures.indicators = headlineIndicators(doc, review);
  }
  // Targets and priorities may sit in one plan part or in two (总体要求和主要目标 / 重点工作).
  let targetPart: Part | undefined;
  let priorityPart: Part | undefined;
  for (const plan of plans) {
    const targets = targetPart ? [] : planTargets(doc, plan);
    if (targets.length) [figures.targets, targetPart] = [targets, plan];
    const priorities = priorityPart ? [] : planPriorities(doc, plan);
    if (priorities.length) [figures.priorities, priorityPart] = [priorities, plan];
  }
  const plan = priorityPart ?? targetPart ?? plans[0];
  if (plan) {
    figures.planPart = plan.title;
    const year = lastYear(plan.title) ?? plans.map((p) => lastYear(p.title)).find(Boolean);
    if (year) figures.planYear = year;
  }
  const projects = findProjects(parts, figures.planYear);
  if (projects) {
    const items = projectItems(doc, projects);
    if (items.length) {
      figures.projectsTitle = projects.title.replace(APPENDIX_LABEL, '').trim() || projects.title;
      figures.projects = items;
    }
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// The tree as blocks with their text, section and source line.

interface Part {
  title: string;
  /** Index of the part's heading among the root's children. */
  index: number;
  /** Index after the part's last block. */
  end: number;
}

interface Sentence {
  text: string;
  /** Offset of the sentence in its block's text. */
  offset: number;
}

const MARKER = new RegExp(`${SECTION.source}|${PART.source}|${SUBITEM.source}|${ITEM.source}`);

class Doc {
  private readonly sections: string[] = [];

  constructor(readonly tree: Root) {
    let section = '';
    for (const node of tree.children) {
      if (node.type === 'heading') section = blockText(node).trim();
      this.sections.push(section);
    }
  }

  get children(): RootContent[] {
    return this.tree.children;
  }

  /** The depth-1 headings and the blocks each one governs. */
  parts(): Part[] {
    const starts = this.children.flatMap((n, i) => (n.type === 'heading' && n.depth === 1 ? [i] : []));
    return starts.map((index, k) => ({ title: blockText(this.children[index]!).trim(), index, end: starts[k + 1] ?? this.children.length }));
  }

  /** Headings of `depth` between two blocks (a part's, or a section's), numbering split off. */
  headingsIn(part: Pick<Part, 'index' | 'end'>, depth: number): Priority[] {
    const out: Priority[] = [];
    for (let i = part.index + 1; i < part.end; i++) {
      const node = this.children[i]!;
      if (node.type !== 'heading' || node.depth !== depth) continue;
      const sentence = blockText(node).trim();
      const marker = MARKER.exec(sentence)?.[0] ?? '';
      const text = sentence.slice(marker.length).replace(/[。.]$/, '');
      if (!text) continue;
      out.push({ text, ...(marker ? { marker: marker.trim() } : {}), from: this.provenance(i, { text: sentence, offset: 0 }, marker.length, marker.length + text.length) });
    }
    return out;
  }

  /** Index after the section a heading opens (at the next heading of its depth or higher). */
  sectionEnd(index: number, limit: number): number {
    const depth = (this.children[index] as { depth?: number }).depth ?? 1;
    let end = index + 1;
    while (end < limit && !(this.children[end]!.type === 'heading' && (this.children[end] as { depth: number }).depth <= depth)) end++;
    return end;
  }

  provenance(index: number, sentence: Sentence, start: number, end: number, line?: number): Provenance {
    const node = this.children[index]!;
    const from: Provenance = { section: this.sections[index] ?? '', paragraph: index, sentence: sentence.text, start, end };
    const first = line ?? node.position?.start.line;
    if (first !== undefined) {
      // A block may span several lines (Markdown sources): count the breaks before the sentence.
      const before = line === undefined ? blockText(node).slice(0, sentence.offset).split('\n').length - 1 : 0;
      from.line = first + before;
    }
    return from;
  }
}

/** A block's text as a reader sees it: note markers (`[1]` links) left out, breaks as newlines. */
function blockText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'link':
      if (node.data?.noteref) return '';
  }
  return 'children' in node ? (node.children as Nodes[]).map(blockText).join('') : '';
}

/** Sentences end at 。！？ (with any closing quote after them) or at a line break. */
const SENTENCE = /[^。！？!?\n]*[。！？!?]+[”’」』）)]*|[^。！？!?\n]+/g;

function sentences(text: string): Sentence[] {
  return [...text.matchAll(SENTENCE)].map((m) => ({ text: m[0], offset: m.index! })).filter((s) => s.text.trim());
}

function lastYear(title: string): string | undefined {
  return [...title.matchAll(/(\d{4})\s*年/g)].pop()?.[1];
}

// ---------------------------------------------------------------------------------------------
// Which part is which.

/** The review part names itself: 工作回顾, 过去一年的工作, 工作总结. */
const REVIEW = /回顾|过去一年|过去五年|工作总结|工作成效/;
/** The plan part: 工作安排, 主要目标任务, 重点工作, 工作建议… */
const PLAN = /工作安排|工作部署|工作任务|目标任务|主要任务|重点任务|重点工作|主要目标|预期目标|工作要点|工作的?建议|总体要求/;
/** A five-year plan's part (“十五五”时期…): its targets are not the year's. */
const MULTI_YEAR = /[一二三四五六七八九十]{1,2}五|时期|今后五年|五年/;
const HAS_YEAR = /\d{4}\s*年/;
const PROJECTS_TITLE = /民生实事|实事项目|民生项目/;
/** Last year's list, reported as done, is not this year's. */
const PROJECTS_DONE = /完成情况|落实情况|办理情况|完成$/;
const APPENDIX_LABEL = /^(?:附件|附录|附表)\s*[0-9０-９一二三四五六七八九十]{0,3}\s*/;
/** Sections that frame the plan rather than being one of its tasks. */
const FRAMEWORK = /^(?:(?:今年|\d{4}年)?(?:政府工作的?|经济社会发展的?)?(?:总体要求|指导思想|总体思路|主要(?:预期)?目标|预期目标|目标任务))$/;

/**
 * The year's plan: plan-like parts after the review, those that name a year and are not a
 * five-year plan's first (reports in a plan's first year have both). A five-year part is used
 * only when the report has no other.
 */
function planParts(parts: Part[], review: Part | undefined): Part[] {
  const after = parts.filter((p) => p.index > (review?.index ?? -1) && PLAN.test(p.title) && !PROJECTS_TITLE.test(p.title));
  const annual = after.filter((p) => !MULTI_YEAR.test(p.title));
  const ranked = [...annual.filter((p) => HAS_YEAR.test(p.title)), ...annual.filter((p) => !HAS_YEAR.test(p.title))];
  return ranked.length ? ranked : after;
}

/** Without a part that calls itself a review, the first numbered part before the plan is its equivalent. */
function reviewBefore(parts: Part[], plan: Part | undefined): Part | undefined {
  if (!plan) return undefined;
  return parts.find((p) => p.index < plan.index && PART.test(p.title) && !PLAN.test(p.title));
}

/**
 * The plan's sections, leaving out the ones that frame it (总体要求, 主要目标). When a single
 * section is left and it holds numbered titles of its own (（三）重点任务 1.… 2.…), those are the
 * priorities.
 */
function planPriorities(doc: Doc, part: Part): Priority[] {
  const sections = doc.headingsIn(part, 2).filter((p) => !FRAMEWORK.test(p.text));
  if (sections.length === 1) {
    const at = sections[0]!.from.paragraph;
    const inner = doc.headingsIn({ index: at, end: doc.sectionEnd(at, part.end) }, 3);
    if (inner.length >= 2) return inner;
  }
  return sections;
}

function findProjects(parts: Part[], planYear: string | undefined): Part | undefined {
  const lists = parts.filter((p) => PROJECTS_TITLE.test(p.title) && !PROJECTS_DONE.test(p.title));
  return (planYear && lists.find((p) => p.title.includes(`${planYear}年`))) || lists[0];
}

// ---------------------------------------------------------------------------------------------
// Headline indicators: 地区生产总值3070.56亿元、增长1.1%.

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNIT = '(?:万亿元|亿美元|万美元|亿元|万元|元|万人次|人次|万人|人|万户|户|万吨|吨|万亿斤|亿斤|万斤|万亩|亩|万平方米|平方米|平方公里|公里|亿千瓦时|万千瓦|千瓦|万标箱|万辆|辆|万家|家|万个|个|件|项|所|座|张|%|‰)';
const RATE = String.raw`${NUM}\s*(?:%|‰|个百分点)`;
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
function headlineIndicators(doc: Doc, part: Part): Indicator[] {
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

// ---------------------------------------------------------------------------------------------
// Targets: 主要预期目标是：地区生产总值增长5%；规模以上工业总产值增长5%以上；…

/** `主要预期目标是：`, `主要目标为：`, `主要预期目标建议为：`, `主要预期目标：`. */
const TARGET_INTRO = /(?:主要预期目标|主要目标|预期目标)(?:[^：:。，；]{0,6}?[：:]|(?:建议|确定)?(?:是|为))/;
const TARGET_VALUE = String.raw`(?<value>${NUM}\s*(?:%|‰|个百分点)?(?:\s*[—–\-~～至到]\s*${NUM}\s*(?:%|‰|个百分点)?)?)`;
const QUALIFIER = '(?<qualifier>以上|左右|以内|以下|上下)';
/** `地区生产总值增长5%以上`, `城镇调查失业率控制在5.5%以内`. */
const TARGET = new RegExp(
  String.raw`^(?<name>[^，；。：,;]{2,40}?)(?:要|力争|确保)?(?:均|分别)?` +
    String.raw`(?<target>(?:提高到|提升到|下降到|降低到|降到|降至|控制在|保持在|稳定在|达到|不低于|不超过|低于|高于|超过|增长|下降|提高|降低)\s*` +
    String.raw`${TARGET_VALUE}(?<unit>${UNIT})?${QUALIFIER}?)`,
  'd',
);
/** A target with no verb, the whole clause: `城镇新增就业1200万人以上`, `居民消费价格涨幅3%左右`. */
const TARGET_BARE = new RegExp(String.raw`^(?<name>[^，；。：,;\d]{2,40}?)(?<target>${TARGET_VALUE}(?<unit>${UNIT})?${QUALIFIER}?)$`, 'd');
const LEVEL = new RegExp(String.raw`^(?:达到|突破|超过)\s*${NUM}\s*${UNIT}`);
const TARGET_SCOPE = /^(?:今年|全年|全市|全区|全省|全县|我市|我区|我省|我县)+/;

/** The quantitative targets of the plan part's 主要预期目标 sentence. */
function planTargets(doc: Doc, part: Part): Target[] {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type !== 'paragraph') continue;
    for (const sentence of sentences(blockText(node))) {
      const intro = TARGET_INTRO.exec(sentence.text);
      if (!intro) continue;
      const targets = targetsIn(sentence, intro.index + intro[0].length, (s, e) => doc.provenance(i, sentence, s, e));
      if (targets.length) return targets;
    }
  }
  return [];
}

/** A verb-less target counts only with a unit (万人, %): a bare number is no target. */
function bare(clause: string): RegExpExecArray | null {
  const m = TARGET_BARE.exec(clause);
  return m?.groups && (m.groups.unit || /[%‰]|个百分点/.test(m.groups.value!)) ? m : null;
}

function targetsIn(sentence: Sentence, from: number, where: (start: number, end: number) => Provenance): Target[] {
  const out: Target[] = [];
  let at = from;
  let previous: Target | undefined;
  for (const piece of sentence.text.slice(from).split(/(?<=[；，;,。])/)) {
    const lead = piece.length - piece.trimStart().length;
    const clause = piece.trim().replace(/[；，;,。]$/, '');
    const offset = at + lead;
    at += piece.length;
    // `增长7.5%，达到309亿元`: the level belongs to the target before it.
    const level = LEVEL.exec(clause);
    if (level && previous) {
      out[out.length - 1] = previous = withLevel(previous, level[0]);
      continue;
    }
    const m = TARGET.exec(clause) ?? bare(clause);
    previous = undefined;
    if (!m?.groups || !m.indices?.groups) continue;
    const name = m.groups.name!.trim().replace(TARGET_SCOPE, '');
    if (name.length < 2) continue;
    const [s, e] = m.indices.groups.target!;
    const value = m.groups.value!.replace(/\s+/g, '') + (m.groups.unit ?? '');
    previous = { name, target: m.groups.target!, value, ...(m.groups.qualifier ? { qualifier: m.groups.qualifier } : {}), from: where(offset + s, offset + e) };
    out.push(previous);
  }
  return out;
}

/** The target with its level, keys in the JSON's order (provenance last). */
function withLevel({ from, ...target }: Target, level: string): Target {
  return { ...target, level, from };
}

/** Line of the first positioned node inside `node` (table cells built from runs carry none). */
function firstLine(node: Nodes): number | undefined {
  if (node.position) return node.position.start.line;
  if (!('children' in node)) return undefined;
  for (const child of node.children as Nodes[]) {
    const line = firstLine(child);
    if (line !== undefined) return line;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// 民生实事: the 项目 column of the list's table, or the list's own headings.

const PROJECT_COLUMN = [/^(?:项目|项目名称|实事名称|实事项目|名称|事项)$/, /项目|名称|事项|实事/];

function projectItems(doc: Doc, part: Part): Priority[] {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type === 'table') {
      const items = tableColumn(doc, i, node);
      if (items.length) return items;
    }
  }
  return doc.headingsIn(part, 2);
}

function tableColumn(doc: Doc, index: number, table: Table): Priority[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((cell) => blockText(cell).replace(/\s+/g, ''));
  let column = -1;
  for (const pattern of PROJECT_COLUMN) {
    column = names.findIndex((n) => pattern.test(n));
    if (column !== -1) break;
  }
  if (column === -1) return [];
  const out: Priority[] = [];
  for (const row of rows) {
    const cell = row.children[column];
    if (!cell) continue;
    const text = blockText(cell).replace(/\n+/g, ' ').trim();
    if (!text) continue;
    out.push({ text, from: doc.provenance(index, { text, offset: 0 }, 0, text.length, firstLine(cell)) });
  }
  return out;
}

