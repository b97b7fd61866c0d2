/** Targets: 主要预期目标是：地区生产总值增长5%；规模以上工业总产值增长5%以上；… */
import type { Provenance, Target } from '../../model.js';
import { blockText, sentences, type Doc, type Part } from './document.js';
import { NUM, UNIT } from './numbers.js';
import { findIndicatorName, indicatorKey, indicatorNameIn, isPlanned } from './vocabulary.js';

/** `主要预期目标是：`, `主要目标为：`, `主要预期目标建议为：`, `主要预期目标：`. */
export const TARGET_INTRO = /(?:主要预期目标|主要目标|预期目标)(?:[^：:。，；]{0,6}?[：:]|(?:建议|确定)?(?:是|为))/;
const PERCENT = '(?:%|％|‰|个百分点)';
const TARGET_VALUE = String.raw`(?<value>${NUM}\s*${PERCENT}?(?:\s*[—–\-~～至到]\s*${NUM}\s*${PERCENT}?)?)`;
const QUALIFIER = '(?<qualifier>以上|左右|以内|以下|上下)';
const VERB = '(?:按|提高到|提升到|提高至|提升至|下降到|降低到|降到|降至|控制在|保持在|稳定在|达到|不低于|不少于|不超过|低于|高于|超过|增长|下降|提高|降低|上涨)';
/** `地区生产总值增长5%以上`, `城镇调查失业率控制在5.5%以内`. */
const TARGET = new RegExp(
  String.raw`^(?<name>[^，；。：,;]{2,40}?)(?:要|力争|确保|努力|拟)?(?:均|分别)?` + String.raw`(?<target>${VERB}\s*` + String.raw`${TARGET_VALUE}(?<unit>${UNIT})?${QUALIFIER}?)`,
  'd',
);
/** A target with no verb, the whole clause: `城镇新增就业1200万人以上`, `居民消费价格涨幅3%左右`. */
const TARGET_BARE = new RegExp(String.raw`^(?<name>[^，；。：,;\d]{2,40}?)(?<target>${TARGET_VALUE}(?<unit>${UNIT})?${QUALIFIER}?)$`, 'd');
const LEVEL = new RegExp(String.raw`^(?:达到|突破|超过)\s*${NUM}\s*${UNIT}`);
const TARGET_TRAILING = /(?:继续|持续)?(?:保持|稳定|维持|提升|提高)$/;
const TARGET_SCOPE = /^(?:今年|全年|全市|全区|全省|全县|我市|我区|我省|我县|确保|力争|努力|实现|推动|保持)+/;
/** A clause of the plan that sets a target on its own: a goal word or a bound on the figure. */
const COMMITTED = /以上|左右|以内|以下|不少于|不低于|不超过|控制在|稳定在|保持在|力争|确保|目标|拟|安排/;
const BOUND = /不少于|不低于|不超过|控制在|稳定在|保持在/;

/**
 * The plan's quantitative targets. First the 主要预期目标 sentence and what continues it (the
 * rest of its paragraph, and lines after it that go on listing targets, one a line); then the
 * genre's headline indicators the plan sets elsewhere in its sections (`确保粮食产量80亿斤以上`,
 * `城镇新增就业不少于28万人`, `赤字率拟按4%左右安排`), in its part or the year's other plan
 * parts, one per indicator, when the list did not already give it.
 */
export function planTargets(doc: Doc, part: Part, others: Part[] = []): Target[] {
  const listed = listedTargets(doc, part);
  if (!listed.length) return [];
  const keys = new Set(listed.map((t) => indicatorKey(t.name)).filter(Boolean));
  const out = [...listed];
  // The year's tasks may stand in a part of their own after the targets (政府工作任务).
  for (const t of [part, ...others].flatMap((p) => spreadTargets(doc, p, listed))) {
    const key = indicatorKey(t.name)!;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(t);
  }
  return out;
}

/** The 主要预期目标 sentence's targets and those of the sentences and lines that continue it. */
function listedTargets(doc: Doc, part: Part): Target[] {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type !== 'paragraph') continue;
    const list = sentences(blockText(node));
    for (let k = 0; k < list.length; k++) {
      const sentence = list[k]!;
      const intro = TARGET_INTRO.exec(sentence.text);
      if (!intro) continue;
      const out = placed(targetsIn(sentence.text, intro.index + intro[0].length), (s, e) => doc.provenance(i, sentence, s, e));
      if (!out.length) continue;
      // The list goes on while sentences end in ；(one target a line) or keep giving targets.
      let open = /[；;]\s*$/.test(sentence.text);
      let j = i;
      let rest = list.slice(k + 1);
      for (;;) {
        for (const next of rest) {
          const row = j;
          const more = placed(targetsIn(next.text, 0), (s, e) => doc.provenance(row, next, s, e));
          if (!more.length && !open) return out;
          out.push(...more);
          open = /[；;]\s*$/.test(next.text) || (more.length > 0 && open);
          if (!more.length) return out;
        }
        j++;
        const after = doc.children[j];
        if (j >= part.end || !after || after.type !== 'paragraph' || !open) return out;
        rest = sentences(blockText(after));
      }
    }
  }
  return [];
}

