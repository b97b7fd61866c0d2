/**
 * Numbered lines that carry sentences -> ordered lists.
 *
 * `1.大石街…已完成并投入使用。` `2.富山北路…` is a list, not a run of headings (headings.ts
 * only takes a numbered line that is a short title standing alone). Consecutive paragraphs
 * numbered in sequence (`1.` `2.` …, `1、`, or `（1）` `（2）` …) become one ordered list; the
 * number leaves the text and the list remembers how the source wrote it.
 */
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { ITEM, SUBITEM } from './text.js';

interface Numbered {
  n: number;
  delimiter: NonNullable<NonNullable<List['data']>['delimiter']>;
  rest: string;
}

export function reportLists() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let list: List | undefined;
    let expected = 0;
    let delimiter: Numbered['delimiter'] | undefined;

    tree.children.forEach((node, index) => {
      const item = numbered(node);
      if (item && list && item.n === expected && item.delimiter === delimiter) {
        list.children.push(listItem(node as Paragraph, item.rest));
        expected++;
        return;
      }
      // A list starts at 1, or wherever two items follow each other (after a numbered title).
      const next = numbered(tree.children[index + 1]);
      if (item && (item.n === 1 || (next && next.n === item.n + 1 && next.delimiter === item.delimiter))) {
        list = { type: 'list', ordered: true, start: item.n, spread: false, children: [listItem(node as Paragraph, item.rest)], data: { delimiter: item.delimiter } };
        if (node.position) list.position = { ...node.position };
        out.push(list);
        expected = item.n + 1;
        delimiter = item.delimiter;
        return;
      }
      list = undefined;
      out.push(node);
    });
    for (const node of out) {
      if (node.type === 'list' && node.position && node.children.length) {
        const last = node.children[node.children.length - 1]!;
        if (last.position) node.position.end = last.position.end;
      }
    }
    tree.children = out;
  };
}

function numbered(node: RootContent | undefined): Numbered | undefined {
  if (!node || node.type !== 'paragraph') return undefined;
  const first = node.children[0];
  if (!first || first.type !== 'text') return undefined;
  const sub = SUBITEM.exec(first.value);
  if (sub) return { n: Number(sub[1]), delimiter: '()', rest: first.value.slice(sub[0].length) };
  const item = ITEM.exec(first.value);
  if (item) return { n: Number(item[1]), delimiter: item[0].includes('、') ? '、' : '.', rest: first.value.slice(item[0].length) };
  return undefined;
}

function listItem(paragraph: Paragraph, rest: string): ListItem {
  const [first, ...others] = paragraph.children;
  const children: Paragraph['children'] = [];
  if (first && first.type === 'text' && rest) children.push({ ...first, value: rest });
  children.push(...others);
  const p: Paragraph = { type: 'paragraph', children };
  if (paragraph.position) p.position = paragraph.position;
  const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [p] };
  if (paragraph.position) item.position = paragraph.position;
  return item;
}
