/**
 * Every key a layout file (`layout.yaml`) may hold: its type, default and meaning.
 *
 * This table is the single source of truth: the loader validates against it, fills defaults
 * from it, and templates/README.md's key reference is generated from it (npm run docs:keys),
 * with a test that the README is current.
 */
import { parseFontSize, parseLength, parseLineHeight, PAGE_SIZES } from './units.js';

export type Spec =
  | { kind: 'length'; default?: number | string; doc: string; example?: string }
  | { kind: 'fontSize'; default?: number | string; doc: string; example?: string }
  | { kind: 'lineHeight'; default?: number | string; doc: string; example?: string }
  | { kind: 'number'; default?: number; min?: number; max?: number; doc: string; example?: string }
  | { kind: 'integer'; default?: number; min?: number; max?: number; doc: string; example?: string }
  | { kind: 'string'; default?: string; doc: string; example?: string; optional?: boolean }
  | { kind: 'template'; default?: string; doc: string; example?: string }
  | { kind: 'enum'; values: string[]; default?: string; doc: string; example?: string }
  | { kind: 'boolean'; default?: boolean; doc: string; example?: string }
  | { kind: 'color'; default?: string | null; doc: string; example?: string }
  | { kind: 'pageSize'; default: string | [number, number]; doc: string; example?: string }
  | { kind: 'list'; of: Spec; default?: unknown[]; doc: string; example?: string }
  | { kind: 'object'; fields: Record<string, Spec>; doc: string }
  | { kind: 'map'; of: Spec; doc: string; example?: string };

/** Style properties; a style leaves out what it takes from `body`. */
const styleFields = (d: Partial<Record<string, unknown>> = {}): Record<string, Spec> => ({
  font: { kind: 'string', default: d.font as string | undefined, optional: true, doc: 'Key of an entry under `fonts`.', example: 'sans' },
  size: { kind: 'fontSize', default: d.size as number | undefined, doc: 'Font size: points, a length, or a 字号 name (三号 = 16 pt).', example: '三号' },
  bold: { kind: 'boolean', default: d.bold as boolean | undefined, doc: 'Use the font\'s bold face (the font must name one: PDF cannot fake bold).' },
  color: { kind: 'color', default: d.color as string | undefined, doc: 'Text colour, `#rrggbb`.', example: '#1f3a5f' },
  lineHeight: { kind: 'lineHeight', default: d.lineHeight as number | undefined, doc: 'A multiple of the font size (1.6), or an exact line pitch as a length (28.95pt).', example: '1.6' },
  indent: { kind: 'number', min: 0, max: 10, default: d.indent as number | undefined, doc: 'First-line indent in characters (2 is the Chinese convention).', example: '2' },
  spaceBefore: { kind: 'length', default: d.spaceBefore as number | undefined, doc: 'Space above, as a length.', example: '12pt' },
  spaceAfter: { kind: 'length', default: d.spaceAfter as number | undefined, doc: 'Space below, as a length.', example: '6pt' },
  align: { kind: 'enum', values: ['left', 'center', 'right', 'justify'], default: d.align as string | undefined, doc: 'Alignment.' },
  characterSpacing: { kind: 'length', default: d.characterSpacing as number | undefined, doc: 'Extra space between characters (negative tightens), as a length.', example: '-0.2pt' },
});

const style = (doc: string, d: Partial<Record<string, unknown>> = {}): Spec => ({ kind: 'object', doc, fields: styleFields(d) });

export const STYLE_NAMES = [
  'body', 'title', 'subtitle', 'speaker', 'heading1', 'heading2', 'heading3', 'heading4',
  'table', 'tableHeader', 'caption', 'header', 'footer', 'tocTitle', 'toc1', 'toc2', 'toc3', 'toc4',
  'glossaryTerm', 'glossaryDefinition',
] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