/** Headline indicators the plan's sections set as targets of their own. */
function spreadTargets(doc: Doc, part: Part, listed: Target[]): Target[] {
  const out: Target[] = [];
  const seen = new Set(listed.map((t) => `${t.from.paragraph}:${t.from.sentence}`));
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type !== 'paragraph') continue;
    for (const sentence of sentences(blockText(node))) {
      if (seen.has(`${i}:${sentence.text}`) || TARGET_INTRO.test(sentence.text)) continue;
      let at = 0;
      for (const piece of sentence.text.split(/(?<=[；，;,。])/)) {
        const offset = at;
        at += piece.length;
        const named = findIndicatorName(piece);
        if (!named || (!COMMITTED.test(piece) && !isPlanned(named.key)) || /年均|累计|每年|到\d{4}年|\d{4}年(?:前|底前)/.test(piece)) continue;
        // The whole clause, so that words before the name can narrow it (跨境电商进出口 is not 进出口).
        const found = targetsIn(piece, 0).find((r) => r.start >= named.index);
        const name = found && indicatorNameIn(found.fact.name);
        // A bound (以上, 左右, 不少于…) makes a figure a target; a fiscal plan's amounts are one as stated.
        if (!found || !name || (!found.fact.qualifier && !BOUND.test(found.fact.target) && !isPlanned(indicatorKey(name)))) continue;
        out.push(...placed([{ ...found, fact: { ...found.fact, name } }], (s, e) => doc.provenance(i, sentence, s, e), offset));
      }
    }
  }
  return out;
}

/** A verb-less target counts only with a unit (万人, %): a bare number is no target. */
function bare(clause: string): RegExpExecArray | null {
  const m = TARGET_BARE.exec(clause);
  return m?.groups && (m.groups.unit || /[%％‰]|个百分点/.test(m.groups.value!)) ? m : null;
}

/** A target as read, before it is given its provenance: offsets are the sentence's. */
interface Read {
  fact: Omit<Target, 'from'>;
  start: number;
  end: number;
}

function targetsIn(text: string, from: number): Read[] {
  const out: Read[] = [];
  let at = from;
  let previous: Read | undefined;
  // Clauses end at ；，。 and at a 、 right after a figure (城镇新增就业47万人以上、城镇调查失业率…).
  for (const piece of text.slice(from).split(/(?<=[；，;,。]|(?:以上|左右|以内|以下|[%％‰\d人元斤吨户个])、)/)) {
    const lead = piece.length - piece.trimStart().length;
    const clause = piece.trim().replace(/[；，;,。、]$/, '');
    const offset = at + lead;
    at += piece.length;
    // `增长7.5%，达到309亿元`: the level belongs to the target before it.
    const level = LEVEL.exec(clause);
    if (level && previous) {
      previous.fact = { ...previous.fact, level: level[0] };
      continue;
    }
    const m = TARGET.exec(clause) ?? bare(clause);
    previous = undefined;
    if (!m?.groups || !m.indices?.groups) continue;
    const name = m.groups.name!.trim().replace(/[、]$/, '').replace(TARGET_SCOPE, '').replace(TARGET_TRAILING, '');
    // A name is a noun phrase: `增长6%` alone names nothing.
    if (name.length < 2 || /^(?:增长|下降|提高|降低|增速|涨幅)$/.test(name)) continue;
    const [s, e] = m.indices.groups.target!;
    const value = m.groups.value!.replace(/\s+/g, '') + (m.groups.unit ?? '');
    previous = { fact: { name, target: m.groups.target!, value, ...(m.groups.qualifier ? { qualifier: m.groups.qualifier } : {}) }, start: offset + s, end: offset + e };
    out.push(previous);
  }
  return out;
}

/** The targets of a sentence with their provenance, keys in the JSON's order (provenance last). */
function placed(read: Read[], where: (start: number, end: number) => Provenance, shift = 0): Target[] {
  return read.map((r) => ({ ...r.fact, from: where(r.start + shift, r.end + shift) }));
}
