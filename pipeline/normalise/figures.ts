/**
 * Figures for the summary, each with the sentence it came from -> file.data.figures.
 *
 * A work report has a fixed shape: a review part (`一、2024年工作回顾`) that states the year's
 * headline figures, at its start and through its sections; a plan part (`二、2025年工作安排`)
 * whose 主要预期目标 sentence lists the new year's targets (more are set in its sections) and
 * whose sections (`（一）…`) are the year's priorities; the 民生实事 in an appendix or inside
 * the plan. The rules below find those places by the words the genre uses for them, by the
 * titles first and by what the parts hold when the titles say nothing (一张蓝图绘到底…), and
 * read the facts from the text as written; which indicators count is the genre's list
 * (figures/vocabulary.ts). A report that lacks one of them has no facts of that kind: nothing
 * is inferred or filled in.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { emptyFigures, type Figures, type Meta } from '../model.js';
import { blockText, Doc, lastYear, type Part } from './figures/document.js';
import { APPENDIX_LABEL, findProjects, planParts, planPriorities, REVIEW, reviewBefore, reviewByFigures, targetParts } from './figures/parts.js';
import { headlineIndicators } from './figures/indicators.js';
import { planTargets } from './figures/targets.js';
import { projectItems, projectsInText } from './figures/projects.js';

export function reportFigures() {
  return (tree: Root, file: VFile) => {
    file.data.figures = extractFigures(tree, file.data.meta);
  };
}

export function extractFigures(tree: Root, meta?: Meta): Figures {
  const doc = new Doc(tree);
  const figures = emptyFigures();
  const parts = doc.parts();
  const named = parts.find((p) => REVIEW.test(p.title));
  // Parts whose titles say nothing of what they hold (一张蓝图绘到底…) are known by their text:
  // the plan holds the 主要预期目标 sentence, the review the year's 生产总值 before it.
  const titled = planParts(parts, named);
  const plans = [...titled, ...targetParts(doc, parts, named).filter((p) => !titled.includes(p))];
  const review = named ?? reviewBefore(parts, titled[0]) ?? reviewByFigures(doc, parts, plans[0]);
  if (review) {
    figures.reviewPart = review.title;
    figures.indicators = headlineIndicators(doc, review);
    // A review titled without its year (一、工作回顾) states it where its figures begin
    // (2025年是…收官之年; 初步统计，2025年全省地区生产总值…).
    const year = lastYear(review.title) ?? yearOpening(figures.indicators[0]?.from.sentence) ?? yearOpening(firstParagraph(doc, review));
    if (year) figures.reviewYear = year;
  }
  // Targets and priorities may sit in one plan part or in two (总体要求和主要目标 / 重点工作).
  let targetPart: Part | undefined;
  let priorityPart: Part | undefined;
  for (const plan of plans) {
    const targets = targetPart ? [] : planTargets(doc, plan, titled.filter((p) => p !== plan && p.index > plan.index));
    if (targets.length) [figures.targets, targetPart] = [targets, plan];
    const priorities = priorityPart ? [] : planPriorities(doc, plan);
    if (priorities.length) [figures.priorities, priorityPart] = [priorities, plan];
  }
  const plan = priorityPart ?? targetPart ?? plans[0];
  if (plan) {
    figures.planPart = plan.title;
    // A part titled without its year (三、一鼓作气勇争先…) plans the year of the report itself.
    const year = lastYear(plan.title) ?? plans.map((p) => lastYear(p.title)).find(Boolean) ?? reportYear(meta);
    if (year) figures.planYear = year;
  }
  const projects = findProjects(doc, parts, figures.planYear);
  if (projects) {
    const items = projectItems(doc, projects);
    if (items.length) {
      figures.projectsTitle = projects.title.replace(APPENDIX_LABEL, '').trim() || projects.title;
      figures.projects = items;
    }
  }
  if (!figures.projects.length && plan) {
    const inText = projectsInText(doc, plan);
    if (inText) [figures.projectsTitle, figures.projects] = [inText.title, inText.items];
  }
  return figures;
}

/** The year the report's title or meeting line names (a work report plans the year it is given in). */
function reportYear(meta: Meta | undefined): string | undefined {
  if (!meta) return undefined;
  return [meta.title, meta.headline, meta.subtitle, meta.date].map((t) => (t ? /(\d{4})\s*年|^(\d{4})-/.exec(t) : null)).map((m) => m?.[1] ?? m?.[2]).find(Boolean);
}

/** A year the text opens with (`2025年是…`, `初步统计，2025年全省…`). */
function yearOpening(text: string | undefined): string | undefined {
  return text ? /^[^。]{0,8}?(\d{4})\s*年/.exec(text)?.[1] : undefined;
}

function firstParagraph(doc: Doc, part: Part): string | undefined {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type === 'paragraph') return blockText(node).trim();
  }
  return undefined;
}
