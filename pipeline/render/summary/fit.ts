/**
 * One page, whatever the report. The plan is made on estimates (pdf.ts), which is cheap:
 * first the type shrinks from the layout's base size towards `summary.minFontSize`; if the
 * page is still too full at the smallest size, the lists are capped at the longest common
 * length that fits (binary search), then each list takes back items while they still fit
 * (so the targets beside a tall chart keep what room the chart leaves them). A list that is
 * cut ends with a line saying how many items are left out. Then pdfmake renders once and the
 * pages are counted; in the rare case the estimate was too hopeful, the longest list loses
 * one more item and the page is rendered again.
 */
import type { Layout } from '../../templates/index.js';
import { renderPdf } from '../../engine/index.js';
import { withFallbackFont } from './fallback.js';
import type { SummaryFacts } from './facts.js';
import type { Labels } from './labels.js';
import { sizesAt, type Look } from './look.js';
import { pdfDocument, type Planned } from './pdf.js';
import { summaryView, totals, type BlockKind, type Limits } from './view.js';

/** Estimates are kept this far inside the page, for what they do not see. */
const SAFETY = 0.97;
const STEP = 0.5;
const MAX_RENDERS = 6;
/** Plans tried while lists grow back after capping (each is well under a millisecond). */
const GROW_TRIES = 40;
/** When lists tie for length, the later ones on the page give way first. */
const GIVE_WAY: BlockKind[] = ['projects', 'priorities', 'targets', 'chart', 'headline'];

export interface FitInput {
  /** Characters the layout's faces lack that its fallback font draws (shared/coverage.ts). */
  fallback?: Set<string>;
  facts: SummaryFacts;
  labels: Labels;
  order: BlockKind[];
  maxItems: number;
  layout: Layout;
  look: Look;
  info: { title: string; date: Date };
}

export interface Fitted {
  bytes: Uint8Array;
  pages: number;
  base: number;
  limits: Limits;
  renders: number;
}

export async function fitOnePage(input: FitInput): Promise<Fitted> {
  const { look } = input;
  const room = (look.page.height - look.page.margins[1] - look.page.margins[3]) * SAFETY;
  const all = totals(input.facts);
  const limits = Object.fromEntries(Object.entries(all).map(([k, n]) => [k, Math.min(n, input.maxItems)])) as Limits;
  const plan = (base: number) => pdfDocument(summaryView(input.facts, input.labels, input.order, limits), look, sizesAt(base, look.min), input.info);

  let base = look.base;
  let planned: Planned = plan(base);
  while (planned.height > room && base > look.min) {
    base = Math.max(look.min, base - STEP);
    planned = plan(base);
  }
  if (planned.height > room) planned = shortenToFit(limits, all, input.maxItems, room, () => plan(base));

  let renders = 0;
  for (;;) {
    const bytes = await renderPdf(input.layout, withFallbackFont(planned.doc, input.layout, input.fallback));
    renders++;
    const pages = pageCount(bytes);
    if (pages <= 1 || renders >= MAX_RENDERS || !shorten(limits, input.order)) return { bytes, pages, base, limits: { ...limits }, renders };
    planned = plan(base);
  }
}

/** Caps every list at the longest common length that fits, then lets each list grow back. */
function shortenToFit(limits: Limits, all: Limits, maxItems: number, room: number, plan: () => Planned): Planned {
  const kinds = Object.keys(limits) as BlockKind[];
  const cap = (c: number) => kinds.forEach((k) => (limits[k] = Math.max(1, Math.min(all[k], maxItems, c))));
  let lo = 1;
  let hi = maxItems;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    cap(mid);
    if (plan().height <= room) lo = mid;
    else hi = mid - 1;
  }
  cap(lo);
  let planned = plan();
  // Grow back, earlier blocks first, one item per list per round, within a bounded number of tries.
  let tries = GROW_TRIES;
  for (let grew = true; grew && tries > 0; ) {
    grew = false;
    for (const kind of [...GIVE_WAY].reverse()) {
      if (limits[kind] >= Math.min(all[kind], maxItems) || tries-- <= 0) continue;
      limits[kind]++;
      const next = plan();
      if (next.height <= room) {
        planned = next;
        grew = true;
      } else limits[kind]--;
    }
  }
  return planned;
}

/** Takes one item from the longest list still longer than one; false when none is. */
function shorten(limits: Limits, order: BlockKind[]): boolean {
  let pick: BlockKind | undefined;
  for (const kind of GIVE_WAY) {
    if (!order.includes(kind) || limits[kind] <= 1) continue;
    if (!pick || limits[kind] > limits[pick]) pick = kind;
  }
  if (!pick) return false;
  limits[pick]--;
  return true;
}

/** The page count pdfkit writes into the page tree. */
export function pageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(text);
  return m ? Number(m[1]) : 1;
}
