/**
 * A paragraph: its text in the paragraph style of the place (body, or glossary definition),
 * opened by whatever was waiting for it (a run-in heading, a list marker).
 */
import type { Paragraph } from 'mdast';
import type { Flow } from '../flow.js';
import type { State } from '../state.js';
import { typeset } from '../text/typeset.js';

export function paragraph(state: State, node: Paragraph): Flow {
  const block = state.block(state.paragraph);
  const lead = state.lead;
  state.lead = undefined;
  const spans = [...(lead?.spans ?? []), ...state.spans(node.children, block.text)];
  if (!spans.some((s) => s.text.trim())) return [];
  return typeset(spans, block, { width: state.width, first: lead?.first }).map((n) => ({ node: n }));
}
