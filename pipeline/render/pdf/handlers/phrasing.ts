/**
 * Phrasing content -> styled spans, one small handler per inline node type.
 *
 * A link to an anchor of this document (a glossary term, a heading) becomes a link to its
 * named destination; a note marker (`[1]`) is set as a superscript; other links keep their
 * URL when it is one a reader can open. Chinese has no italics: emphasis is set upright.
 */
import type { Nodes } from 'mdast';
import type { State } from '../state.js';
import type { TextStyle } from '../styles.js';
import type { Span } from '../text/lines.js';

export interface Context {
  style: TextStyle;
  destination?: string;
  url?: string;
  sup?: boolean;
}

type Inline = (state: State, node: any, context: Context, out: Span[]) => void;

export const INLINE: Record<string, Inline> = {
  text: (_state, node: { value: string }, context, out) => push(out, softBreaks(node.value), context),
  break: (_state, _node, context, out) => push(out, '\n', context),
  inlineCode: (_state, node: { value: string }, context, out) => push(out, node.value, context),
  strong: (state, node, context, out) => children(state, node, { ...context, style: state.styles.text(context.style.role, { size: context.style.size, bold: true }) }, out),
  emphasis: (state, node, context, out) => children(state, node, context, out),
  delete: (state, node, context, out) => children(state, node, context, out),
  link: (state, node: { url: string; data?: { noteref?: boolean }; children: Nodes[] }, context, out) => {
    const inner: Context = { ...context };
    if (node.url.startsWith('#')) {
      if (state.anchors.has(node.url.slice(1))) inner.destination = node.url.slice(1);
    } else if (/^(https?:|mailto:)/i.test(node.url)) inner.url = node.url;
    if (node.data?.noteref) inner.sup = true;
    children(state, node, inner, out);
  },
  linkReference: (state, node, context, out) => children(state, node, context, out),
  image: (state, node: { alt?: string }, context, out) => {
    state.warn('pdf: images are not rendered; the alternative text is set instead');
    if (node.alt) push(out, node.alt, context);
  },
  imageReference: (state, node: { alt?: string }, context, out) => INLINE.image!(state, node, context, out),
  html: (state, node: { value: string }, context, out) => {
    if (/^<br\s*\/?>$/i.test(node.value.trim())) push(out, '\n', context);
    else if (node.value.trim()) state.warn(`pdf: raw HTML is not rendered: ${node.value.trim().slice(0, 40)}`);
  },
  // Notes are set where the source has them (footnoteDefinition): the marker stays a marker.
  footnoteReference: (_state, node: { label?: string; identifier: string }, context, out) => push(out, `[${node.label ?? node.identifier}]`, { ...context, sup: true }),
};

export function collectSpans(state: State, nodes: Nodes[], context: Context, out: Span[] = []): Span[] {
  for (const node of nodes) {
    const handle = INLINE[node.type];
    if (handle) handle(state, node, context, out);
    else {
      state.warn(`pdf: no handler for inline ${node.type}; its text is set plain`);
      if ('value' in node && typeof node.value === 'string') push(out, node.value, context);
      else if ('children' in node) collectSpans(state, node.children as Nodes[], context, out);
    }
  }
  return out;
}

function children(state: State, node: { children?: Nodes[] }, context: Context, out: Span[]): void {
  collectSpans(state, node.children ?? [], context, out);
}

/** Adds text, joined to the previous span when nothing about it differs. */
function push(out: Span[], text: string, { style, destination, url, sup }: Context): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.style === style && last.destination === destination && last.url === url && !!last.sup === !!sup) {
    last.text += text;
    return;
  }
  const span: Span = { text, style };
  if (destination) span.destination = destination;
  if (url) span.url = url;
  if (sup) span.sup = true;
  out.push(span);
}

/** Source line breaks inside a paragraph: nothing between Chinese characters, else a space. */
function softBreaks(value: string): string {
  if (!value.includes('\n')) return value;
  return value.replace(/[ \t]*\n[ \t]*/g, (_m, at: number, all: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(all[at - 1] ?? '') || /[\u3000-\u9fff\uff00-\uffef]/.test(all[at + _m.length] ?? '') ? '' : ' '));
}
