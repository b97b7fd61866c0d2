/**
 * What the writers use and Markdown cannot say, carried through our own Markdown as HTML
 * comments (invisible wherever Markdown is shown): a heading the report ran into its
 * paragraph, and the way it numbered a list (`1.`, `1、`, `（1）`). render/markdown writes
 * them; parse/ reads them back, so building from the .md gives the same publications.
 *
 *   ## （一）重大功能平台建设提速增效 <!-- reportpress run-in 。 -->
 *   <!-- reportpress list 1、 -->
 */
import type { Heading, List, Nodes, RootContent } from 'mdast';

type Delimiter = NonNullable<NonNullable<List['data']>['delimiter']>;
const SPELLING: Record<Delimiter, string> = { '.': '1.', '、': '1、', '()': '（1）' };

const RUN_IN = /^<!--\s*reportpress run-in(?:\s+(\S+))?\s*-->$/;
const LIST = /^<!--\s*reportpress list\s+(\S+)\s*-->$/;

export function runInMarker(stop: string | undefined): RootContent {
  return { type: 'html', value: `<!-- reportpress run-in ${stop ?? '。'} -->` };
}

export function listMarker(delimiter: Delimiter): RootContent {
  return { type: 'html', value: `<!-- reportpress list ${SPELLING[delimiter]} -->` };
}

/** Reads the markers in a parsed Markdown tree into node data and removes them. */
export function readMarkers(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const list = child.type === 'html' ? LIST.exec(child.value) : null;
    const next = children[i + 1];
    const delimiter = list && (Object.keys(SPELLING) as Delimiter[]).find((d) => SPELLING[d] === list[1]);
    if (delimiter && next?.type === 'list') {
      next.data = { ...next.data, delimiter };
      children.splice(i--, 1);
      continue;
    }
    if (child.type === 'heading') readRunIn(child);
    readMarkers(child);
  }
}

function readRunIn(heading: Heading): void {
  const last = heading.children.at(-1);
  const m = last?.type === 'html' ? RUN_IN.exec(last.value) : null;
  if (!m) return;
  heading.children.pop();
  const before = heading.children.at(-1);
  if (before?.type === 'text') {
    before.value = before.value.replace(/\s+$/, '');
    if (!before.value) heading.children.pop();
  }
  heading.data = { ...heading.data, runIn: true, runInStop: m[1] ?? '。' };
}
