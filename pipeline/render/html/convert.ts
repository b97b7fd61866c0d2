/**
 * mdast -> hast, once per publication: every top-level node with the hast it became. The
 * html and epub writers both start from this (and the build calls them one after the other
 * with the same publication), so the result is kept per publication object and per template
 * option that changes it.
 */
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import { toHast, type Handler } from 'mdast-util-to-hast';
import type { Publication } from '../../model.js';
import { createHandlers } from './handlers/index.js';
import { createReport } from './handlers/report.js';
import { LABELS } from './labels.js';

export interface Block {
  node: RootContent;
  hast: ElementContent[];
}

export interface Converted {
  blocks: Block[];
  /** Problems met on the way, one line each (already counted). */
  warnings: string[];
}

export interface ConvertOptions {
  stripNumbering: boolean;
}

const memo = new WeakMap<Publication, Map<string, Converted>>();

export function convertOnce(publication: Publication, options: ConvertOptions): Converted {
  let byOptions = memo.get(publication);
  if (!byOptions) memo.set(publication, (byOptions = new Map()));
  const key = JSON.stringify(options);
  let converted = byOptions.get(key);
  if (!converted) byOptions.set(key, (converted = convert(publication.tree, options)));
  return converted;
}

export function convert(tree: Root, options: ConvertOptions): Converted {
  const report = createReport();
  const { handlers, unknownHandler } = createHandlers({ report, stripNumbering: options.stripNumbering, backLabel: LABELS.backToText });
  const blocks: Block[] = [];
  // The root handler keeps each top-level node beside its hast: sections, run-in headings and
  // chapter files are decided on the mdast, and the hast is cut along the same lines.
  const root: Handler = (state, node: Root) => {
    for (const child of node.children) {
      const out = state.one(child, node);
      blocks.push({ node: child, hast: out === undefined ? [] : Array.isArray(out) ? out : [out] });
    }
    return { type: 'root', children: [] } as unknown as ElementContent;
  };
  toHast(tree, { handlers: { ...handlers, root }, unknownHandler, allowDangerousHtml: false }) as HastRoot;
  return { blocks, warnings: report.lines() };
}
