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
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { emptyFigures, type Figures } from '../model.js';
import { Doc, lastYear, type Part } from './figures/document.js';
import { APPENDIX_LABEL, findProjects, planParts, planPriorities, REVIEW, reviewBefore } from './figures/parts.js';
import { headlineIndicators } from './figures/indicators.js';
import { planTargets } from './figures/targets.js';
import { projectItems } from './figures/projects.js';

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
