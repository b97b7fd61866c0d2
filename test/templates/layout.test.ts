import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplate } from '../../pipeline/templates/index.js';
import { withKeyReference } from '../../pipeline/templates/docs.js';
import { ReportError } from '../../pipeline/errors.js';
import { MM } from '../../pipeline/templates/units.js';
import { ROOT } from '../helpers.js';

const require = createRequire(import.meta.url);

/** A template folder extending default with the given layout.yaml text (and extra files). */
function template(layout: string, files: Record<string, string> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rp-tpl-')), 'mine');
  mkdirSync(dir);
  writeFileSync(join(dir, 'layout.yaml'), layout);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function error(dir: string): string {
  try {
    loadTemplate(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    return (e as ReportError).format();
  }
  throw new Error('loaded without error');
}

describe('layout files', () => {
  it('loads default with every length in points', () => {
    const { layout } = loadTemplate('default', ROOT);
    expect(layout.page.width).toBeCloseTo(210 * MM, 3);
    expect(layout.styles.body.indent).toBe(2);
    expect(layout.styles.heading1.font).toBe('sans');
    expect(layout.styles.table.lineHeight).toEqual({ multiple: 1.45 });
  });

  it('loads official: GB/T 9704 geometry, 字号 sizes and an exact line pitch', () => {
    const { layout, chain } = loadTemplate('official', ROOT);
    expect(chain.map((d) => d.split('/').pop())).toEqual(['official', 'default']);
    expect(layout.page.margin.top / MM).toBeCloseTo(37, 5);
    expect(layout.page.margin.left / MM).toBeCloseTo(28, 5);
    expect((layout.page.width - layout.page.margin.left - layout.page.margin.right) / MM).toBeCloseTo(156, 5);
    expect((layout.page.height - layout.page.margin.top - layout.page.margin.bottom) / MM).toBeCloseTo(225, 5);
    expect(layout.styles.body.size).toBe(16);
    expect(layout.styles.title.size).toBe(22);
    expect(layout.styles.body.lineHeight).toEqual({ exact: 28.9 });
    expect(layout.footer.align).toBe('outside');
  });

  it('extends: a child overrides only the keys it names', () => {
    const { layout } = loadTemplate(template('extends: default\npage: {size: A5}\nstyles:\n  body: {size: 10pt}\n'));
    expect(layout.page.width).toBeCloseTo(148 * MM, 3);
    expect(layout.page.margin.top).toBeCloseTo(25 * MM, 3);
    expect(layout.styles.body.size).toBe(10);
    expect(layout.styles.body.font).toBe('serif');
    expect(layout.styles.heading1.size).toBe(16);
  });

  it('extends: a child may change one face of a font its parent names', () => {
    const { layout } = loadTemplate(template('extends: default\nfonts:\n  serif: {bold: "npm:@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf"}\n'));
    expect(layout.fonts.serif!.bold).toMatch(/NotoSerifSC_600SemiBold\.ttf$/);
    expect(layout.fonts.serif!.regular).toMatch(/NotoSerifSC_400Regular\.ttf$/);
  });

  it.each([
    ['an unknown key, with a suggestion', 'extends: default\npage:\n  orientaton: portrait\n', /layout\.yaml:3:3: error: page\.orientaton: unknown key \(did you mean "orientation"\?\)/],
    ['a wrong type', 'extends: default\nstyles:\n  body: {size: huge}\n', /layout\.yaml:3:\d+: error: styles\.body\.size: expected a font size/],
    ['a bad colour', 'extends: default\ntable: {borderColor: red}\n', /table\.borderColor: expected a colour/],
    ['a missing font file', 'extends: default\nfonts:\n  serif: {regular: fonts/none.ttf}\n', /layout\.yaml:3:\d+: error: fonts\.serif\.regular: font file not found/],
    ['an unknown font key', 'extends: default\nstyles:\n  body: {font: kai}\n', /styles\.body\.font: no font "kai"/],
    ['bold without a bold face', 'extends: default\nfonts:\n  plain: {regular: "npm:@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"}\nstyles:\n  heading1: {font: plain}\n', /styles\.heading1\.bold: font "plain" has no bold face/],
    ['a Handlebars error in a layout string', 'extends: default\nfooter: {text: "{{#if page}}x"}\n', /footer\.text: Handlebars/],
    ['YAML that does not parse', 'extends: default\npage: [\n', /layout\.yaml:\d+:\d+: error: not valid YAML/],
    ['an unknown parent', 'extends: nowhere\n', /extends: no template "nowhere"/],
    ['a font without a regular face', 'extends: default\nfonts:\n  kai: {bold: kai.ttf}\n', /layout\.yaml:3:3: error: fonts\.kai: missing key "regular"/],
    ['a list where a mapping belongs', 'extends: default\npage: [A4]\n', /layout\.yaml:2:1: error: page: expected a mapping of keys/],
    ['the first of two mistakes in the file', 'extends: default\nzoom: 2\npage: {orientaton: portrait}\n', /layout\.yaml:2:1: error: zoom: unknown key/],
  ])('reports %s with file, line and key', (_what, layout, pattern) => {
    expect(error(template(layout))).toMatch(pattern);
  });

  it.each([
    ['not a font at all', () => Buffer.from('<html>404 Not Found</html>'), /fonts\.serif\.regular: not a TrueType, OpenType or WOFF font/],
    ['a font cut short (a download that stopped)', (font: Buffer) => font.subarray(0, 30000), /fonts\.serif\.regular: damaged font \(a table lies past the end of the file\)/],
  ])('names the key and file of a font that is %s', (_what, damage, pattern) => {
    const dir = template('extends: default\nfonts:\n  serif: {regular: fonts/broken.ttf}\n', { 'fonts/broken.ttf': '' });
    const font = readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'));
    writeFileSync(join(dir, 'fonts/broken.ttf'), damage(font));
    const message = error(dir);
    expect(message).toMatch(pattern);
    expect(message).toContain('broken.ttf');
  });

  it('names the file of the chain that holds the mistake', () => {
    const child = template('extends: ../base\ndescription: mine\n');
    mkdirSync(join(child, '..', 'base'));
    writeFileSync(join(child, '..', 'base', 'layout.yaml'), 'extends: default\npage:\n  margin: {top: 2 furlongs}\n');
    expect(error(child)).toMatch(/\/base\/layout\.yaml:3:\d+: error: page\.margin\.top: expected a length/);
  });

  it('points at the same line when the layout data comes from the cache (a second load)', () => {
    const layout = `# ${Math.random()}\nextends: default\npage:\n  orientaton: portrait\n`;
    const first = error(template(layout));
    expect(first).toMatch(/layout\.yaml:4:3: error: page\.orientaton: unknown key/);
    expect(error(template(layout)).replace(/^.*layout\.yaml/, 'layout.yaml')).toBe(first.replace(/^.*layout\.yaml/, 'layout.yaml'));
  });

  it('reports a missing template folder', () => {
    expect(error('/no/such/template')).toMatch(/^\/no\/such\/template: error: template .* does not exist/);
  });
});

describe('Handlebars files', () => {
  it('renders with the genre helpers and partials of the chain', () => {
    const t = loadTemplate(template('extends: default\n', { 'partials/who.hbs': '{{speaker.name}}', 'x.hbs': '{{cnDate date}} {{cnNumber 12}} {{number 3070.56 2}} {{> who}} {{default issuer "无"}}' }));
    expect(t.render('x.hbs', { date: '2025-02-26', speaker: { name: '叶珊瑚' } })).toBe('2025年2月26日 十二 3,070.56 叶珊瑚 无');
  });

  it.each([
    ['a syntax error', { 'web/x.hbs': 'a\n{{#each}}{{/if}}\n' }, /web\/x\.hbs:2: error: Handlebars/],
    ['a missing partial', { 'web/x.hbs': '\n\n  {{> masthead}}' }, /web\/x\.hbs:3:3: error: partial "masthead" not found/],
    ['an unknown helper', { 'web/x.hbs': '{{shout title}}' }, /web\/x\.hbs:1:1: error: unknown helper "shout"/],
  ])('rejects %s at load, naming the file and line', (_what, files, pattern) => {
    expect(error(template('extends: default\n', files))).toMatch(pattern);
  });

  it('keeps prototype access closed', () => {
    const t = loadTemplate(template('extends: default\n', { 'x.hbs': '{{constructor.name}}|{{title.constructor}}' }));
    expect(t.render('x.hbs', { title: 't' })).toBe('|');
  });
});

describe('templates/README.md', () => {
  it('documents every key (the generated reference is current: npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'templates/README.md'), 'utf8');
    expect(withKeyReference(readme)).toBe(readme);
  });
});
