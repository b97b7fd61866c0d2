/**
 * Lists. mdast-util-to-hast builds them; two things are added: a class naming how the source
 * numbered the items (`1.`, `1、`, `（1）`, from data.delimiter), which the stylesheet turns
 * back into the same markers, and task-list checkboxes as ☐/☑ text, because the boolean
 * attributes of an `<input>` serialise as bare names, which XML does not allow.
 */
import type { Element, ElementContent } from 'hast';
import type { List, ListItem } from 'mdast';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';

const DELIMITER_CLASS = { '.': 'marker-dot', '、': 'marker-comma', '()': 'marker-paren' } as const;

export function list(): Handler {
  return (state, node: List) => {
    const result = defaultHandlers.list(state, node) as Element;
    const delimiter = node.data?.delimiter;
    if (node.ordered && delimiter && DELIMITER_CLASS[delimiter]) {
      const classes = (result.properties.className as string[] | undefined) ?? [];
      result.properties.className = [...classes, DELIMITER_CLASS[delimiter]];
    }
    return result;
  };
}

export function listItem(): Handler {
  return (state, node: ListItem, parent) => {
    const result = defaultHandlers.listItem(state, node, parent) as Element;
    if (typeof node.checked === 'boolean') replaceCheckbox(result.children, node.checked);
    return result;
  };
}

function replaceCheckbox(children: ElementContent[], checked: boolean): boolean {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    if (child.tagName === 'input') {
      children[i] = { type: 'text', value: checked ? '☑' : '☐' };
      return true;
    }
    if (replaceCheckbox(child.children, checked)) return true;
  }
  return false;
}
