/** Targets: 主要预期目标是：地区生产总值增长5%；规模以上工业总产值增长5%以上；… */
import type { Provenance, Target } from '../../model.js';
import { blockText, sentences, type Doc, type Part, type Sentence } from './document.js';
import { NUM, UNIT } from './numbers.js';

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
export function planTargets(doc: Doc, part: Part): Target[] {
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
