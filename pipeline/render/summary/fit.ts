/**
 * One page, whatever the report. The plan is made on estimates (pdf.ts), which is cheap:
 * first the type shrinks from the layout's base size towards `summary.minFontSize`; if the
 * page is still too full at the smallest size, the longest list loses an item at a time (its
 * last line then says how many are left out). Then pdfmake renders once and the pages are
 * counted; in the rare case the estimate was too hopeful, the longest list loses one more
 * item and the page is rendered again.
 */
import type { Layout } from '../../templates/index.js';
import { renderPdf } from '../shared/pdfmake.js';
import type { SummaryFacts } from './facts.js';
import type { Labels } from './labels.js';
import { sizesAt, type Look } from './look.js';
import { pdfDocument, type Planned } from './pdf.js';
import { summaryView, totals, type BlockKind, type Limits } from './view.js';

/** Estimates are kept this far inside the page, for what they do not see. */
const SAFETY = 0.97;
const STEP = 0.5;
const MAX_RENDERS = 6;
/** When lists tie for length, the later ones on the page give way first. */
const GIVE_WAY: BlockKind[] = ['projects', 'priorities', 'targets', 'chart', 'headline'];

export interface FitInput {
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
  while (planned.height > room && shorten(limits, input.order)) planned = plan(base);

  let renders = 0;
  for (;;) {
    const bytes = await renderPdf(input.layout, planned.doc);
    renders++;
    const pages = pageCount(bytes);
    if (pages <= 1 || renders >= MAX_RENDERS || !shorten(limits, input.order)) return { bytes, pages, base, limits: { ...limits }, renders };
    planned = plan(base);
  }
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
