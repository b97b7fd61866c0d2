/**
 * The summary view as a pdfmake document, with a height estimate for each part so that the
 * fitting (fit.ts) can choose sizes and list lengths before pdfmake lays anything out.
 * Each builder returns its content and the height it expects that content to take; the two
 * are written side by side so they stay in step.
 */
import type { Content, TableLayout, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { chartPdf } from './pdf-chart.js';
import type { Look, Sizes } from './look.js';
import { emWidth, lineCount, linesHeight } from './measure.js';
import type { Block, HeadlineItem, ListItem, SummaryView, TargetItem } from './view.js';

export interface Planned {
  doc: TDocumentDefinitions;
  /** Estimated height of the content, in points. */
  height: number;
}

interface Part {
  content: Content;
  height: number;
}

const COLUMN_GAP = 16;
const CARD_GAP = 5;
const CARD_PAD = 6;

export function pdfDocument(view: SummaryView, look: Look, s: Sizes, info: { title: string; date: Date }): Planned {
  const parts: Part[] = [header(view, look, s)];
  view.rows.forEach((row) => {
    const gap = s.item * 1.1;
    const part = row.length === 2 ? pair(row[0]!, row[1]!, view, look, s) : block(row[0]!, look.width, view, look, s);
    parts.push({ content: { stack: [part.content], margin: [0, gap, 0, 0] }, height: part.height + gap });
  });
  const [left, top, right, bottom] = look.page.margins;
  const doc: TDocumentDefinitions = {
    pageSize: { width: look.page.width, height: look.page.height },
    pageMargins: [left, top, right, bottom],
    info: { title: info.title, creator: 'reportpress', producer: 'reportpress', creationDate: info.date },
    language: 'zh-CN',
    defaultStyle: { font: look.fonts.body, fontSize: s.item, color: look.colors.text, lineHeight: 1 },
    background: () => ({ canvas: [{ type: 'rect', x: 0, y: 0, w: look.page.width, h: 5, color: look.colors.accent }] }),
    footer: () => ({ text: view.labels.note.pdf, fontSize: s.note, color: look.colors.muted, margin: [left, bottom * 0.3, right, 0] }),
    content: parts.map((p) => p.content),
  };
  return { doc, height: parts.reduce((h, p) => h + p.height, 0) };
}

function header(view: SummaryView, look: Look, s: Sizes): Part {
  const w = look.width;
  const meta = [view.subtitle, view.speaker].filter(Boolean).join('　');
  const content: Content[] = [{ text: view.kicker, fontSize: s.kicker, color: look.colors.accent, font: look.fonts.head, bold: look.fonts.headBold, characterSpacing: 1, margin: [0, 0, 0, 3] }];
  let height = linesHeight(1, s.kicker) + 3;
  if (view.title) {
    content.push({ text: view.title, fontSize: s.title, font: look.fonts.title, bold: look.fonts.titleBold, color: look.colors.title, lineHeight: 1.05 });
    height += linesHeight(lineCount(view.title, s.title, w), s.title, 1.05);
  }
  if (meta) {
    content.push({ text: meta, fontSize: s.meta, color: look.colors.muted, margin: [0, 3, 0, 0] });
    height += 3 + linesHeight(lineCount(meta, s.meta, w), s.meta);
  }
  content.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: w, y2: 0, lineWidth: 1.2, lineColor: look.colors.accent }], margin: [0, 6, 0, 0] });
  height += 6 + 1.2;
  return { content: { stack: content }, height };
}

/** A block's heading: bold, accented, with a hairline under it. */
function heading(text: string, width: number, look: Look, s: Sizes): Part {
  const content: Content = {
    stack: [
      { text, fontSize: s.heading, font: look.fonts.head, bold: look.fonts.headBold, color: look.colors.accent },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, lineColor: look.colors.rule }], margin: [0, 2, 0, 0] },
    ],
    margin: [0, 0, 0, s.item * 0.5],
  };
  return { content, height: linesHeight(lineCount(text, s.heading, width), s.heading) + 2.6 + s.item * 0.5 };
}

