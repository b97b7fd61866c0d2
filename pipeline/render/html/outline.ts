/**
 * Every heading, nested by depth: the EPUB navigation document and the web page's table of
 * contents are both drawn from it. Taken from the hast, so an entry reads exactly as the
 * heading is printed (with or without its numbering) and carries the anchor it links to.
 */
import type { Element, Nodes } from 'hast';
import { textOf } from './hast-text.js';
import type { Section } from './sections.js';

export interface OutlineEntry {
  id: string;
  text: string;
  depth: number;
  /** Section the heading is in (its file in the EPUB). */
  section: string;
  children: OutlineEntry[];
}

export function outline(sections: Section[]): OutlineEntry[] {
  const roots: OutlineEntry[] = [];
  const open: OutlineEntry[] = [];
  for (const section of sections) {
    for (const node of section.hast) {
      for (const heading of headings(node as Nodes)) {
        const entry: OutlineEntry = { id: String(heading.properties.id), text: textOf(heading).trim(), depth: Number(heading.tagName[1]), section: section.name, children: [] };
        // A heading nests under the nearest earlier one of smaller depth; a skipped level
        // (一、 straight to 1.) nests one step, never leaving an empty level between.
        while (open.length && open[open.length - 1]!.depth >= entry.depth) open.pop();
        (open.length ? open[open.length - 1]!.children : roots).push(entry);
        open.push(entry);
      }
    }
  }
  return roots;
}

function headings(node: Nodes): Element[] {
  if (node.type !== 'element' && node.type !== 'root') return [];
  if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) return node.properties.id ? [node] : [];
  return node.children.flatMap((c) => headings(c as Nodes));
}

/** Entries down to `depth`, for a table of contents that shows fewer levels than the nav has. */
export function limit(entries: OutlineEntry[], depth: number): OutlineEntry[] {
  return entries.filter((e) => e.depth <= depth).map((e) => ({ ...e, children: limit(e.children, depth) }));
}

export function flatten(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children)]);
}
