/**
 * Every key a layout file (`layout.yaml`) may hold: its type, default, meaning and the message
 * a wrong value gets, declared once as a valibot schema.
 *
 * The loader (layout.ts) parses the merged `extends` chain with it, which fills the defaults
 * and turns lengths, 字号 and paper names into points (and each file on its own when that
 * fails, to name the file at fault); the TypeScript types of a layout are inferred from it; and
 * templates/README.md's key reference is generated from it (docs.ts, npm run docs), with a test
 * that the README is current.
 */
import * as v from 'valibot';
import Handlebars from 'handlebars';
import { parseFontSize, parseLength, parseLineHeight, PAGE_SIZES } from './units.js';
import { suggest } from './suggest.js';

/** Meaning (and an example) of a key, carried by the schema into the key reference. */
const doc = <S extends v.GenericSchema>(schema: S, meaning: string, example?: string) =>
  v.pipe(schema, v.description(meaning), v.metadata({ example }));

// Value kinds. Each carries its name in the key reference as its title.
const TEXT = 'expected text';
const text = v.pipe(v.string(TEXT), v.title('text'));
const flag = v.pipe(v.boolean('expected true or false'), v.title('true/false'));

const number = (min: number, max: number) =>
  v.pipe(v.number('expected a number'), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`), v.title('number'));
const integer = (min: number, max: number) =>
  v.pipe(v.number('expected a whole number'), v.integer('expected a whole number'), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`), v.title('integer'));

const oneOf = <const T extends string>(values: readonly T[]) => v.picklist(values, `expected one of ${values.join(', ')}`);

/** A value the units module turns into points (or a line height); `undefined` from it is a mistake. */
const unit = <T>(parse: (value: unknown) => T | undefined, title: string, message: string) =>
  v.pipe(v.custom<number | string>((value) => parse(value) !== undefined, message), v.transform((value) => parse(value)!), v.title(title));

const length = unit(parseLength, 'length', 'expected a length such as 12pt, 25mm or 1in');
const positive = (size: number | undefined) => (size !== undefined && size > 0 ? size : undefined);
const fontSize = unit((value) => positive(parseFontSize(value)), 'font size', 'expected a font size: points, a length, or a 字号 such as 三号');
const lineHeight = unit(parseLineHeight, 'line height', 'expected a multiple such as 1.5 or an exact pitch such as 28pt');

const PAPER = `expected ${Object.keys(PAGE_SIZES).join(', ')} or [width, height] in mm`;
const pageSize = v.pipe(
  v.custom<string | [number, number]>((value) => (typeof value === 'string' ? Object.hasOwn(PAGE_SIZES, value.toUpperCase()) : Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n > 0)), PAPER),
  v.transform((value): [number, number] => (typeof value === 'string' ? PAGE_SIZES[value.toUpperCase()]! : value)),
  v.title('paper size'),
);

const COLOUR = 'expected a colour such as #1a1a1a, or null';
const colour = v.pipe(v.string(COLOUR), v.regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, COLOUR), v.toLowerCase(), v.title('colour'));

/** The first line of Handlebars' complaint about `source`, or undefined when it parses. */
function handlebarsError(source: string): string | undefined {
  try {
    Handlebars.parse(source);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}
const template = v.pipe(v.string(TEXT), v.check((s) => handlebarsError(s) === undefined, (issue) => `Handlebars: ${handlebarsError(issue.input as string)}`), v.title('Handlebars text'));

const list = <S extends v.GenericSchema>(item: S) => v.array(item, 'expected a list');

/**
 * A mapping with a fixed set of keys. An unknown key is named with the nearest known one, so a
 * typo reads as one (`orientaton` -> did you mean "orientation"?).
 */
const mapping = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return `unknown key${suggest(String(issue.input), Object.keys(entries))}`;
    if (issue.input === undefined) return `missing key ${issue.expected}`;
    return 'expected a mapping of keys';
  });

