/**
 * 民生实事: the 项目 column of the list's table, the items of its numbered list (`1.…` lines),
 * the list's own headings, or, where the plan only names them in a sentence (`今年将办好15件
 * 民生实事，包括：A；B；C。`), the items of that sentence.
 */
import type { List, Table } from 'mdast';
import type { Priority } from '../../model.js';
import { blockText, firstLine, sentences, type Doc, type Part, type Sentence } from './document.js';

const PROJECT_COLUMN = [/^(?:项目|项目名称|实事名称|实事项目|名称|事项)$/, /项目|名称|事项|实事/];
/** `…民生实事，包括：` / `…民生实事：` followed by items separated by ；. */
const PROJECTS_LEAD = /((?:\d+|[一二三四五六七八九十]+)[件项类][^，。；：]{0,12}?(?:民生实事|实事项目))[^。；：]{0,8}?(?:包括|主要是|分别是|是)?[：:]/;
/** A list in a sentence is at least this long; two or three clauses are prose. */
const MIN_ITEMS = 4;

export function projectItems(doc: Doc, part: Part): Priority[] {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type === 'table') {
      const items = tableColumn(doc, i, node);
      if (items.length) return items;
    }
    if (node.type === 'list') {
      const items = listItems(doc, i, node);
      if (items.length) return items;
    }
  }
  return doc.headingsIn(part, 2).length ? doc.headingsIn(part, 2) : doc.headingsIn(part, 3);
}

/**
 * The 民生实事 the plan lists in its text, with the list's name as title: the items of a
 * sentence (`…民生实事，包括：A；B；C。`), the sentences of a paragraph led by one that names
 * them (`扎实办好民生实事。提高…。为…。`), or the lead sentences of a section titled with them
 * (`（八）全力办好民生实事…` then `兜牢社会保障底线。…`).
 */
export function projectsInText(doc: Doc, part: Part): { title: string; items: Priority[] } | undefined {
  return listedInSentence(doc, part) ?? ledParagraph(doc, part) ?? titledSection(doc, part);
}

const NAMES_PROJECTS = /民生实事|实事项目/;
/** A lead sentence or item is short: a head, not a paragraph of its own. */
const LEAD_MAX = 20;

function ledParagraph(doc: Doc, part: Part): { title: string; items: Priority[] } | undefined {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type !== 'paragraph') continue;
    const [lead, ...rest] = sentences(blockText(node));
    if (!lead || !NAMES_PROJECTS.test(lead.text) || lead.text.trim().length > LEAD_MAX || rest.length < MIN_ITEMS) continue;
    const items = rest.map((sentence) => item(doc, i, sentence)).filter((p): p is Priority => p !== undefined);
    if (items.length >= MIN_ITEMS) return { title: lead.text.trim().replace(/[。！]$/, ''), items };
  }
  return undefined;
}

function titledSection(doc: Doc, part: Part): { title: string; items: Priority[] } | undefined {
  for (let h = part.index + 1; h < part.end; h++) {
    const heading = doc.children[h]!;
    if (heading.type !== 'heading' || !NAMES_PROJECTS.test(blockText(heading))) continue;
    const items: Priority[] = [];
    for (let i = h + 1; i < doc.sectionEnd(h, part.end); i++) {
      const node = doc.children[i]!;
      if (node.type !== 'paragraph') continue;
      const [lead, ...rest] = sentences(blockText(node));
      // A head ends in 。; `各位代表！` opening the closing words is none.
      if (!lead || !rest.length || lead.text.trim().length > LEAD_MAX || !/。$/.test(lead.text.trim())) continue;
      const found = item(doc, i, lead);
      if (found) items.push(found);
    }
    if (items.length >= 2) return { title: doc.headingsIn({ index: h - 1, end: h + 1 }, (heading as { depth: number }).depth)[0]?.text ?? blockText(heading).trim(), items };
  }
  return undefined;
}

/** A sentence as an item: its first clause up to ；, without the full stop. */
function item(doc: Doc, index: number, sentence: Sentence): Priority | undefined {
  const lead = sentence.text.length - sentence.text.trimStart().length;
  const text = /^[^；;。！]+/.exec(sentence.text.trim())?.[0].trim();
  if (!text || text.length < 2) return undefined;
  return { text, from: doc.provenance(index, sentence, lead, lead + text.length) };
}

function listedInSentence(doc: Doc, part: Part): { title: string; items: Priority[] } | undefined {
  for (let i = part.index + 1; i < part.end; i++) {
    const node = doc.children[i]!;
    if (node.type !== 'paragraph') continue;
    for (const sentence of sentences(blockText(node))) {
      const lead = PROJECTS_LEAD.exec(sentence.text);
      if (!lead) continue;
      const items: Priority[] = [];
      let at = lead.index + lead[0].length;
      for (const piece of sentence.text.slice(at).split(/(?<=[；;])/)) {
        const start = at + (piece.length - piece.trimStart().length);
        at += piece.length;
        const text = piece.trim().replace(/[；;。]$/, '').replace(/^等/, '');
        if (text.length < 2) continue;
        items.push({ text, from: doc.provenance(i, sentence, start, start + text.length) });
      }
      if (items.length >= MIN_ITEMS) return { title: lead[1]!, items };
    }
  }
  return undefined;
}

/** The first sentence of each list item (its lead clause says what the project is). */
function listItems(doc: Doc, index: number, list: List): Priority[] {
  const out: Priority[] = [];
  for (const item of list.children) {
    const text = blockText(item).replace(/\n+/g, ' ').trim();
    // Who leads it (（牵头单位：…）) is for the record, not for the digest.
    const first = /^[^。；;]+/.exec(text)?.[0].trim().replace(/\s*[（(][^（）()]*[）)]$/, '');
    if (!first) continue;
    out.push({ text: first, from: doc.provenance(index, { text, offset: 0 }, 0, first.length, firstLine(item)) });
  }
  return out;
}

function tableColumn(doc: Doc, index: number, table: Table): Priority[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((cell) => blockText(cell).replace(/\s+/g, ''));
  let column = -1;
  for (const pattern of PROJECT_COLUMN) {
    column = names.findIndex((n) => pattern.test(n));
    if (column !== -1) break;
  }
  if (column === -1) return [];
  const out: Priority[] = [];
  for (const row of rows) {
    const cell = row.children[column];
    if (!cell) continue;
    const text = blockText(cell).replace(/\n+/g, ' ').trim();
    if (!text) continue;
    out.push({ text, from: doc.provenance(index, { text, offset: 0 }, 0, text.length, firstLine(cell)) });
  }
  return out;
}
