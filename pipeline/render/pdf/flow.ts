/**
 * Blocks in reading order, and the one rule that joins them: what must stay with what
 * follows it (a heading, a glossary term, a caption) is bound with the start of the next
 * block into one unbreakable stack, so it never ends a page alone.
 *
 * A table cannot be bound (it may run over pages); instead the kept blocks reserve the height
 * of the table's header and first row, and the table is pulled back up by as much, so the
 * heading moves to the next page exactly when that much does not fit under it.
 */
import type { Node, StackNode } from './nodes.js';

export interface FlowItem {
  node: Node;
  /** Keep with the next item. */
  keep?: boolean;
  /** Height that must fit under a kept block when this item cannot be bound (tables). */
  lead?: number;
}

export type Flow = FlowItem[];

export function bind(flow: Flow): Node[] {
  const out: Node[] = [];
  let kept: Node[] = [];
  for (const item of flow) {
    if (item.keep) {
      kept.push(item.node);
      continue;
    }
    if (!kept.length) {
      out.push(item.node);
      continue;
    }
    if (item.lead !== undefined) {
      out.push({ stack: [{ stack: kept, margin: [0, 0, 0, item.lead] }], unbreakable: true });
      out.push({ stack: [item.node], margin: [0, -item.lead, 0, 0] });
    } else {
      out.push({ stack: [...kept, item.node], unbreakable: true });
    }
    kept = [];
  }
  out.push(...kept);
  return out;
}

/** The flow moved right by `dx` (nested lists, quotations): each node wrapped in a margin. */
export function indentFlow(flow: Flow, dx: number): Flow {
  if (!dx) return flow;
  return flow.map((item) => ({ ...item, node: { stack: [item.node], margin: [dx, 0, 0, 0] } satisfies StackNode }));
}
