/**
 * 名词解释 -> a definition list, and the body's first use of each term -> a link to it.
 *
 * Entries come as `1.term：definition`, `[1]term：definition`, `（1）term：…`, or as a term line
 * (`1.“四上”企业：`) followed by its definition paragraph. The entry number is dropped from
 * the term and kept as the anchor (`#gloss-1`). Where the body carries the report's own note
 * markers (`^[1]`, `[1]`) for entries that exist, those become the links; otherwise the first
 * occurrence of each term in the body text does. Node names are those of mdast-util-definition-list.
 */
import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import type { DefListDescriptionNode, DefListNode, DefListTermNode } from '../model.js';
import { GLOSSARY_TITLE } from './headings.js';
import { text } from './text.js';

const ENTRY = /^(?:(\d{1,3})[.．、]|\[(\d{1,3})\]|[（(](\d{1,3})[）)]|【(\d{1,3})】|([①-⑳]))\s*(.+)$/s;
const TERM_MAX = 30;
/** The report's own note markers: `^[1]` (a scraped superscript) or a bare `[1]`. */
const NOTE_MARKER = /\^?\[(\d{1,3})\]/g;

export const glossaryAnchor = (n: number) => `gloss-${n}`;

export function reportGlossary() {
  return (tree: Root, file: VFile) => {
    const start = tree.children.findIndex((n) => n.type === 'heading' && GLOSSARY_TITLE.test(text(n).trim()));
    if (start === -1) return;
    const heading = tree.children[start] as Heading;
    let end = start + 1;
    while (end < tree.children.length && !(tree.children[end]!.type === 'heading' && (tree.children[end] as Heading).depth <= heading.depth)) end++;

    const section = tree.children.slice(start + 1, end);
    if (section.some((n) => n.type === 'defList')) {
      linkTerms(tree, start, collectTerms(section));
      return;
    }
    const { list, before } = buildList(section, file);
    if (!list) return;
    tree.children.splice(start + 1, end - start - 1, ...before, list);
    linkTerms(tree, start, collectTerms([list]));
  };
}

interface Entry {
  n: number;
  term: PhrasingContent[];
  description: RootContent[];
}

function buildList(section: RootContent[], file: VFile): { list?: DefListNode; before: RootContent[] } {
  const entries: Entry[] = [];
  const before: RootContent[] = [];
  let pendingTerm: Entry | undefined;

  for (const node of section) {
    if (node.type !== 'paragraph' && node.type !== 'list') {
      (entries.length ? entries[entries.length - 1]!.description : before).push(node);
      continue;
    }
    const paragraphs: Paragraph[] = node.type === 'list' ? node.children.flatMap((item) => item.children.filter((c): c is Paragraph => c.type === 'paragraph')) : [node];
    for (const p of paragraphs) {
      const value = text(p);
      const m = ENTRY.exec(value.trim());
      const split = m ? splitTerm(m[6]!) : splitTerm(value.trim());
      const n = m ? (m[5] ? m[5].charCodeAt(0) - 0x245f : Number(m[1] ?? m[2] ?? m[3] ?? m[4])) : entries.length + 1;
      if (pendingTerm && !m) {
        // The definition line of a "term：" line.
        pendingTerm.description.push(p);
        pendingTerm = undefined;
        continue;
      }
      if (split && (m || !entries.length || split.definition)) {
        const entry: Entry = { n, term: [{ type: 'text', value: split.term }], description: [] };
        pendingTerm = undefined;
        if (split.definition) entry.description.push({ type: 'paragraph', children: [{ type: 'text', value: split.definition }], ...(p.position ? { position: p.position } : {}) });
        else pendingTerm = entry;
        entries.push(entry);
        continue;
      }
      if (entries.length) entries[entries.length - 1]!.description.push(p);
      else before.push(p);
    }
  }
  if (!entries.length) {
    file.message('名词解释 section has no entries in the form “term：definition”', { ruleId: 'glossary', source: 'reportpress' });
    return { before: section };
  }
  const children: Array<DefListTermNode | DefListDescriptionNode> = [];
  for (const e of entries) {
    children.push({ type: 'defListTerm', children: e.term, data: { id: glossaryAnchor(e.n) } } as DefListTermNode);
    children.push({ type: 'defListDescription', spread: false, children: e.description as DefListDescriptionNode['children'] });
  }
  return { list: { type: 'defList', children }, before };
}