function more(block: Block, look: Look, s: Sizes): Part | undefined {
  if (!block.more) return undefined;
  return { content: { text: block.more, fontSize: s.more, color: look.colors.muted, margin: [0, 2, 0, 0] }, height: 2 + linesHeight(1, s.more) };
}

function stackOf(parts: Array<Part | undefined>): Part {
  const list = parts.filter((p): p is Part => !!p);
  return { content: { stack: list.map((p) => p.content) }, height: list.reduce((h, p) => h + p.height, 0) };
}

function block(b: Block, width: number, view: SummaryView, look: Look, s: Sizes, beside = false): Part {
  const head = heading(b.heading, width, look, s);
  let body: Part;
  switch (b.kind) {
    case 'headline':
      body = cards(b.items, width, look, s);
      break;
    case 'chart':
      body = chartPdf(b.items, width, view.legend, look, s);
      break;
    case 'targets':
      body = beside ? targetRows(b.items, width, look, s) : columns(b.items, width, (items, w) => targetRows(items, w, look, s));
      break;
    case 'priorities':
    case 'projects':
      body = b.items.length >= 4 ? columns(b.items, width, (items, w) => list(items, w, look, s)) : list(b.items, width, look, s);
      break;
  }
  return stackOf([head, body, more(b, look, s)]);
}

/** A chart and the targets it draws, side by side. */
function pair(a: Block, b: Block, view: SummaryView, look: Look, s: Sizes): Part {
  const w = (look.width - COLUMN_GAP) / 2;
  const left = block(a, w, view, look, s, true);
  const right = block(b, w, view, look, s, true);
  return { content: { columns: [{ width: w, stack: [left.content] }, { width: w, stack: [right.content] }], columnGap: COLUMN_GAP }, height: Math.max(left.height, right.height) };
}

/** Items in two columns, the first half on the left. */
function columns<T>(items: T[], width: number, render: (items: T[], width: number) => Part): Part {
  const w = (width - COLUMN_GAP) / 2;
  const half = Math.ceil(items.length / 2);
  const left = render(items.slice(0, half), w);
  const right = render(items.slice(half), w);
  return { content: { columns: [{ width: w, stack: [left.content] }, { width: w, stack: [right.content] }], columnGap: COLUMN_GAP }, height: Math.max(left.height, right.height) };
}

// -- headline figures as cards -----------------------------------------------------------------

function cards(items: HeadlineItem[], width: number, look: Look, s: Sizes): Part {
  const cols = items.length <= 4 ? items.length : items.length <= 6 ? 3 : 4;
  const cellWidth = (width - CARD_GAP * (cols + 1)) / cols - 2 * CARD_PAD;
  // The figure is set as large as the card allows (it should not wrap), but not below the growth line.
  const widest = Math.max(...items.map((i) => emWidth(i.big)));
  const big = Math.max(s.cardGrowth, Math.min(cols >= 4 ? s.cardBig * 0.85 : s.cardBig, Math.floor((cellWidth / widest) * 4) / 4));
  const rows: Content[][] = [];
  let height = CARD_GAP;
  for (let i = 0; i < items.length; i += cols) {
    const row = items.slice(i, i + cols);
    let tallest = 0;
    const cells: Content[] = row.map((item) => {
      const lines = [lineCount(item.name, s.cardName, cellWidth), lineCount(item.big, big, cellWidth), item.growth ? lineCount(item.growth, s.cardGrowth, cellWidth) : 0];
      tallest = Math.max(tallest, linesHeight(lines[0]!, s.cardName) + 1 + linesHeight(lines[1]!, big) + (lines[2] ? 1 + linesHeight(lines[2], s.cardGrowth) : 0));
      return {
        stack: [
          { text: item.name, fontSize: s.cardName, color: look.colors.muted },
          { text: item.big, fontSize: big, font: look.fonts.head, bold: look.fonts.figureBold, color: look.colors.accent, margin: [0, 1, 0, 0] },
          ...(item.growth ? [{ text: item.growth, fontSize: s.cardGrowth, font: look.fonts.head, bold: look.fonts.figureBold, color: look.colors.text, margin: [0, 1, 0, 0] } as Content] : []),
        ],
      };
    });
    while (cells.length < cols) cells.push({ text: '' });
    rows.push(cells);
    height += tallest + 2 * CARD_PAD + CARD_GAP;
  }
  const layout: TableLayout = {
    hLineWidth: () => CARD_GAP,
    vLineWidth: () => CARD_GAP,
    hLineColor: () => '#ffffff',
    vLineColor: () => '#ffffff',
    paddingLeft: () => CARD_PAD,
    paddingRight: () => CARD_PAD,
    paddingTop: () => CARD_PAD,
    paddingBottom: () => CARD_PAD,
    fillColor: (row, node, col) => ((node.table.body[row]?.[col] as { text?: string })?.text === '' ? null : look.colors.fill),
  };
  // The outer white lines would push the cards in from the margins; pull them back out.
  return { content: { table: { widths: new Array(cols).fill('*'), body: rows }, layout, margin: [-CARD_GAP, -CARD_GAP, -CARD_GAP, -CARD_GAP] }, height: height - 2 * CARD_GAP };
}

