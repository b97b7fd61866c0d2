/**
 * The layout file, as CSS. Each style of layout.yaml becomes a set of custom properties
 * (`--heading1-font`, `--heading1-size`, …) that the template's stylesheets use, so the HTML
 * and EPUB follow the same layout as the PDF and DOCX without the CSS repeating a number.
 *
 * Sizes and spaces are relative (`rem`, `em`, unitless line heights): in an EPUB the root font
 * size is the reader's own setting and must stay in charge; the web page sets the root to the
 * body size, so `1rem` is a line of body text in both.
 */
import type { Layout, Style } from '../../templates/index.js';
import { STYLE_NAMES } from '../../templates/schema.js';
import { FALLBACK } from '../shared/fallback-font.js';

const MM_PER_PT = 25.4 / 72;
const round = (n: number, digits = 4) => String(Number(n.toFixed(digits)));

export interface StyleData {
  /** Custom property name (without `--`) -> CSS value. */
  vars: Record<string, string>;
  /** For `@page` and the print stylesheet (custom properties do not reach `@page`). */
  page: { size: string; margin: string };
  /** Where the cover's first line sits, as a share of the page height (`23.6vh`). */
  coverTop: string;
}

/**
 * `fallback`: the document has characters the layout's faces lack (shared/coverage.ts), so
 * every stack also names the fallback font's families (see fontStack).
 */
export function styleData(layout: Layout, fallback = false): StyleData {
  const body = layout.styles.body;
  const vars: Record<string, string> = {
    'base-size': `${round(body.size, 2)}pt`,
  };
  for (const name of STYLE_NAMES) Object.assign(vars, styleVars(name, layout.styles[name], body.size, layout, fallback));
  const t = layout.table;
  Object.assign(vars, {
    'table-border-width': `${round(t.borderWidth, 2)}pt`,
    'table-border-color': t.borderColor,
    'table-header-fill': t.headerFill ?? 'transparent',
    'table-stripe-fill': t.stripeFill ?? 'transparent',
    'table-padding': `${round(t.cellPadding / body.size, 3)}rem`,
  });
  const mm = (pt: number) => `${round(pt * MM_PER_PT, 1)}mm`;
  const { width, height, margin } = layout.page;
  return {
    vars,
    page: { size: `${mm(width)} ${mm(height)}`, margin: [margin.top, margin.right, margin.bottom, margin.left].map(mm).join(' ') },
    coverTop: `${round((layout.cover.top / height) * 100, 1)}vh`,
  };
}

function styleVars(name: string, style: Style, bodySize: number, layout: Layout, fallback: boolean): Record<string, string> {
  const rem = (pt: number) => (pt === 0 ? '0' : `${round(pt / bodySize, 3)}rem`);
  const lineHeight = 'multiple' in style.lineHeight ? style.lineHeight.multiple : style.lineHeight.exact / style.size;
  return {
    [`${name}-font`]: fallback ? withFallbackFamilies(layout, fontStack(layout, style.font)) : fontStack(layout, style.font),
    [`${name}-size`]: rem(style.size),
    [`${name}-weight`]: style.bold ? '700' : '400',
    [`${name}-color`]: style.color,
    [`${name}-line-height`]: round(lineHeight, 3),
    [`${name}-indent`]: style.indent ? `${round(style.indent, 2)}em` : '0',
    [`${name}-before`]: rem(style.spaceBefore),
    [`${name}-after`]: rem(style.spaceAfter),
    [`${name}-align`]: style.align,
    [`${name}-tracking`]: style.characterSpacing ? `${round(style.characterSpacing / style.size, 4)}em` : 'normal',
  };
}

/**
 * The font's CSS stack from the layout, or one made from the names Word knows it by. Either
 * way it ends in a generic family, so a reader without any of the named fonts still gets a
 * Chinese face of the right kind.
 */
export function fontStack(layout: Layout, key: string): string {
  const font = layout.fonts[key];
  const generic = /sans|hei|黑/i.test(key + ' ' + (font?.word ?? []).join(' ')) ? 'sans-serif' : 'serif';
  if (font?.css) return /\b(serif|sans-serif|monospace|cursive|fantasy|system-ui)\s*$/.test(font.css) ? font.css : `${font.css}, ${generic}`;
  const names = (font?.word ?? []).map((n) => `"${n.replace(/["\\]/g, '')}"`);
  return [...names, generic].join(', ');
}

const GENERIC = /^(serif|sans-serif|monospace|cursive|fantasy|system-ui)$/;

/**
 * A stack with the fallback font's families (`fonts.fallback.css`, else its Word names) put
 * before its generic family: a browser falls back per character through the stack, so a
 * character the named faces lack (𠮷) is drawn from one of these where a reader has it (Noto
 * Serif JP, SimSun-ExtB) before the system's choice. Unchanged without a fallback font.
 */
export function withFallbackFamilies(layout: Layout, stack: string): string {
  if (!layout.fonts[FALLBACK]) return stack;
  const families = (css: string) => (css.match(/"[^"]*"|'[^']*'|[^,]+/g) ?? []).map((f) => f.trim()).filter(Boolean);
  const own = families(stack);
  const extra = families(fontStack(layout, FALLBACK)).filter((f) => !GENERIC.test(f) && !own.includes(f));
  const generic = own.length && GENERIC.test(own[own.length - 1]!) ? own.length - 1 : own.length;
  return [...own.slice(0, generic), ...extra, ...own.slice(generic)].join(', ');
}
