/**
 * The DOCX writer: the normalised tree -> a Word document laid out by the template's layout
 * (the same layout.yaml as the PDF), built with `docx` and packaged deterministically.
 *
 * Parts, after pandoc's Writers/Docx:
 *   styles.ts        layout styles -> Word paragraph and character styles
 *   fonts.ts         font names per style, the font table with alternatives
 *   handlers/        one handler per mdast node type (handlers/index.ts is the map)
 *   table-widths.ts  column widths from the content
 *   lists.ts         list numbering definitions
 *   fields.ts        PAGE / NUMPAGES in header and footer, the table of contents
 *   front.ts         cover page or title block
 *   page.ts          page size, margins, running header and footer
 *   properties.ts    document properties
 *   package.ts       fixed dates, ids and zip order
 *
 * Document shape: [cover section, no header or footer] [contents section] [body section].
 * Page numbers run on through the whole document (the cover is page 1 but shows none), so the
 * `pages` field (NUMPAGES) agrees with the last page's number in every reader; restarting at
 * the body would need SECTIONPAGES, which LibreOffice 7.4 leaves blank, and makes LibreOffice
 * insert an empty page to keep page 1 on a right-hand page.
 */
import { Document, Paragraph, TextRun, type FileChild, type ISectionOptions, type ParagraphChild } from 'docx';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Publication } from '../../model.js';
import type { Writer } from '../types.js';
import { blockHandlers, IGNORED, inlineHandlers } from './handlers/index.js';
import { ListRegistry } from './lists.js';
import { contents } from './fields.js';
import { tocEntries } from './handlers/heading.js';
import { coverLines } from './front.js';
import { fontTableXml, unnamedFonts } from './fonts.js';
import { fallbackRuns } from './fallback.js';
import { FALLBACK } from '../shared/fallback-font.js';
import { mirrored, pageProperties, running } from './page.js';
import { documentProperties } from './properties.js';
import { stylesFor, usedFontKeys } from './styles.js';
import { finish, parts as packageParts } from './package.js';
import type { State } from './types.js';

export const write: Writer = async (publication, context) => {
  const { template } = context;
  const { layout } = template;
  const { meta } = publication;
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    context.warn(message);
  };

  const state = createState(publication, template, warn);
  const body = state.blocks(publication.tree.children);

  // [cover] [contents] body: each section starts a page; the cover has no header or footer.
  // Without a cover, the cover lines are a title block atop the first section.
  const page = pageProperties(layout);
  const entries = tocEntries(publication.tree, layout, state.anchor);
  const parts: FileChild[][] = [];
  if (layout.toc.enabled && entries.length) parts.push(contents(layout, entries));
  parts.push(nonEmpty(body));
  const lines = coverLines(layout, template, meta);
  if (!layout.cover.enabled) parts[0] = [...lines, ...parts[0]!];
  const sections: ISectionOptions[] = [
    // A cover with nothing to show (no title, meeting or speaker) is left out, not a blank page.
    ...(layout.cover.enabled && lines.length ? [{ properties: page, children: lines }] : []),
    ...parts.map((children) => ({ properties: page, ...running(layout, template, meta), children })),
  ];

  // The fallback font is declared only when some run names it.
  const fonts = state.fallback ? [...usedFontKeys(layout), FALLBACK] : usedFontKeys(layout);
  for (const key of unnamedFonts(layout, usedFontKeys(layout))) {
    warn(`docx: fonts.${key} has no word names; its text uses Word's default font`);
  }

  const doc = new Document({
    ...documentProperties(meta),
    styles: stylesFor(layout),
    numbering: { config: state.lists.config() },
    footnotes: Object.fromEntries([...state.footnotes].map(([n, children]) => [n, { children }])),
    evenAndOddHeaderAndFooters: mirrored(layout),
    // Word fills the contents' page numbers (PAGEREF fields, see fields.ts) when it opens the file.
    ...(layout.toc.enabled && entries.length ? { features: { updateFields: true } } : {}),
    sections,
  });
  const data = finish(await packageParts(doc), {
    date: context.date,
    replace: { 'word/fontTable.xml': fontTableXml(layout, fonts) },
  });
  return [{ path: `${publication.name}.docx`, data }];
};

/** A section needs at least one paragraph. */
function nonEmpty(children: FileChild[]): FileChild[] {
  return children.length ? children : [new Paragraph({})];
}

const withFallback = (fallback: State['fallback']) => (fallback ? { fallback } : {});

function createState(publication: Publication, template: State['template'], warn: (m: string) => void): State {
  const { layout } = template;
  const definitions = footnoteDefinitions(publication.tree);
  const footnoteNumbers = new Map<string, number>();

  const state: State = {
    layout,
    template,
    meta: publication.meta,
    ...withFallback(fallbackRuns(publication, layout)),
    lists: new ListRegistry(layout.styles.body),
    footnotes: new Map(),
    warn,
    anchor: (id) => id.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[^A-Za-z])/, 'a').slice(0, 40),

    blocks(nodes, where = {}) {
      const out: FileChild[] = [];
      nodes.forEach((node, i) => {
        const place = { ...where, previous: nodes[i - 1], next: nodes[i + 1] };
        const handler = blockHandlers[node.type];
        if (handler) out.push(...handler(state, node, place));
        else if (node.type in IGNORED) return;
        else if (node.type in inlineHandlers) {
          // Phrasing where a block was expected: give it a paragraph of its own.
          out.push(new Paragraph({ ...(where.style ? { style: where.style } : {}), children: state.inline([node as PhrasingContent]) }));
        } else {
          state.unhandled(node);
          const text = toString(node);
          if (text) out.push(new Paragraph({ ...(where.style ? { style: where.style } : {}), text }));
        }
      });
      return out;
    },

    inline(nodes, marks = {}) {
      const out: ParagraphChild[] = [];
      for (const node of nodes) {
        const handler = inlineHandlers[node.type];
        if (handler) out.push(...handler(state, node, marks));
        else if (node.type in IGNORED) continue;
        else {
          state.unhandled(node);
          const text = toString(node);
          if (text) out.push(new TextRun(text));
        }
      }
      return out;
    },

    footnote(label) {
      let n = footnoteNumbers.get(label);
      if (n === undefined) {
        n = footnoteNumbers.size + 1;
        footnoteNumbers.set(label, n);
        const definition = definitions.get(label);
        if (!definition) warn(`docx: footnote [^${label}] has no definition`);
        const blocks = definition ? state.blocks(definition.children) : [];
        state.footnotes.set(n, blocks.filter((b): b is Paragraph => b instanceof Paragraph));
      }
      return n;
    },

    unhandled(node: Nodes) {
      warn(`docx: no handler for ${node.type} nodes; their text is kept as plain text`);
    },
  };
  return state;
}

function footnoteDefinitions(tree: Root): Map<string, Extract<RootContent, { type: 'footnoteDefinition' }>> {
  const map = new Map<string, Extract<RootContent, { type: 'footnoteDefinition' }>>();
  const visit = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') map.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return map;
}
