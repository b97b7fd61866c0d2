/**
 * The report cut into its top-level sections: one chapter file each in the EPUB, one
 * `<section>` each on the web page. What comes before the first heading (各位代表：…) is the
 * opening of the speech and gets a section of its own.
 *
 * A section is a `chapter` unless the normaliser marked its heading as opening an appendix
 * (附件…, the 民生实事 lists); one holding a definition list is the `glossary` (名词解释).
 */
import type { Element, ElementContent } from 'hast';
import type { Heading } from 'mdast';
import type { Block } from './convert.js';
import { textOf } from './hast-text.js';

export type SectionKind = 'opening' | 'chapter' | 'appendix' | 'glossary';

export interface Section {
  kind: SectionKind;
  /** File stem in html/ and id in the EPUB manifest: the heading's anchor, or `opening`. */
  name: string;
  /** Anchor of the section's heading (absent for the opening). */
  headingId?: string;
  /** Heading text as printed (for `<title>` and landmarks). */
  title?: string;
  hast: ElementContent[];
}

/** How each kind is announced to reading systems (epub:type) and assistive technology (role). */
export const SEMANTICS: Record<SectionKind, { type: string; role: string; matter: 'bodymatter' | 'backmatter' }> = {
  opening: { type: 'chapter', role: 'doc-chapter', matter: 'bodymatter' },
  chapter: { type: 'chapter', role: 'doc-chapter', matter: 'bodymatter' },
  appendix: { type: 'appendix', role: 'doc-appendix', matter: 'backmatter' },
  glossary: { type: 'glossary', role: 'doc-glossary', matter: 'backmatter' },
};

export interface SectionOptions {
  /** `headings.runIn: source`: a heading the source ran into its paragraph stays run in. */
  runIn: boolean;
}

export function sections(blocks: Block[], options: SectionOptions): Section[] {
  const depths = blocks.filter((b) => b.node.type === 'heading').map((b) => (b.node as Heading).depth);
  const top = depths.length ? Math.min(...depths) : 0;
  const out: Section[] = [];
  let current: Section | undefined;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const node = block.node;
    if (node.type === 'heading' && node.depth === top) {
      const heading = block.hast.find((h): h is Element => h.type === 'element');
      const title = heading ? textOf(heading) : '';
      const id = node.data?.id ?? `section-${out.length + 1}`;
      current = { kind: node.data?.appendix ? 'appendix' : 'chapter', name: id, headingId: node.data?.id, title, hast: [] };
      out.push(current);
    } else if (!current) {
      current = { kind: 'opening', name: 'opening', hast: [] };
      out.push(current);
    }
    if (node.type === 'defList') current.kind = 'glossary';

    const next = blocks[i + 1];
    if (options.runIn && node.type === 'heading' && node.data?.runIn && next?.node.type === 'paragraph') {
      const stop = node.data.runInStop ?? '。';
      // The stop goes on the heading itself: CSS's attr() reads the element it styles (::after).
      const heading = block.hast.map((h) => (h.type === 'element' && /^h[1-6]$/.test(h.tagName) ? { ...h, properties: { ...h.properties, dataStop: stop } } : h));
      current.hast.push({ type: 'element', tagName: 'div', properties: { className: ['run-in'] }, children: [...heading, ...next.hast] });
      i++;
      continue;
    }
    current.hast.push(...block.hast);
  }
  return out;
}
