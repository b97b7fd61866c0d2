/**
 * Bidirectional controls. U+202A-202E (embeddings and overrides), U+2066-2069 (isolates),
 * U+200E/200F (marks) and U+061C (Arabic letter mark) change the order in which text is shown
 * without changing what it says: `文件名\u202Eexe.txt` reads as "txt.exe". A Chinese report has
 * no use for them, so they are removed, with a warning naming the line.
 */
import type { Nodes, Root } from 'mdast';
import { walk, type Warn } from './links.js';

export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function names(text: string): string {
  const found = [...new Set(text.match(BIDI_CONTROLS) ?? [])];
  return found.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
}

/** Removes bidi controls from every text value of `tree`. */
export function withoutBidi(tree: Root, warn: Warn): void {
  walk(tree, (node: Nodes) => {
    for (const key of ['value', 'alt', 'title', 'url'] as const) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (typeof value !== 'string' || !hasBidi(value)) continue;
      if (key === 'value' || key === 'alt') warn(`bidirectional control ${names(value)} removed (it can make text read in another order than it is written)`, node);
      (node as unknown as Record<string, string>)[key] = value.replace(BIDI_CONTROLS, '');
    }
  });
}

export function hasBidi(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}

/** The same for the strings of an object (the page's metadata). */
export function stringsWithoutBidi<T>(value: T): T {
  if (typeof value === 'string') return value.replace(BIDI_CONTROLS, '') as T;
  if (Array.isArray(value)) return value.map(stringsWithoutBidi) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringsWithoutBidi(v)])) as T;
  return value;
}
