/**
 * The report's text: the tree walked with the handlers into one flow, then bound (flow.ts).
 * Also gives back what the TOC needs: the headings with their ids, in order.
 */
import type { Nodes, Root } from 'mdast';
import type { Meta } from '../../model.js';
import type { Template } from '../../templates/index.js';
import { bind } from './flow.js';
import { blocks } from './handlers/index.js';
import { collectSpans } from './handlers/phrasing.js';
import type { Node } from './nodes.js';
import type { HeadingEntry, State } from './state.js';
import type { StyleBook } from './styles.js';

export interface Body {
  nodes: Node[];
  headings: HeadingEntry[];
}

export function renderBody(tree: Root, meta: Meta, template: Template, styles: StyleBook, warn: (m: string) => void): Body {
  const { layout } = template;
  const claimed = new Set<string>();
  const state: State = {
    layout,
    template,
    meta,
    styles,
    warn,
    width: layout.page.width - layout.page.margin.left - layout.page.margin.right,
    paragraph: 'body',
    anchors: anchorsOf(tree),
    claim(id) {
      if (!id || claimed.has(id)) return undefined;
      claimed.add(id);
      return id;
    },
    headings: [],
    outline: [],
    blocks: (parent) => blocks(state, parent),
    spans: (nodes, style) => collectSpans(state, nodes as Nodes[], { style }),
    block: (name) => styles.block(name),
    narrowed(dx, fn) {
      const width = state.width;
      state.width = width - dx;
      try {
        return fn();
      } finally {
        state.width = width;
      }
    },
  };
  const nodes = bind(state.blocks(tree));
  return { nodes, headings: state.headings };
}

/** Ids of headings and glossary terms: the only places an internal link may point to. */
function anchorsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  const visit = (node: Nodes) => {
    const id = (node.data as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' && (node.type === 'heading' || node.type === 'defListTerm')) ids.add(id);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return ids;
}
