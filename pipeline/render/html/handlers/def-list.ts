/**
 * The glossary (名词解释) as a definition list. remark-definition-list's own hast handlers are
 * not used: they ignore `data.hProperties`, so the terms would lose the anchors every note
 * reference points at, and they run a multi-paragraph definition together into one line.
 *
 * Each term shows its entry number (from its anchor, `gloss-7`): as `[7]` when the body refers
 * to it with that note marker, as `7.` otherwise. Each definition ends with a link back to the
 * term's first use in the body when there is one.
 */
import type { Element, ElementContent } from 'hast';
import type { Handler } from 'mdast-util-to-hast';
import type { DefListDescriptionNode, DefListNode, DefListTermNode } from '../../../model.js';
import { backrefId } from './link.js';

export interface DefListOptions {
  /** Label of the link back to the text (read by screen readers; the link shows ↩). */
  backLabel: string;
  /** Anchors that have a reference in the body (filled while the body is converted). */
  referenced: (anchor: string) => boolean;
  /** Anchors the body refers to by note marker. */
  byMarker: (anchor: string) => boolean;
}

const idOf = (node: { data?: unknown }) => (node.data as { id?: string } | undefined)?.id;

export function defList(): Handler {
  return (state, node: DefListNode) => {
    const result: Element = { type: 'element', tagName: 'dl', properties: { className: ['glossary'] }, children: state.all(node) };
    state.patch(node, result);
    return state.applyData(node, result);
  };
}

export function defListTerm(options: Pick<DefListOptions, 'byMarker'>): Handler {
  return (state, node: DefListTermNode) => {
    const children = state.all(node);
    const anchor = idOf(node) ?? '';
    const number = /(\d+)$/.exec(anchor)?.[1];
    const label = options.byMarker(anchor) ? `[${number}]` : `${number}.`;
    if (number) children.unshift({ type: 'element', tagName: 'span', properties: { className: ['term-number'] }, children: [{ type: 'text', value: label }] });
    const result: Element = { type: 'element', tagName: 'dt', properties: { 'epub:type': 'glossterm' }, children };
    state.patch(node, result);
    return state.applyData(node, result);
  };
}

export function defListDescription(options: DefListOptions): Handler {
  return (state, node: DefListDescriptionNode, parent) => {
    const blocks = state.all(node);
    // One paragraph reads as the definition itself; several keep their paragraphs.
    const only = blocks.length === 1 && blocks[0]!.type === 'element' && blocks[0]!.tagName === 'p' ? blocks[0] : undefined;
    const children: ElementContent[] = only ? [...only.children] : blocks;
    const siblings = (parent?.children ?? []) as Array<{ type: string; data?: unknown }>;
    const term = siblings[siblings.indexOf(node) - 1];
    const anchor = term?.type === 'defListTerm' ? idOf(term) : undefined;
    if (anchor && options.referenced(anchor)) {
      const back: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${backrefId(anchor)}`, role: 'doc-backlink', className: ['backlink'], ariaLabel: options.backLabel },
        children: [{ type: 'text', value: '↩' }],
      };
      const target = only ? children : lastParagraph(children) ?? children;
      target.push({ type: 'text', value: ' ' }, back);
    }
    const result: Element = { type: 'element', tagName: 'dd', properties: { 'epub:type': 'glossdef' }, children };
    state.patch(node, result);
    return state.applyData(node, result);
  };
}

function lastParagraph(children: ElementContent[]): ElementContent[] | undefined {
  const last = children[children.length - 1];
  return last && last.type === 'element' && last.tagName === 'p' ? last.children : undefined;
}
