/**
 * Bold lead sentences the page cut onto their own line -> a bold lead opening their paragraph.
 *
 * Reports open a run of paragraphs with a one-sentence summary in bold: `——扎实抓好…，高质量
 * 发展的底盘持续夯实。`, `一是聚焦经济建设这一中心工作。`, `这是经济实力持续提升的五年。`. A
 * page that drops the bold puts the sentence alone on a line, where it reads as a paragraph of
 * its own (or, worse, a heading). Such a line is a lead when it is one short sentence between
 * two paragraphs (not under a heading: the first paragraph of a section is its text) and when
 * the report uses the same opening for at least one more of them (一是/二是, 这是…, ——…): one
 * short sentence alone is just a short paragraph.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { isSalutation } from '../genre/front.js';
import { ITEM, PART, SECTION, SUBITEM, paragraphText, text } from './text.js';

const LEAD_MAX = 60;

export function reportLeads() {
  return (tree: Root) => {
    const nodes = tree.children;
    const candidates: number[] = [];
    for (let i = 1; i < nodes.length - 1; i++) if (isCandidate(nodes, i)) candidates.push(i);

    const byOpening = new Map<string, number[]>();
    for (const i of candidates) {
      const key = opening(paragraphText(nodes[i])!);
      byOpening.set(key, [...(byOpening.get(key) ?? []), i]);
    }
    const leads = new Set([...byOpening.values()].filter((group) => group.length >= 2).flat());
    if (!leads.size) return;

    const out: RootContent[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (!leads.has(i)) {
        out.push(node);
        continue;
      }
      const lead = node as Paragraph;
      const next = nodes[i + 1] as Paragraph;
      next.children = [{ type: 'strong', children: lead.children }, ...next.children];
      if (lead.position && next.position) next.position = { start: lead.position.start, end: next.position.end };
    }
    tree.children = out;
  };
}

function isCandidate(nodes: RootContent[], i: number): boolean {
  const line = paragraphText(nodes[i]);
  if (line === undefined || line.length > LEAD_MAX || !/[。！]$/.test(line)) return false;
  if ((line.match(/[。！？；：]/g) ?? []).length !== 1) return false;
  if (PART.test(line) || SECTION.test(line) || ITEM.test(line) || SUBITEM.test(line) || isSalutation(line) || /^各位/.test(line)) return false;
  const prev = nodes[i - 1]!;
  const next = nodes[i + 1]!;
  if (prev.type !== 'paragraph' || next.type !== 'paragraph') return false;
  const after = text(next);
  return after.length > line.length && /[。！？]/.test(after) && !PART.test(after) && !SECTION.test(after);
}

/** The opening a series of leads shares: its first two characters, numerals made alike. */
function opening(line: string): string {
  return line.replace(/^[一二三四五六七八九十]+/, '#').slice(0, 2);
}