/** Text styles by role; what each is for. */
const ROLES = {
  body: 'Body paragraphs.',
  title: 'Document title on the cover and title block.',
  subtitle: 'The meeting line under the title.',
  speaker: 'The speaker line.',
  heading1: 'Parts (一、) and appendix titles.',
  heading2: 'Sections (（一）).',
  heading3: 'Numbered titles (1.).',
  heading4: 'Numbered titles ((1)).',
  table: 'Table cells.',
  tableHeader: 'Table header cells.',
  caption: 'Table captions.',
  header: 'Running header.',
  footer: 'Running footer (page numbers).',
  tocTitle: 'The title of the table of contents.',
  toc1: 'Table of contents entries for depth 1.',
  toc2: 'Table of contents entries for depth 2.',
  toc3: 'Table of contents entries for depth 3.',
  toc4: 'Table of contents entries for depth 4.',
  glossaryTerm: 'Glossary terms.',
  glossaryDefinition: 'Glossary definitions.',
} as const;
export type StyleName = keyof typeof ROLES;
export const STYLE_NAMES = Object.keys(ROLES) as readonly StyleName[];

const ALIGN = ['left', 'center', 'right', 'justify'] as const;
const PAGE_ALIGN = ['left', 'center', 'right', 'outside', 'inside'] as const;

/** Style properties. `body` gives each a default; every other role takes what it leaves out from `body`. */
const STYLE = {
  font: doc(text, 'Key of an entry under `fonts`.', 'sans'),
  size: doc(fontSize, 'Font size: points, a length, or a 字号 name (三号 = 16 pt).', '三号'),
  bold: doc(flag, 'Use the font\'s bold face (the font must name one: PDF cannot fake bold).'),
  color: doc(colour, 'Text colour, `#rrggbb`.', '#1f3a5f'),
  lineHeight: doc(lineHeight, 'A multiple of the font size (1.6), or an exact line pitch as a length (28.95pt).', '1.6'),
  indent: doc(number(0, 10), 'First-line indent in characters (2 is the Chinese convention).', '2'),
  spaceBefore: doc(length, 'Space above, as a length.', '12pt'),
  spaceAfter: doc(length, 'Space below, as a length.', '6pt'),
  align: doc(oneOf(ALIGN), 'Alignment.'),
  characterSpacing: doc(length, 'Extra space between characters (negative tightens), as a length.', '-0.2pt'),
};
const body = v.pipe(
  mapping({
    font: v.optional(STYLE.font, 'serif'),
    size: v.optional(STYLE.size, 11),
    bold: v.optional(STYLE.bold, false),
    color: v.optional(STYLE.color, '#1a1a1a'),
    lineHeight: v.optional(STYLE.lineHeight, 1.75),
    indent: v.optional(STYLE.indent, 2),
    spaceBefore: v.optional(STYLE.spaceBefore, 0),
    spaceAfter: v.optional(STYLE.spaceAfter, 4),
    align: v.optional(STYLE.align, 'justify'),
    characterSpacing: v.optional(STYLE.characterSpacing, 0),
  }),
  v.description(ROLES.body),
);
const role = (name: Exclude<StyleName, 'body'>) => v.optional(v.pipe(v.partial(mapping(STYLE)), v.description(ROLES[name])));
const roles = Object.fromEntries(STYLE_NAMES.slice(1).map((name) => [name, role(name as Exclude<StyleName, 'body'>)])) as Record<Exclude<StyleName, 'body'>, ReturnType<typeof role>>;