// -- targets as rows: name on the left, the target right-aligned -------------------------------

function targetRows(items: TargetItem[], width: number, look: Look, s: Sizes): Part {
  if (!items.length) return { content: { text: '' }, height: 0 };
  // The value column is as wide as the widest target, but leaves the names at least half the row.
  const valueWidth = Math.min(Math.max(...items.map((t) => emWidth(t.target))) * s.targetValue + 2, width / 2);
  const nameWidth = width - valueWidth - 8;
  let height = 0;
  const body = items.map((t): Content[] => {
    const nameLines = lineCount(t.name, s.targetName, nameWidth);
    const levelLines = t.level ? lineCount(t.level, s.level, nameWidth) : 0;
    const left = linesHeight(nameLines, s.targetName) + (levelLines ? linesHeight(levelLines, s.level) : 0);
    const valueLines = Math.max(1, Math.ceil((emWidth(t.target) * s.targetValue) / valueWidth));
    height += Math.max(left, linesHeight(valueLines, s.targetValue)) + 6 + 0.5;
    return [
      { stack: [{ text: t.name, fontSize: s.targetName }, ...(t.level ? [{ text: t.level, fontSize: s.level, color: look.colors.muted } as Content] : [])] },
      { text: t.target, fontSize: s.targetValue, font: look.fonts.head, bold: look.fonts.figureBold, color: look.colors.accent, alignment: 'right' },
    ];
  });
  const layout: TableLayout = {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => look.colors.rule,
    paddingLeft: () => 0,
    paddingRight: (i) => (i === 0 ? 8 : 0),
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
  return { content: { table: { widths: [nameWidth, valueWidth], body }, layout }, height };
}

// -- priorities and projects as lists with hanging markers -------------------------------------

function list(items: ListItem[], width: number, look: Look, s: Sizes): Part {
  const markerWidth = Math.max(1, ...items.map((i) => emWidth(i.marker ?? '•'))) * s.item + 2;
  const textWidth = width - markerWidth;
  const gap = s.item * 0.35;
  let height = 0;
  // One borderless table: the markers hang in the first column (cheaper for pdfmake to lay out
  // than a column set per item).
  const body = items.map((item): Content[] => {
    height += linesHeight(lineCount(item.head + item.rest, s.item, textWidth), s.item) + gap;
    return [
      { text: item.marker ?? '•', color: look.colors.accent, font: look.fonts.head, bold: look.fonts.headBold },
      { text: [{ text: item.head, font: look.fonts.head, bold: look.fonts.headBold }, item.rest] },
    ];
  });
  const layout: TableLayout = {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => gap,
  };
  return { content: { table: { widths: [markerWidth, textWidth], body }, layout }, height };
}