/** `“两轴两带”：“两轴”指…` -> term and definition, split at the first colon. */
function splitTerm(value: string): { term: string; definition: string } | undefined {
  const colon = value.search(/[：:]/);
  if (colon <= 0 || colon > TERM_MAX) return undefined;
  return { term: value.slice(0, colon).trim(), definition: value.slice(colon + 1).trim() };
}

interface Term {
  n: number;
  text: string;
}

function collectTerms(nodes: RootContent[]): Term[] {
  const terms: Term[] = [];
  for (const node of nodes) {
    if (node.type !== 'defList') continue;
    let n = 0;
    for (const child of node.children) {
      if (child.type !== 'defListTerm') continue;
      n++;
      const id = (child.data as { id?: string } | undefined)?.id;
      const fromId = id ? Number(/(\d+)$/.exec(id)?.[1]) : NaN;
      const number = Number.isFinite(fromId) ? fromId : n;
      child.data = { ...(child.data ?? {}), id: glossaryAnchor(number) } as DefListTermNode['data'];
      terms.push({ n: number, text: text(child) });
    }
  }
  return terms;
}

/** Links the body (everything before the glossary) to the terms. */
function linkTerms(tree: Root, glossaryIndex: number, terms: Term[]): void {
  const body = tree.children.slice(0, glossaryIndex);
  const known = new Set(terms.map((t) => t.n));
  if (existingLinks(body)) return;
  let markers = 0;
  for (const node of body) {
    visit(node, 'text', (t: Text, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link') return;
      const parts = splitMarkers(t, known);
      if (!parts) return;
      markers += parts.filter((p) => p.type === 'link').length;
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  }
  if (markers > 0) return;

  const pending = new Map(terms.map((t) => [t.n, t]));
  for (const node of body) {
    if (node.type === 'heading' || node.type === 'table') continue;
    visit(node, 'text', (t: Text, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link' || pending.size === 0) return;
      const hit = firstTerm(t.value, [...pending.values()]);
      if (!hit) return;
      pending.delete(hit.term.n);
      const parts: PhrasingContent[] = [];
      if (hit.start > 0) parts.push({ type: 'text', value: t.value.slice(0, hit.start) });
      parts.push(termLink(t.value.slice(hit.start, hit.end), hit.term.n, false));
      if (hit.end < t.value.length) parts.push({ type: 'text', value: t.value.slice(hit.end) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      // Revisit the tail: another term may start there.
      return [SKIP, index + parts.length - (hit.end < t.value.length ? 1 : 0)];
    });
  }
}

/** A Markdown source written by us already has the links: recognise them instead of adding more. */
function existingLinks(body: RootContent[]): boolean {
  let found = false;
  for (const node of body) {
    visit(node, 'link', (link: Link) => {
      const m = /^#gloss-(\d+)$/.exec(link.url);
      if (!m) return;
      found = true;
      const n = Number(m[1]);
      link.data = /^\[\d+\]$/.test(text(link)) ? { glossary: n, noteref: true } : { glossary: n };
    });
  }
  return found;
}

function firstTerm(value: string, terms: Term[]): { term: Term; start: number; end: number } | undefined {
  let best: { term: Term; start: number; end: number } | undefined;
  for (const term of terms) {
    for (const form of forms(term.text)) {
      const at = value.indexOf(form);
      if (at !== -1 && (!best || at < best.start)) best = { term, start: at, end: at + form.length };
      if (at !== -1) break;
    }
  }
  return best;
}

/** The term as printed, then without its quotation marks. */
function forms(term: string): string[] {
  const bare = term.replace(/[“”"‘’「」]/g, '');
  return bare !== term && bare.length >= 2 ? [term, bare] : [term];
}

function splitMarkers(t: Text, known: Set<number>): PhrasingContent[] | undefined {
  if (!t.value.includes('[')) return undefined;
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const m of t.value.matchAll(NOTE_MARKER)) {
    const n = Number(m[1]);
    if (!known.has(n)) continue;
    if (m.index! > last) parts.push({ type: 'text', value: t.value.slice(last, m.index) });
    parts.push(termLink(`[${n}]`, n, true));
    last = m.index! + m[0].length;
  }
  if (!parts.length) return undefined;
  if (last < t.value.length) parts.push({ type: 'text', value: t.value.slice(last) });
  return parts;
}

function termLink(value: string, n: number, noteref: boolean): Link {
  return {
    type: 'link',
    url: `#${glossaryAnchor(n)}`,
    title: null,
    children: [{ type: 'text', value }],
    data: noteref ? { glossary: n, noteref: true } : { glossary: n },
  };
}
