/**
 * A glossary (名词解释) as a definition list: each term on a line of its own, a named
 * destination that the term's first use in the body links to, kept with its definition; the
 * definitions in the glossary definition style.
 */
import type { DefListNode } from '../../../model.js';
import type { Flow } from '../flow.js';
import type { State } from '../state.js';
import { typeset } from '../text/typeset.js';

export function defList(state: State, node: DefListNode): Flow {
  const out: Flow = [];
  for (const child of node.children) {
    if (child.type === 'defListTerm') {
      const block = state.block('glossaryTerm');
      const id = state.claim((child.data as { id?: string } | undefined)?.id);
      const nodes = typeset(state.spans(child.children, block.text), block, { width: state.width, first: id ? { id } : undefined });
      out.push(...nodes.map((n) => ({ node: n, keep: true })));
    } else if (child.type === 'defListDescription') {
      const previous = state.paragraph;
      state.paragraph = 'glossaryDefinition';
      out.push(...state.blocks(child));
      state.paragraph = previous;
    } else {
      state.warn(`pdf: a ${(child as { type: string }).type} inside a glossary is not rendered`);
    }
  }
  return out;
}
