/**
 * Node types the writer does not render as such. Nothing is dropped silently: each is
 * reported (once per type, with a count) and whatever text it holds is kept, as a paragraph
 * where a block was expected and as a run of text inside one.
 *
 * Raw HTML (from a Markdown source) is shown as the text it is, never passed through: the web
 * page must not run a `<script>` that came with the report.
 */
import type { Element, Text } from 'hast';
import type { Nodes, Parents } from 'mdast';
import type { Handler, State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import type { Report } from './report.js';
import { xmlText } from './text.js';

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'defListDescription']);

/** Types whose content is not text for the reader (front matter, link definitions). */
const NO_TEXT = new Set(['yaml', 'toml', 'definition']);

export function fallback(report: Report): Handler {
  return (state: State, node: Nodes, parent: Parents | undefined) => {
    const value = textOf(node);
    report.count(value ? `${node.type} nodes are not rendered as such by the HTML writer; their text is kept` : `${node.type} nodes are not rendered by the HTML writer and hold no text; left out`);
    if (!value) return undefined;
    const text: Text = { type: 'text', value: xmlText(value, report) };
    if (parent && !BLOCK_PARENTS.has(parent.type)) return text;
    const paragraph: Element = { type: 'element', tagName: 'p', properties: {}, children: [text] };
    state.patch(node, paragraph);
    return paragraph;
  };
}

function textOf(node: Nodes): string {
  if (NO_TEXT.has(node.type)) return '';
  // A note marker keeps its label, so the reader still sees that something was referenced.
  if (node.type === 'footnoteReference') return `[${node.label ?? node.identifier}]`;
  if ('value' in node && typeof node.value === 'string') return node.value;
  return toString(node, { includeImageAlt: true });
}
