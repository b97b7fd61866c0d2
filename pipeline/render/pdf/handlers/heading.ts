/**
 * A heading: a bookmark nested under the heading above it, an entry for the TOC, a named
 * destination for links, and text in the heading style of its depth, kept with what follows.
 *
 * A heading the report ran into its paragraph (`（一）标题。正文…`) is run in again when the
 * layout says `runIn: source`: it opens the next paragraph in the face of its heading style at
 * the paragraph's size (so the line keeps its pitch), with the full stop the source had.
 */
import type { Heading } from 'mdast';
import { ITEM, PART, SECTION, SUBITEM } from '../../../genre/markers.js';
import type { StyleName } from '../../../templates/schema.js';
import type { Flow } from '../flow.js';
import type { TextNode } from '../nodes.js';
import type { State } from '../state.js';
import type { Span } from '../text/lines.js';
import { typeset } from '../text/typeset.js';

const NUMBERING = [PART, SECTION, ITEM, SUBITEM];
const ENDS_CLAUSE = /[。！？；：!?;:]$/;

export function heading(state: State, node: Heading): Flow {
  const depth = Math.min(node.depth, 4);
  const name = `heading${depth}` as StyleName;
  const id = state.claim(node.data?.id) ?? state.claim(`h-${state.headings.length + 1}`) ?? `h-${state.headings.length + 1}-${node.depth}`;
  const strip = state.layout.headings.numbering === 'strip';
  const spans = numbered(state.spans(node.children, state.styles.text(name)), strip);
  const text = spans.map((s) => s.text).join('').trim();
  state.headings.push({ depth: node.depth, id, text });

  while (state.outline.length && state.outline[state.outline.length - 1]!.depth >= node.depth) state.outline.pop();
  const parent = state.outline[state.outline.length - 1];
  state.outline.push({ depth: node.depth, id });
  const first: Partial<TextNode> = { id, outline: true, outlineText: text, outlineExpanded: node.depth === 1 };
  if (parent) first.outlineParentId = parent.id;

  if (node.data?.runIn && state.layout.headings.runIn === 'source') {
    const size = state.block(state.paragraph).text.size;
    const style = state.styles.text(name, { size });
    const run = numbered(state.spans(node.children, style), strip);
    if (!ENDS_CLAUSE.test(text)) run.push({ text: node.data.runInStop ?? '。', style });
    state.lead = { spans: run, first, heading: { depth, spans } };
    return [];
  }
  return standalone(state, depth, spans, first);
}

/** A heading on lines of its own, kept with the next block. */
export function standalone(state: State, depth: number, spans: Span[], first?: Partial<TextNode>): Flow {
  const block = state.block(`heading${Math.min(depth, 4)}` as StyleName);
  return typeset(spans, block, { width: state.width, first }).map((n) => ({ node: n, keep: true }));
}

/** The spans with the report's numbering (一、 （一） 1. （1）) taken off when asked. */
function numbered(spans: Span[], strip: boolean): Span[] {
  if (!strip || !spans.length) return spans;
  const [head, ...rest] = spans;
  for (const re of NUMBERING) {
    const cut = head!.text.replace(re, '');
    if (cut !== head!.text) return cut ? [{ ...head!, text: cut }, ...rest] : rest;
  }
  return spans;
}
