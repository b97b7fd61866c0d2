/**
 * What the summary shows, for both the HTML page and the PDF: the blocks the layout asks for,
 * in its order, each with the items it has room for and the line that counts the rest. A block
 * the report has nothing for is left out. Every item carries its source sentence.
 */
import type { Indicator, Priority, Target } from '../../model.js';
import type { Comparison, SummaryFacts } from './facts.js';
import type { Labels } from './labels.js';

export type BlockKind = 'headline' | 'chart' | 'targets' | 'priorities' | 'projects';

export interface HeadlineItem {
  name: string;
  /** The amount (`3070.56亿元`), or the growth when the report gives no amount. */
  big: string;
  /** The growth under the amount (`增长1.1%`). */
  growth?: string;
  source: string;
}

export interface TargetItem {
  name: string;
  target: string;
  level?: string;
  source: string;
}

export interface ListItem {
  marker?: string;
  /** The first clause, set in bold (`强化重大平台支撑`, `道路优化`). */
  head: string;
  /** The rest, with its leading separator (`，打造…`). */
  rest: string;
  source: string;
}

interface Base<K extends BlockKind, T> {
  kind: K;
  heading: string;
  items: T[];
  /** How many items the report has; `items` may be fewer. */
  total: number;
  /** `…另有三项` when items were left out. */
  more?: string;
}

export type Block =
  | Base<'headline', HeadlineItem>
  | Base<'chart', Comparison>
  | Base<'targets', TargetItem>
  | Base<'priorities', ListItem>
  | Base<'projects', ListItem>;

export type Limits = Record<BlockKind, number>;

export interface SummaryView {
  title: string;
  subtitle?: string;
  speaker?: string;
  kicker: string;
  /** Rows of blocks: a chart next to the targets shares a row with them. */
  rows: Block[][];
  legend: { actual: string; target: string };
  labels: Labels;
}

export function summaryView(facts: SummaryFacts, labels: Labels, order: BlockKind[], limits: Limits): SummaryView {
  const blocks: Block[] = [];
  for (const kind of order) {
    const block = makeBlock(kind, facts, labels, limits[kind]);
    if (block) blocks.push(block);
  }
  const speaker = facts.speaker ? [facts.speaker.role, facts.speaker.name].filter(Boolean).join(' ') : undefined;
  return {
    // Without a title of its own the report gets none: the file name may carry digits it never states.
    title: facts.title ?? facts.meeting ?? '',
    ...(facts.subtitle ? { subtitle: facts.subtitle } : facts.meeting ? { subtitle: facts.meeting } : {}),
    ...(speaker ? { speaker } : {}),
    kicker: labels.kicker,
    rows: pairRows(blocks),
    legend: { actual: labels.actual, target: labels.target },
    labels,
  };
}

/** How many items each block has in all (the most it can show). */
export function totals(facts: SummaryFacts): Limits {
  return {
    headline: facts.indicators.length,
    chart: facts.comparisons.length,
    targets: facts.targets.length,
    priorities: facts.priorities.length,
    projects: facts.projects.length,
  };
}

function makeBlock(kind: BlockKind, facts: SummaryFacts, labels: Labels, limit: number): Block | undefined {
  switch (kind) {
    case 'headline':
      return cut(kind, labels.headline, facts.indicators.map(headlineItem), limit, labels);
    case 'chart':
      return cut(kind, labels.chart, facts.comparisons, limit, labels);
    case 'targets':
      return cut(kind, labels.targets, facts.targets.map(targetItem), limit, labels);
    case 'priorities':
      return cut(kind, labels.priorities, facts.priorities.map(listItem), limit, labels);
    case 'projects':
      return cut(kind, labels.projects, facts.projects.map(listItem), limit, labels);
  }
}

function cut<K extends BlockKind, T>(kind: K, heading: string, all: T[], limit: number, labels: Labels): Base<K, T> | undefined {
  if (!all.length) return undefined;
  const shown = Math.max(1, Math.min(limit, all.length));
  const block: Base<K, T> = { kind, heading, items: all.slice(0, shown), total: all.length };
  if (shown < all.length) block.more = labels.more(all.length - shown);
  return block;
}

/** A chart and the targets it draws read best side by side. */
function pairRows(blocks: Block[]): Block[][] {
  const rows: Block[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i]!;
    const b = blocks[i + 1];
    if (b && ((a.kind === 'targets' && b.kind === 'chart') || (a.kind === 'chart' && b.kind === 'targets'))) {
      rows.push([a, b]);
      i++;
    } else rows.push([a]);
  }
  return rows;
}

function headlineItem(i: Indicator): HeadlineItem {
  const amount = i.value !== undefined ? `${i.value}${i.unit ?? ''}` : undefined;
  return { name: i.name, big: amount ?? i.growth ?? i.text, ...(amount && i.growth ? { growth: i.growth } : {}), source: i.from.sentence };
}

function targetItem(t: Target): TargetItem {
  return { name: t.name, target: t.target, ...(t.level ? { level: t.level } : {}), source: t.from.sentence };
}

/** The first clause (up to ：or ，) is the item's head when it is short enough to scan. */
const HEAD_MAX = 16;

function listItem(p: Priority): ListItem {
  const stop = p.text.search(/[：，:]/);
  const split = stop > 0 && stop <= HEAD_MAX;
  return {
    ...(p.marker ? { marker: p.marker } : {}),
    head: split ? p.text.slice(0, stop) : p.text,
    rest: split ? p.text.slice(stop) : '',
    source: p.from.sentence,
  };
}
