/**
 * The parse stage: text -> mdast with unified and remark-parse.
 *
 * Plain-text reports are first made Markdown-safe (see escape.ts), so remark only ever sees
 * paragraphs, text and hard breaks, and positions are mapped back to source lines; tables
 * and the like are then recognised by the normalise plugins, not by Markdown syntax. Markdown
 * sources are parsed as Markdown (GFM tables, definition lists, YAML front matter for the
 * metadata, which is how our own Markdown writer records it).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { remarkDefinitionList } from 'remark-definition-list';
import type { Root, Nodes, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Meta } from '../model.js';
import type { ReadResult } from '../read/index.js';
import { toSafeMarkdown, sourceColumn } from './escape.js';
import { parseSidecar } from '../read/sidecar.js';
import { checkNesting } from './depth.js';
import { plainTree } from './plain.js';
import { readMarkers } from './markers.js';

const markdownProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkDefinitionList).use(remarkFrontmatter, ['yaml']);
/**
 * Escaped plain text needs no extension; GFM would even find autolinks in it (its literal
 * autolinks look through backslash escapes), turning `http://…` in a report into a link.
 */
const textProcessor = unified().use(remarkParse);

/**
 * Parses a plain-text report (already read and cleaned). Escaped as escape.ts does it, the text
 * can only be paragraphs of text and hard breaks; plain.ts builds that tree without the
 * Markdown parser (the same tree, positions in source lines and columns; see its tests).
 */
export function parseText(input: ReadResult, file: VFile): Root {
  const lineMap: number[] = [0];
  input.blocks.forEach((block, b) => {
    if (b > 0) lineMap.push(block.lines[0]!.line);
    for (const line of block.lines) lineMap.push(line.line);
  });
  const tree = plainTree(input.blocks, Math.max(2, lineMap.length)); // the Markdown text's line count, one for its final newline
  file.data.lineMap = lineMap;
  file.data.pageMeta = input.pageMeta;
  file.data.front = input.front.meta;
  return tree;
}

/** The same through remark-parse: the reference plain.ts is tested against. */
export function parseTextWithRemark(input: ReadResult): Root {
  const { markdown, lineMap, columnMap } = toSafeMarkdown(input.blocks);
  const tree = textProcessor.parse(markdown) as Root;
  const mdLines = markdown.split('\n');
  remapPositions(tree, (line, column) => ({
    line: lineMap[line] ?? line,
    column: sourceColumn(mdLines[line - 1] ?? '', column, columnMap[line] ?? 1),
  }));
  return tree;
}

/** Parses a Markdown report; its YAML front matter is the user's word on the metadata. */
export function parseMarkdown(input: ReadResult, file: VFile): Root {
  checkNesting(input.text, file.path);
  const tree = markdownProcessor.parse(input.text) as Root;
  const overrides: Meta = { ...(file.data.overrides ?? {}) };
  tree.children = tree.children.filter((node) => {
    if (node.type !== 'yaml') return true;
    // The YAML starts on the line after the opening ---.
    Object.assign(overrides, parseSidecar(node.value, file.path, (node.position?.start.line ?? 1) + 1, false).meta);
    return false;
  });
  readMarkers(tree);
  literalHtml(tree);
  file.data.pageMeta = {};
  file.data.overrides = overrides;
  return tree;
}

/**
 * Raw HTML in a Markdown source stays text: reports are not web pages. The one exception is
 * `<br>` inside a table cell, which is how GFM writes a line break there.
 */
function literalHtml(node: Nodes, inCell = false): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'html') {
      const text = { type: 'text', value: child.value, position: child.position } as const;
      const flow = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' || node.type === 'defListDescription';
      children[i] =
        inCell && /^<br\s*\/?>$/i.test(child.value)
          ? { type: 'break', position: child.position }
          : flow
            ? { type: 'paragraph', children: [text], position: child.position }
            : (text as RootContent);
    } else {
      literalHtml(child, inCell || child.type === 'tableCell');
    }
  }
  // Neighbouring text nodes (the html and the text around it) read better merged.
  for (let i = children.length - 1; i > 0; i--) {
    const a = children[i - 1]!;
    const b = children[i]!;
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      if (a.position && b.position) a.position.end = b.position.end;
      children.splice(i, 1);
    }
  }
}

function remapPositions(node: Nodes, map: (line: number, column: number) => { line: number; column: number }): void {
  if (node.position) {
    const { start, end } = node.position;
    const s = map(start.line, start.column);
    const e = map(end.line, end.column);
    node.position = { start: { line: s.line, column: s.column }, end: { line: e.line, column: e.column } };
  }
  if ('children' in node) for (const child of node.children) remapPositions(child as Nodes, map);
}
