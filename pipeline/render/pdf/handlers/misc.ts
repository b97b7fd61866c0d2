/**
 * Blocks that Markdown sources may bring and the reports themselves do not: quotations,
 * code, rules and raw HTML.
 */
import type { Blockquote, Code, FootnoteDefinition, Html, ThematicBreak } from 'mdast';
import { indentFlow, type Flow } from '../flow.js';
import type { State } from '../state.js';
import { typeset } from '../text/typeset.js';

/** A quotation: its blocks moved in two characters. */
export function blockquote(state: State, node: Blockquote): Flow {
  const body = state.block(state.paragraph);
  const dx = 2 * (body.text.size + body.text.characterSpacing);
  return indentFlow(state.narrowed(dx, () => state.blocks(node)), dx);
}

/** Code: its lines as they are, unindented and unjustified. */
export function code(state: State, node: Code): Flow {
  const block = state.block(state.paragraph);
  const spans = [{ text: node.value, style: block.text }];
  return typeset(spans, block, { width: state.width, indent: 0, align: 'left' }).map((n) => ({ node: n }));
}

/** A thematic break: a thin rule across the column. */
export function thematicBreak(state: State, _node: ThematicBreak): Flow {
  const { pitch } = state.block(state.paragraph);
  const line = { type: 'line', x1: 0, y1: 0, x2: state.width, y2: 0, lineWidth: 0.5, lineColor: state.layout.table.borderColor };
  return [{ node: { canvas: [line], margin: [0, pitch / 2, 0, pitch / 2] } }];
}

/** Raw HTML cannot be laid out in a PDF: said, not silently dropped. */
export function html(state: State, node: Html): Flow {
  if (node.value.trim()) state.warn(`pdf: raw HTML is not rendered: ${node.value.trim().slice(0, 40)}`);
  return [];
}

/** A footnote (Markdown sources): its text as paragraphs, the first opened by its marker. */
export function footnoteDefinition(state: State, node: FootnoteDefinition): Flow {
  const block = state.block(state.paragraph);
  state.lead = { spans: [{ text: `[${node.label ?? node.identifier}] `, style: block.text }] };
  return state.blocks(node);
}
