/**
 * Node type -> handler, after mdast-util-to-hast's lib/handlers: each handler turns one block
 * node into flow items (pdfmake nodes in reading order). Types left out on purpose are listed;
 * any other type is a warning and its text is still set as a paragraph, never dropped.
 */
import type { Nodes, Parents, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Flow } from '../flow.js';
import type { State } from '../state.js';
import { typeset } from '../text/typeset.js';
import { defList } from './glossary.js';
import { heading, standalone } from './heading.js';
import { list } from './list.js';
import { blockquote, code, footnoteDefinition, html, thematicBreak } from './misc.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';

type Block = (state: State, node: any, parent?: Parents) => Flow;

export const BLOCK: Record<string, Block> = {
  paragraph,
  heading,
  list,
  // A list item is its blocks (list.ts has put its marker in state.lead).
  listItem: (state, node) => state.blocks(node),
  table,
  defList,
  blockquote,
  code,
  thematicBreak,
  html,
  footnoteDefinition,
};

/** Not rendered, on purpose: metadata (set apart in the PDF's info) and link definitions. */
export const IGNORED = new Set(['yaml', 'toml', 'definition']);

/** The flow of a parent's block children. */
export function blocks(state: State, parent: Parents): Flow {
  const out: Flow = [];
  for (const node of parent.children as RootContent[]) {
    if (state.lead && node.type !== 'paragraph') out.push(...flushLead(state));
    if (IGNORED.has(node.type)) continue;
    const handle = BLOCK[node.type];
    if (handle) {
      out.push(...handle(state, node, parent));
      continue;
    }
    state.warn(`pdf: no handler for ${node.type}; its text is set as a paragraph`);
    const text = toString(node as Nodes);
    if (text.trim()) out.push(...paragraph(state, { type: 'paragraph', children: [{ type: 'text', value: text }] }));
  }
  if (state.lead) out.push(...flushLead(state));
  return out;
}

/** Text waiting for a paragraph that did not come: a run-in head set alone, a bare marker. */
function flushLead(state: State): Flow {
  const lead = state.lead!;
  state.lead = undefined;
  if (lead.heading) return standalone(state, lead.heading.depth, lead.heading.spans, lead.first);
  const block = state.block(state.paragraph);
  return typeset(lead.spans, block, { width: state.width, first: lead.first }).map((n) => ({ node: n }));
}
