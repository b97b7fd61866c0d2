/**
 * The summary's pdfmake document with the characters its faces lack set in the layout's
 * fallback font (`fonts.fallback`), as the report's PDF sets them (pdf/text/fallback.ts).
 * pdfmake breaks the summary's lines itself, so here each such stretch only becomes an inline
 * of its own naming the fallback family; it inherits size, weight and colour like any inline.
 * Text the faces cover is left as it is (and the fallback font is never opened).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Layout } from '../../templates/index.js';
import { fallbackFile, fallbackFont, FALLBACK, INVISIBLE } from '../shared/fallback-font.js';
import { familyOf } from '../../engine/index.js';
import { face } from '../pdf/fonts.js';

interface Inherited {
  font: string;
  bold: boolean;
}
type Inline = string | (Record<string, unknown> & { text: unknown });

/**
 * `wanted`: the characters of the publication the faces lack and the fallback font has
 * (shared/coverage.ts); only those are looked up, so a summary without any opens no face here.
 */
export function withFallbackFont(doc: TDocumentDefinitions, layout: Layout, wanted: Set<string> = new Set()): TDocumentDefinitions {
  const spare = fallbackFont(layout);
  if (!spare || !wanted.size) return doc;
  const files = new Map(Object.entries(layout.fonts).map(([key, f]) => [familyOf(key), f]));
  /** Whether a family's face (regular or bold) lacks a character the fallback has. */
  const needs = (at: Inherited, cp: number): boolean => {
    const font = files.get(at.font);
    if (!font || at.font === familyOf(FALLBACK) || cp < 0x7f || !wanted.has(String.fromCodePoint(cp))) return false;
    if (face(at.bold && font.bold ? font.bold : font.regular).covers(cp) || INVISIBLE.test(String.fromCodePoint(cp))) return false;
    return face(fallbackFile(spare, at.bold)).covers(cp);
  };
  /** A string cut into plain text and inlines in the fallback family; undefined when nothing needs it. */
  const cut = (text: string, at: Inherited, base: Record<string, unknown>): Inline[] | undefined => {
    let out: Inline[] | undefined;
    let from = 0;
    let inFallback = false;
    const push = (to: number) => {
      if (to <= from) return;
      const piece = text.slice(from, to);
      out!.push(inFallback ? { ...base, text: piece, font: familyOf(FALLBACK) } : Object.keys(base).length ? { ...base, text: piece } : piece);
    };
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const wants = needs(at, cp);
      if (wants !== inFallback) {
        out ??= [];
        push(i);
        from = i;
        inFallback = wants;
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (!out) return undefined;
    push(text.length);
    return out;
  };
  const inherit = (node: Record<string, unknown>, at: Inherited): Inherited => ({
    font: typeof node.font === 'string' ? node.font : at.font,
    bold: typeof node.bold === 'boolean' ? node.bold : at.bold,
  });
  const visit = (node: Content, at: Inherited): Content => {
    if (typeof node === 'string') {
      const parts = cut(node, at, {});
      return parts ? ({ text: parts } as Content) : node;
    }
    if (Array.isArray(node)) return node.map((n) => visit(n as Content, at)) as Content;
    if (!node || typeof node !== 'object') return node;
    const n = node as unknown as Record<string, unknown>;
    const here = inherit(n, at);
    if (typeof n.text === 'string') {
      const parts = cut(n.text, here, {});
      if (parts) n.text = parts;
    } else if (Array.isArray(n.text)) {
      n.text = (n.text as Inline[]).flatMap((inline): Inline[] => {
        if (typeof inline === 'string') return cut(inline, here, {}) ?? [inline];
        if (inline && typeof inline === 'object' && typeof inline.text === 'string') {
          const { text, ...style } = inline;
          return cut(text as string, inherit(inline, here), style) ?? [inline];
        }
        return [inline];
      });
    }
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(n[key])) n[key] = visit(n[key] as Content, here);
    const table = n.table as { body?: Content[][] } | undefined;
    if (table?.body) table.body = table.body.map((row) => row.map((cell) => visit(cell, here)));
    return node;
  };
  const root = doc.defaultStyle as { font?: string; bold?: boolean } | undefined;
  doc.content = visit(doc.content, { font: root?.font ?? '', bold: root?.bold ?? false });
  return doc;
}
