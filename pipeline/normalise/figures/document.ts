/**
 * The tree as the figures rules read it: parts (depth-1 headings and the blocks they govern),
 * block text as a reader sees it, sentences, and provenance for what is found in them.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Priority, Provenance } from '../../model.js';
import { ITEM, PART, SECTION, SUBITEM } from '../text.js';

export interface Part {
  title: string;
  /** Index of the part's heading among the root's children. */
  index: number;
  /** Index after the part's last block. */
  end: number;
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its block's text. */
  offset: number;
}

const MARKER = new RegExp(`${SECTION.source}|${PART.source}|${SUBITEM.source}|${ITEM.source}`);

export class Doc {
  private readonly sections: string[] = [];

  constructor(readonly tree: Root) {
    let section = '';
    for (const node of tree.children) {
      if (node.type === 'heading') section = blockText(node).trim();
      this.sections.push(section);
    }
  }

  get children(): RootContent[] {
    return this.tree.children;
  }

  /** The depth-1 headings and the blocks each one governs. */
  parts(): Part[] {
    const starts = this.children.flatMap((n, i) => (n.type === 'heading' && n.depth === 1 ? [i] : []));
    return starts.map((index, k) => ({ title: blockText(this.children[index]!).trim(), index, end: starts[k + 1] ?? this.children.length }));
  }

  /** Headings of `depth` between two blocks (a part's, or a section's), numbering split off. */
  headingsIn(part: Pick<Part, 'index' | 'end'>, depth: number): Priority[] {
    const out: Priority[] = [];
    for (let i = part.index + 1; i < part.end; i++) {
      const node = this.children[i]!;
      if (node.type !== 'heading' || node.depth !== depth) continue;
      const sentence = blockText(node).trim();
      const marker = MARKER.exec(sentence)?.[0] ?? '';
      const text = sentence.slice(marker.length).replace(/[。.]$/, '');
      if (!text) continue;
      out.push({ text, ...(marker ? { marker: marker.trim() } : {}), from: this.provenance(i, { text: sentence, offset: 0 }, marker.length, marker.length + text.length) });
    }
    return out;
  }

  /** Index after the section a heading opens (at the next heading of its depth or higher). */
  sectionEnd(index: number, limit: number): number {
    const depth = (this.children[index] as { depth?: number }).depth ?? 1;
    let end = index + 1;
    while (end < limit && !(this.children[end]!.type === 'heading' && (this.children[end] as { depth: number }).depth <= depth)) end++;
    return end;
  }

  provenance(index: number, sentence: Sentence, start: number, end: number, line?: number): Provenance {
    const node = this.children[index]!;
    const from: Provenance = { section: this.sections[index] ?? '', paragraph: index, sentence: sentence.text, start, end };
    const first = line ?? node.position?.start.line;
    if (first !== undefined) {
      // A block may span several lines (Markdown sources): count the breaks before the sentence.
      const before = line === undefined ? blockText(node).slice(0, sentence.offset).split('\n').length - 1 : 0;
      from.line = first + before;
    }
    return from;
  }
}

/** A block's text as a reader sees it: note markers (`[1]` links) left out, breaks as newlines. */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'link':
      if (node.data?.noteref) return '';
  }
  return 'children' in node ? (node.children as Nodes[]).map(blockText).join('') : '';
}

/** Sentences end at 。！？ (with any closing quote after them) or at a line break. */
const SENTENCE = /[^。！？!?\n]*[。！？!?]+[”’」』）)]*|[^。！？!?\n]+/g;

export function sentences(text: string): Sentence[] {
  return [...text.matchAll(SENTENCE)].map((m) => ({ text: m[0], offset: m.index! })).filter((s) => s.text.trim());
}

export function lastYear(title: string): string | undefined {
  return [...title.matchAll(/(\d{4})\s*年/g)].pop()?.[1];
}

/** Line of the first positioned node inside `node` (table cells built from runs carry none). */
export function firstLine(node: Nodes): number | undefined {
  if (node.position) return node.position.start.line;
  if (!('children' in node)) return undefined;
  for (const child of node.children as Nodes[]) {
    const line = firstLine(child);
    if (line !== undefined) return line;
  }
  return undefined;
}
