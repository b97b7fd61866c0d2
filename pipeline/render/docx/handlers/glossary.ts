/**
 * The glossary (名词解释) as a definition list: each term a Glossary Term paragraph holding the
 * bookmark its first use in the body links to, its definition in Glossary Definition paragraphs.
 */
import { Bookmark, Paragraph, type FileChild } from 'docx';
import type { DefListNode, DefListTermNode } from '../../../model.js';
import type { BlockHandler, State } from '../types.js';
import { styleId } from '../styles.js';

export const defList: BlockHandler<DefListNode> = (state, node): FileChild[] => {
  const out: FileChild[] = [];
  for (const child of node.children) {
    if (child.type === 'defListTerm') out.push(term(state, child));
    else if (child.type === 'defListDescription') out.push(...state.blocks(child.children, { style: styleId('glossaryDefinition') }));
    // Anything else found in the list is rendered where it stands (or reported by blocks()).
    else out.push(...state.blocks([child as never], { style: styleId('glossaryDefinition') }));
  }
  return out;
};

function term(state: State, node: DefListTermNode): Paragraph {
  const id = (node.data as { id?: string } | undefined)?.id;
  const runs = state.inline(node.children);
  return new Paragraph({ style: styleId('glossaryTerm'), children: id ? [new Bookmark({ id: state.anchor(id), children: runs })] : runs });
}