export const LAYOUT_SPEC: Spec = {
  kind: 'object',
  doc: 'A layout file.',
  fields: {
    extends: { kind: 'string', optional: true, doc: 'Name of a template in `templates/` (or a path relative to this folder) whose layout this one starts from; only the keys given here change.', example: 'default' },
    description: { kind: 'string', optional: true, doc: 'One line saying what the layout is for.' },
    page: {
      kind: 'object',
      doc: 'Paper and margins (PDF and DOCX).',
      fields: {
        size: { kind: 'pageSize', default: 'A4', doc: `Paper size: ${Object.keys(PAGE_SIZES).join(', ')}, or [width, height] in millimetres.`, example: 'A5' },
        orientation: { kind: 'enum', values: ['portrait', 'landscape'], default: 'portrait', doc: 'Page orientation.' },
        margin: {
          kind: 'object',
          doc: 'Margins as lengths. `left` is the binding side on every page (公文 practice).',
          fields: {
            top: { kind: 'length', default: '25mm', doc: 'Top margin (天头).', example: '37mm' },
            bottom: { kind: 'length', default: '25mm', doc: 'Bottom margin.', example: '35mm' },
            left: { kind: 'length', default: '25mm', doc: 'Left margin (订口).', example: '28mm' },
            right: { kind: 'length', default: '25mm', doc: 'Right margin.', example: '26mm' },
          },
        },
      },
    },
    fonts: {
      kind: 'map',
      doc: 'Font faces the styles refer to, by a key of your choosing. Files are TrueType/OpenType (.ttf, .otf) or WOFF (.woff), embedded as subsets in the PDF. The key `fallback` is the fallback font: characters a style\'s own face lacks are drawn from it, in the PDF and the summary (the default layout\'s is Noto Serif JP, `npm:@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf` and `700Bold`, for CJK Extension B such as 𠮷); its `word` and `css` names are added where the DOCX, HTML and EPUB need them.',
      example: 'song',
      of: {
        kind: 'object',
        doc: 'One font.',
        fields: {
          regular: { kind: 'string', doc: 'Regular face: `npm:<package>/<file>` (an installed npm package), a path relative to the template folder, or an absolute path to a font you own.', example: 'npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
          bold: { kind: 'string', optional: true, doc: 'Bold face, same forms as `regular`; needed by any style with `bold: true`.' },
          word: { kind: 'list', of: { kind: 'string', doc: 'A font name.' }, default: [], doc: 'Names for DOCX, most wanted first: the first is set on the text (East Asian and Latin), the rest are declared as alternatives.', example: '[仿宋_GB2312, FangSong]' },
          css: { kind: 'string', optional: true, doc: 'CSS font-family stack for HTML and EPUB.', example: '"Noto Serif SC", "Songti SC", SimSun, serif' },
        },
      },
    },
    styles: {
      kind: 'object',
      doc: 'Text styles by role. Every style takes what it leaves out from `body`.',
      fields: {
        body: style('Body paragraphs.', { font: 'serif', size: 11, bold: false, color: '#1a1a1a', lineHeight: 1.75, indent: 2, spaceBefore: 0, spaceAfter: 4, align: 'justify', characterSpacing: 0 }),
        title: style('Document title on the cover and title block.'),
        subtitle: style('The meeting line under the title.'),
        speaker: style('The speaker line.'),
        heading1: style('Parts (一、) and appendix titles.'),
        heading2: style('Sections (（一）).'),
        heading3: style('Numbered titles (1.).'),
        heading4: style('Numbered titles ((1)).'),
        table: style('Table cells.'),
        tableHeader: style('Table header cells.'),
        caption: style('Table captions.'),
        header: style('Running header.'),
        footer: style('Running footer (page numbers).'),
        tocTitle: style('The title of the table of contents.'),
        toc1: style('Table of contents entries for depth 1.'),
        toc2: style('Table of contents entries for depth 2.'),
        toc3: style('Table of contents entries for depth 3.'),
        toc4: style('Table of contents entries for depth 4.'),
        glossaryTerm: style('Glossary terms.'),
        glossaryDefinition: style('Glossary definitions.'),
      },
    },
    headings: {
      kind: 'object',
      doc: 'How headings are shown.',
      fields: {
        numbering: { kind: 'enum', values: ['keep', 'strip'], default: 'keep', doc: '`keep` prints the report\'s own numbering (一、 （一）); `strip` hides it.' },
        runIn: { kind: 'enum', values: ['source', 'never'], default: 'source', doc: '`source` runs a heading into its paragraph where the report did (（一）标题。正文…); `never` sets every heading on its own line.' },
      },
    },
    typesetting: {
      kind: 'object',
      doc: 'How the PDF sets lines of text.',
      fields: {
        grid: { kind: 'boolean', default: false, doc: 'Set body text on a character grid (公文: 28 characters a line): a full line holds as many characters as whole cells (size plus character spacing) fit its width, however many of its marks are compressed; a closing mark may still be squeezed in at the end. With `false` compressed marks make room for more text.' },
      },
    },
    cover: {
      kind: 'object',
      doc: 'The cover page (PDF) and title block (DOCX, HTML).',
      fields: {
        enabled: { kind: 'boolean', default: true, doc: 'Print a cover page. With `false` the cover lines become a title block at the top of the first page (公文 style).' },
        lines: {
          kind: 'list',
          doc: 'Lines of the cover, top to bottom. `text` is Handlebars over the metadata (`title`, `headline` (the page headline, when it names more than the printed title), `subtitle`, `date`, `meeting`, `speaker.role`, `speaker.name`, `issuer`, `published`, `source`); a line that comes out empty is left out, so a report without a speaker has no speaker line.',
          default: [
            { text: '{{title}}', style: 'title' },
            { text: '{{#if subtitle}}——{{subtitle}}{{/if}}', style: 'subtitle' },
            { text: '{{speaker.role}} {{speaker.name}}', style: 'speaker' },
          ],
          of: {
            kind: 'object',
            doc: 'A cover line.',
            fields: {
              text: { kind: 'template', doc: 'Handlebars text.', example: '{{title}}' },
              style: { kind: 'enum', values: [...STYLE_NAMES], default: 'body', doc: 'Style of the line.' },
            },
          },
        },
        top: { kind: 'length', default: '60mm', doc: 'Distance from the top margin to the first cover line.', example: '80mm' },
      },
    },
    header: {
      kind: 'object',
      doc: 'Running header, on every page but the cover.',
      fields: {
        text: { kind: 'template', default: '{{title}}', doc: 'Handlebars over the metadata plus `page` and `pages`; empty for no header.', example: '{{title}}' },
        align: { kind: 'enum', values: ['left', 'center', 'right', 'outside', 'inside'], default: 'center', doc: '`outside` is right on odd pages and left on even pages; `inside` the reverse.' },
        rule: { kind: 'boolean', default: true, doc: 'Draw a thin rule under the header.' },
      },
    },
    footer: {
      kind: 'object',
      doc: 'Running footer, on every page but the cover.',
      fields: {
        text: { kind: 'template', default: '{{page}}', doc: 'Handlebars over the metadata plus `page` and `pages`.', example: '— {{page}} —' },
        align: { kind: 'enum', values: ['left', 'center', 'right', 'outside', 'inside'], default: 'center', doc: '`outside`: right on odd pages, left on even pages (公文 page numbers).' },
        inset: { kind: 'number', min: 0, max: 10, default: 0, doc: 'Distance from the type area\'s edge, in characters of the footer style (公文: 1).' },
        distance: { kind: 'length', default: '10mm', doc: 'Distance from the bottom of the type area to the footer baseline.', example: '7mm' },
      },
    },
    toc: {
      kind: 'object',
      doc: 'Table of contents.',
      fields: {
        enabled: { kind: 'boolean', default: true, doc: 'Print a table of contents after the cover.' },
        depth: { kind: 'integer', min: 1, max: 4, default: 2, doc: 'Deepest heading level listed.' },
        title: { kind: 'string', default: '目录', doc: 'Its title.' },
      },
    },
    table: {
      kind: 'object',
      doc: 'Tables.',
      fields: {
        borderWidth: { kind: 'length', default: 0.5, doc: 'Width of the cell borders.', example: '0.75pt' },
        borderColor: { kind: 'color', default: '#8a8f98', doc: 'Colour of the cell borders.' },
        headerFill: { kind: 'color', default: '#e8edf3', doc: 'Background of the header row; `null` for none.' },
        stripeFill: { kind: 'color', default: null, doc: 'Background of every second body row; `null` for none.', example: '#f7f7f7' },
        cellPadding: { kind: 'length', default: 4, doc: 'Space inside each cell.', example: '3pt' },
      },
    },
    summary: {
      kind: 'object',
      doc: 'The one-page summary.',
      fields: {
        blocks: {
          kind: 'list',
          of: { kind: 'enum', values: ['headline', 'chart', 'targets', 'priorities', 'projects'], doc: 'A block.' },
          default: ['headline', 'chart', 'targets', 'priorities', 'projects'],
          doc: 'Which blocks appear, in order: `headline` (last year\'s figures), `chart`, `targets` (this year\'s goals), `priorities` (the plan\'s sections), `projects` (民生实事). A block the report has nothing for is left out.',
          example: '[targets, priorities]',
        },
        maxItems: { kind: 'integer', min: 1, max: 40, default: 12, doc: 'Longest list shown in a block; the rest is counted as “…另有 N 项”.' },
        minFontSize: { kind: 'length', default: 7.5, doc: 'Smallest type the summary may shrink to before it shortens lists instead.' },
      },
    },
    epub: {
      kind: 'object',
      doc: 'EPUB packaging.',
      fields: {
        embedFonts: { kind: 'boolean', default: false, doc: 'Embed the layout\'s fonts in the EPUB (large: a full CJK font is over 10 MB).' },
      },
    },
  },
};

/** Checks a scalar against its spec; returns the parsed value or an error message. */
export function checkScalar(spec: Spec, value: unknown): { value: unknown } | { error: string } {
  switch (spec.kind) {
    case 'length': {
      const v = parseLength(value);
      return v === undefined ? { error: 'expected a length such as 12pt, 25mm or 1in' } : { value: v };
    }
    case 'fontSize': {
      const v = parseFontSize(value);
      return v === undefined || v <= 0 ? { error: 'expected a font size: points, a length, or a 字号 such as 三号' } : { value: v };
    }
    case 'lineHeight': {
      const v = parseLineHeight(value);
      return v === undefined ? { error: 'expected a multiple such as 1.5 or an exact pitch such as 28pt' } : { value: v };
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: `expected ${spec.kind === 'integer' ? 'a whole number' : 'a number'}` };
      if (spec.kind === 'integer' && !Number.isInteger(value)) return { error: 'expected a whole number' };
      if (spec.min !== undefined && value < spec.min) return { error: `must be at least ${spec.min}` };
      if (spec.max !== undefined && value > spec.max) return { error: `must be at most ${spec.max}` };
      return { value };
    }
    case 'string':
    case 'template':
      return typeof value === 'string' ? { value } : { error: 'expected text' };
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? { value } : { error: `expected one of ${spec.values.join(', ')}` };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'expected true or false' };
    case 'color':
      if (value === null) return { value: null };
      return typeof value === 'string' && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value) ? { value: value.toLowerCase() } : { error: 'expected a colour such as #1a1a1a, or null' };
    case 'pageSize': {
      if (typeof value === 'string' && PAGE_SIZES[value.toUpperCase()]) return { value: PAGE_SIZES[value.toUpperCase()] };
      if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n > 0)) return { value };
      return { error: `expected ${Object.keys(PAGE_SIZES).join(', ')} or [width, height] in mm` };
    }
    default:
      return { error: 'expected a scalar' };
  }
}
