/**
 * The summary's look, taken from the layout: its fonts (title, heading and body roles), its
 * colours, its margins, and a type scale built on one base size. Every size is clamped at
 * `summary.minFontSize`, so shrinking the base never takes any text below it. The page is
 * always A4 portrait: the summary is a one-page handout whatever size the book is.
 */
import type { Layout } from '../../templates/index.js';
import { familyOf } from '../../engine/index.js';
import { MM, PAGE_SIZES } from '../../templates/units.js';

export type Role =
  | 'kicker' | 'title' | 'meta' | 'heading' | 'cardName' | 'cardBig' | 'cardGrowth'
  | 'targetName' | 'targetValue' | 'level' | 'item' | 'more' | 'chart' | 'note';

/** Sizes as multiples of the base size. */
const RATIO: Record<Role, number> = {
  kicker: 0.85, title: 2.1, meta: 0.95, heading: 1.2, cardName: 0.9, cardBig: 1.9, cardGrowth: 1.05,
  targetName: 0.95, targetValue: 1.25, level: 0.85, item: 1, more: 0.9, chart: 0.9, note: 0.8,
};
const TITLE_MAX = 22;
/** The base size the summary starts from: the body size, but never above this. */
const BASE_MAX = 11;
/** A one-page summary wants narrower margins than a book page; the layout's win when smaller. */
const MARGIN_MAX = 16 * MM;

export interface Look {
  page: { width: number; height: number; margins: [number, number, number, number] };
  /** Width of the type area. */
  width: number;
  fonts: { title: string; head: string; body: string; titleBold: boolean; headBold: boolean; figureBold: boolean };
  colors: { title: string; accent: string; text: string; muted: string; rule: string; fill: string; actual: string };
  /** The base size to start from and the smallest size any text may have. */
  base: number;
  min: number;
  /** CSS font stacks for the HTML page. */
  css: { title: string; head: string; body: string };
}

export function lookOf(layout: Layout): Look {
  const { styles, fonts } = layout;
  const m = layout.page.margin;
  const [w, h] = PAGE_SIZES.A4!;
  const page = { width: w * MM, height: h * MM };
  const margins: Look['page']['margins'] = [Math.min(m.left, MARGIN_MAX), Math.min(m.top, MARGIN_MAX), Math.min(m.right, MARGIN_MAX), Math.min(m.bottom, MARGIN_MAX)];
  const min = layout.summary.minFontSize;
  const accent = styles.heading1.color;
  const text = styles.body.color;
  const css = (key: string) => fonts[key]?.css ?? 'serif';
  return {
    page: { width: page.width, height: page.height, margins },
    width: page.width - margins[0] - margins[2],
    fonts: {
      title: familyOf(styles.title.font),
      head: familyOf(styles.heading1.font),
      body: familyOf(styles.body.font),
      titleBold: styles.title.bold,
      headBold: styles.heading1.bold,
      // Figures are set in the heading face, bold when the face has a bold file.
      figureBold: !!fonts[styles.heading1.font]?.bold,
    },
    colors: {
      title: styles.title.color,
      accent,
      text,
      muted: styles.header.color,
      rule: mix(accent, '#ffffff', 0.75),
      fill: mix(accent, '#ffffff', 0.92),
      actual: mix(text, '#ffffff', 0.55),
    },
    base: Math.max(min, Math.min(styles.body.size, BASE_MAX)),
    min,
    css: { title: css(styles.title.font), head: css(styles.heading1.font), body: css(styles.body.font) },
  };
}

export type Sizes = Record<Role, number>;

/** The type scale at `base`, each size on a quarter point and none below `min`. */
export function sizesAt(base: number, min: number): Sizes {
  const out = {} as Sizes;
  for (const [role, ratio] of Object.entries(RATIO) as Array<[Role, number]>) {
    let size = Math.round(base * ratio * 4) / 4;
    if (role === 'title') size = Math.min(size, TITLE_MAX);
    out[role] = Math.max(min, size);
  }
  return out;
}

/** `a` blended towards `b` by `t` (0..1), as #rrggbb. */
export function mix(a: string, b: string, t: number): string {
  const rgb = (c: string) => {
    const h = c.length === 4 ? c.slice(1).split('').map((x) => x + x).join('') : c.slice(1);
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  };
  const [x, y] = [rgb(a), rgb(b)];
  return '#' + x.map((v, i) => Math.round(v + (y[i]! - v) * t).toString(16).padStart(2, '0')).join('');
}