const font = v.pipe(
  mapping({
    regular: doc(text, 'Regular face: `npm:<package>/<file>` (an installed npm package), a path relative to the template folder, or an absolute path to a font you own.', 'npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    bold: v.nullish(doc(text, 'Bold face, same forms as `regular`; needed by any style with `bold: true`.')),
    word: v.optional(doc(list(doc(text, 'A font name.')), 'Names for DOCX, most wanted first: the first is set on the text (East Asian and Latin), the rest are declared as alternatives.', '[仿宋_GB2312, FangSong]'), []),
    css: v.nullish(doc(text, 'CSS font-family stack for HTML and EPUB.', '"Noto Serif SC", "Songti SC", SimSun, serif')),
  }),
  v.description('One font.'),
);

/** A section of the layout: a mapping that may be left out (its keys then take their defaults). */
const section = <E extends v.ObjectEntries>(meaning: string, entries: E) => {
  const schema = v.pipe(mapping(entries), v.description(meaning));
  return v.optional(schema, {} as v.InferInput<typeof schema>);
};

export const LAYOUT = v.pipe(
  mapping({
    extends: v.nullish(doc(text, 'Name of a template in `templates/` (or a path relative to this folder) whose layout this one starts from; only the keys given here change.', 'default')),
    description: v.nullish(doc(text, 'One line saying what the layout is for.')),
    page: section('Paper and margins (PDF and DOCX).', {
      size: v.optional(doc(pageSize, `Paper size: ${Object.keys(PAGE_SIZES).join(', ')}, or [width, height] in millimetres.`, 'A5'), 'A4'),
      orientation: v.optional(doc(oneOf(['portrait', 'landscape']), 'Page orientation.'), 'portrait'),
      margin: section('Margins as lengths. `left` is the binding side on every page (公文 practice).', {
        top: v.optional(doc(length, 'Top margin (天头).', '37mm'), '25mm'),
        bottom: v.optional(doc(length, 'Bottom margin.', '35mm'), '25mm'),
        left: v.optional(doc(length, 'Left margin (订口).', '28mm'), '25mm'),
        right: v.optional(doc(length, 'Right margin.', '26mm'), '25mm'),
      }),
    }),
    fonts: v.optional(doc(v.record(v.string(), font, 'expected a mapping of keys'), 'Font faces the styles refer to, by a key of your choosing. Files are TrueType/OpenType (.ttf, .otf) or WOFF (.woff), embedded as subsets in the PDF. The key `fallback` is the fallback font: characters a style\'s own face lacks are drawn from it, in the PDF and the summary (the default layout\'s is Noto Serif JP, `npm:@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf` and `700Bold`, for CJK Extension B such as 𠮷); its `word` and `css` names are added where the DOCX, HTML and EPUB need them.', 'song'), {}),
    styles: section('Text styles by role. Every style takes what it leaves out from `body`.', { body: v.optional(body, {}), ...roles }),
    headings: section('How headings are shown.', {
      numbering: v.optional(doc(oneOf(['keep', 'strip']), '`keep` prints the report\'s own numbering (一、 （一）); `strip` hides it.'), 'keep'),
      runIn: v.optional(doc(oneOf(['source', 'never']), '`source` runs a heading into its paragraph where the report did (（一）标题。正文…); `never` sets every heading on its own line.'), 'source'),
    }),
    typesetting: section('How the PDF sets lines of text.', {
      grid: v.optional(doc(flag, 'Set body text on a character grid (公文: 28 characters a line): a full line holds as many characters as whole cells (size plus character spacing) fit its width, however many of its marks are compressed; a closing mark may still be squeezed in at the end. With `false` compressed marks make room for more text.'), false),
    }),
    cover: section('The cover page (PDF) and title block (DOCX, HTML).', {
      enabled: v.optional(doc(flag, 'Print a cover page. With `false` the cover lines become a title block at the top of the first page (公文 style).'), true),
      lines: v.optional(
        doc(
          list(v.pipe(mapping({
            text: doc(template, 'Handlebars text.', '{{title}}'),
            style: v.optional(doc(oneOf(STYLE_NAMES), 'Style of the line.'), 'body'),
          }), v.description('A cover line.'))),
          'Lines of the cover, top to bottom. `text` is Handlebars over the metadata (`title`, `headline` (the page headline, when it names more than the printed title), `subtitle`, `date`, `meeting`, `speaker.role`, `speaker.name`, `issuer`, `published`, `source`); a line that comes out empty is left out, so a report without a speaker has no speaker line.',
        ),
        [
          { text: '{{title}}', style: 'title' },
          { text: '{{#if subtitle}}——{{subtitle}}{{/if}}', style: 'subtitle' },
          { text: '{{speaker.role}} {{speaker.name}}', style: 'speaker' },
        ],
      ),
      top: v.optional(doc(length, 'Distance from the top margin to the first cover line.', '80mm'), '60mm'),
    }),
    header: section('Running header, on every page but the cover.', {
      text: v.optional(doc(template, 'Handlebars over the metadata plus `page` and `pages`; empty for no header.', '{{title}}'), '{{title}}'),
      align: v.optional(doc(oneOf(PAGE_ALIGN), '`outside` is right on odd pages and left on even pages; `inside` the reverse.'), 'center'),
      rule: v.optional(doc(flag, 'Draw a thin rule under the header.'), true),
    }),
    footer: section('Running footer, on every page but the cover.', {
      text: v.optional(doc(template, 'Handlebars over the metadata plus `page` and `pages`.', '— {{page}} —'), '{{page}}'),
      align: v.optional(doc(oneOf(PAGE_ALIGN), '`outside`: right on odd pages, left on even pages (公文 page numbers).'), 'center'),
      inset: v.optional(doc(number(0, 10), 'Distance from the type area\'s edge, in characters of the footer style (公文: 1).'), 0),
      distance: v.optional(doc(length, 'Distance from the bottom of the type area to the footer baseline.', '7mm'), '10mm'),
    }),
    toc: section('Table of contents.', {
      enabled: v.optional(doc(flag, 'Print a table of contents after the cover.'), true),
      depth: v.optional(doc(integer(1, 4), 'Deepest heading level listed.'), 2),
      title: v.optional(doc(text, 'Its title.'), '目录'),
    }),
    table: section('Tables.', {
      borderWidth: v.optional(doc(length, 'Width of the cell borders.', '0.75pt'), 0.5),
      borderColor: v.optional(doc(colour, 'Colour of the cell borders.'), '#8a8f98'),
      headerFill: v.optional(v.nullable(doc(colour, 'Background of the header row; `null` for none.')), '#e8edf3'),
      stripeFill: v.optional(v.nullable(doc(colour, 'Background of every second body row; `null` for none.', '#f7f7f7')), null),
      cellPadding: v.optional(doc(length, 'Space inside each cell.', '3pt'), 4),
    }),
    summary: section('The one-page summary.', {
      blocks: v.optional(
        doc(list(oneOf(['headline', 'chart', 'targets', 'priorities', 'projects'])), 'Which blocks appear, in order: `headline` (last year\'s figures), `chart`, `targets` (this year\'s goals), `priorities` (the plan\'s sections), `projects` (民生实事). A block the report has nothing for is left out.', '[targets, priorities]'),
        ['headline', 'chart', 'targets', 'priorities', 'projects'],
      ),
      maxItems: v.optional(doc(integer(1, 40), 'Longest list shown in a block; the rest is counted as “…另有 N 项”.'), 12),
      minFontSize: v.optional(doc(length, 'Smallest type the summary may shrink to before it shortens lists instead.'), 7.5),
    }),
    epub: section('EPUB packaging.', {
      embedFonts: v.optional(doc(flag, 'Embed the layout\'s fonts in the EPUB (large: a full CJK font is over 10 MB).'), false),
    }),
  }),
  v.description('A layout file.'),
);

/** A layout file's keys after parsing: defaults filled, lengths in points, paper size in mm. */
export type LayoutData = v.InferOutput<typeof LAYOUT>;
/** A style with every property present (as `body` has them). */
export type Style = v.InferOutput<typeof body>;
export type Align = Style['align'];
export type PageAlign = LayoutData['header']['align'];
