/**
 * Markdown writer: normalised GFM with the metadata as YAML front matter. Reading the result
 * back through the pipeline gives the same tree (test/render/markdown.test.ts), so the .md is
 * a faithful, editable source in its own right.
 */
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkDefinitionList } from 'remark-definition-list';
import { stringify as stringifyYaml } from 'yaml';
import type { Root, RootContent, Nodes } from 'mdast';
import type { Writer } from '../types.js';
import { listMarker, runInMarker } from '../../parse/markers.js';

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkDefinitionList)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, { bullet: '-', rule: '-', fences: true, listItemIndent: 'one' });

export const write: Writer = async (publication) => {
  const tree = structuredClone(publication.tree) as Root;
  cellBreaksAsHtml(tree);
  addMarkers(tree);
  const front = stringifyYaml(publication.meta, { lineWidth: 0 }).trimEnd();
  const children: RootContent[] = front && front !== '{}' ? [{ type: 'yaml', value: front } as RootContent, ...tree.children] : tree.children;
  const markdown = stringifier.stringify({ type: 'root', children });
  return [{ path: `${publication.name}.md`, data: markdown }];
};

/** GFM table cells cannot hold a hard break; `<br>` is how GFM writes one (parse/ reads it back). */
function cellBreaksAsHtml(node: Nodes, inCell = false): void {
  if (!('children' in node)) return;
  node.children.forEach((child, i) => {
    if (inCell && child.type === 'break') (node.children as RootContent[])[i] = { type: 'html', value: '<br>' };
    else cellBreaksAsHtml(child, inCell || child.type === 'tableCell');
  });
}

/** Run-in headings and list numbering, which Markdown cannot say, as comments (parse/markers.ts). */
function addMarkers(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'heading' && child.data?.runIn) child.children.push({ type: 'text', value: ' ' }, runInMarker(child.data.runInStop) as never);
    if (child.type === 'list' && child.ordered && child.data?.delimiter) children.splice(i++, 0, listMarker(child.data.delimiter));
    addMarkers(child);
  }
}
