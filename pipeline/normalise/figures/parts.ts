/**
 * Which part of a report is which: the review of last year, the plan for this year (targets
 * and priorities), and the list of 民生实事, found by the words the genre names them with.
 */
import type { Priority } from '../../model.js';
import { PART } from '../text.js';
import { blockText, sentences, type Doc, type Part } from './document.js';
import { TARGET_INTRO } from './targets.js';

/** The review part names itself: 工作回顾, 过去一年的工作, 工作总结. */
export const REVIEW = /回顾|过去一年|过去五年|工作总结|工作成效/;
/** The plan part: 工作安排, 主要目标任务, 重点工作, 工作建议… */
const PLAN = /工作安排|工作部署|工作任务|目标任务|主要任务|重点任务|重点工作|主要目标|预期目标|工作要点|工作的?建议|总体要求/;
/** A five-year plan's part (“十五五”时期…): its targets are not the year's. */
const MULTI_YEAR = /[一二三四五六七八九十]{1,2}五|时期|今后五年|五年/;
const HAS_YEAR = /\d{4}\s*年/;
const PROJECTS_TITLE = /民生实事|实事项目|民生项目/;
/** Last year's list, reported as done, is not this year's. */
const PROJECTS_DONE = /完成情况|落实情况|办理情况|完成$/;
/** `附件`, `附件2`, `附件二：` — a number that is not the start of a year (附件 2026年…). */
export const APPENDIX_LABEL = /^(?:附件|附录|附表)\s*(?:[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９年]))?\s*[：:]?\s*/;
/** Sections that frame the plan rather than being one of its tasks. */
const FRAMEWORK = /^(?:(?:今年|\d{4}年)?(?:政府工作的?|经济社会发展的?)?(?:总体要求|指导思想|总体思路|主要(?:预期)?目标|预期目标|目标任务))$/;

/**
 * The year's plan: plan-like parts after the review, those that name a year and are not a
 * five-year plan's first (reports in a plan's first year have both). A five-year part is used
 * only when the report has no other.
 */
export function planParts(parts: Part[], review: Part | undefined): Part[] {
  const after = parts.filter((p) => p.index > (review?.index ?? -1) && PLAN.test(p.title) && !PROJECTS_TITLE.test(p.title));
  const annual = after.filter((p) => !MULTI_YEAR.test(p.title));
  const ranked = [...annual.filter((p) => HAS_YEAR.test(p.title)), ...annual.filter((p) => !HAS_YEAR.test(p.title))];
  return ranked.length ? ranked : after;
}

/** Without a part that calls itself a review, the first numbered part before the plan is its equivalent. */
export function reviewBefore(parts: Part[], plan: Part | undefined): Part | undefined {
  if (!plan) return undefined;
  return parts.find((p) => p.index < plan.index && PART.test(p.title) && !PLAN.test(p.title));
}

/**
 * The plan's sections, leaving out the ones that frame it (总体要求, 主要目标). When a single
 * section is left and it holds numbered titles of its own (（三）重点任务 1.… 2.…), those are the
 * priorities.
 */
export function planPriorities(doc: Doc, part: Part): Priority[] {
  const sections = doc.headingsIn(part, 2).filter((p) => !FRAMEWORK.test(p.text));
  const innerOf = (section: Priority) => {
    const at = section.from.paragraph;
    return doc.headingsIn({ index: at, end: doc.sectionEnd(at, part.end) }, 3);
  };
  if (sections.length === 1) {
    const inner = innerOf(sections[0]!);
    if (inner.length >= 2) return inner;
  }
  // 三、全力抓好七项重点工作 among the plan's other sections: its items are the year's tasks.
  const tasks = sections.filter((s) => TASKS.test(s.text) && innerOf(s).length >= 2);
  if (tasks.length === 1) return innerOf(tasks[0]!);
  return sections;
}

const TASKS = /重点工作|重点任务|主要任务|工作任务/;

/**
 * Where the 民生实事 list stands: a part of its own (an appendix `附件 2026年…民生实事`), or a
 * heading inside a part that titles the list (`附件` then `2026年…民生实事` on its own line).
 */
export function findProjects(doc: Doc, parts: Part[], planYear: string | undefined): Part | undefined {
  const titled = (title: string) => PROJECTS_TITLE.test(title) && !PROJECTS_DONE.test(title) && title.length <= 40;
  const lists: Part[] = parts.filter((p) => titled(p.title));
  for (const part of parts) {
    if (lists.includes(part) || !APPENDIX_LABEL.test(part.title)) continue;
    for (let i = part.index + 1; i < part.end; i++) {
      const node = doc.children[i]!;
      const text = blockText(node).trim();
      if ((node.type === 'heading' || node.type === 'paragraph') && titled(text) && !/[。；]/.test(text)) lists.push({ title: text, index: i, end: part.end });
    }
  }
  return (planYear && lists.find((p) => p.title.includes(`${planYear}年`))) || lists[0];
}

/** Parts after the review that hold the 主要预期目标 sentence, the year's before a five-year plan's. */
export function targetParts(doc: Doc, parts: Part[], review: Part | undefined): Part[] {
  const found = parts.filter((p) => p.index > (review?.index ?? -1) && holds(doc, p, (text) => TARGET_INTRO.test(text) && !/五年|时期|\d{4}年(?:前|底前)?[，,]/.test(text.slice(0, text.search(TARGET_INTRO)))));
  return [...found.filter((p) => !MULTI_YEAR.test(p.title)), ...found.filter((p) => MULTI_YEAR.test(p.title))];
}

/** Without titles to go by, the review is the part before the plan that states the year's 生产总值. */
export function reviewByFigures(doc: Doc, parts: Part[], plan: Part | undefined): Part | undefined {
  return parts.find((p) => p.index < (plan?.index ?? Infinity) && holds(doc, p, (text) => /生产总值|经济总量/.test(text) && /增长\s*\d/.test(text)));
}

function holds(doc: Doc, part: Part, test: (sentence: string) => boolean): boolean {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type === 'paragraph' && sentences(blockText(node)).some((s) => test(s.text))) return true;
  }
  return false;
}
