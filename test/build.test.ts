/**
 * Whole builds: every format, twice, gives the same files with the same bytes; a copy of the
 * default template with another page size and body size changes the PDF and the DOCX
 * accordingly (the walk-through of templates/README.md, done by a test).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { buildSource } from '../pipeline/build.js';
import { FORMATS } from '../pipeline/render/index.js';
import { loadTemplate } from '../pipeline/templates/index.js';
import { MM } from '../pipeline/templates/units.js';
import { CASES, ROOT, SEED } from './helpers.js';
import { open, pageLines } from './render/pdf/helpers.js';

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return out;
}

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `rp-${prefix}-`));

describe('a whole build', () => {
  it.each([
    ['default', CASES[0]!.path],
    ['official', CASES[3]!.path],
  ])('is byte-identical when repeated (%s template)', async (name, source) => {
    const template = loadTemplate(name, ROOT);
    const [a, b] = [temp('det-a'), temp('det-b')];
    await buildSource(source, { out: a, formats: FORMATS, template });
    await buildSource(source, { out: b, formats: FORMATS, template: loadTemplate(name, ROOT) });
    const fa = files(a);
    const fb = files(b);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    const kinds = new Set([...fa.keys()].map((f) => f.replace(/^.*?(\.summary)?\.(\w+)$/, '$1.$2')));
    for (const kind of ['.md', '.html', '.epub', '.docx', '.pdf', '.summary.pdf', '.summary.html', '.summary.json', '.xhtml', '.css']) expect(kinds).toContain(kind);
    const differing = [...fa.keys()].filter((f) => !fa.get(f)!.equals(fb.get(f)!));
    expect(differing).toEqual([]);
  });
});

describe('a new layout made by copying default', () => {
  it('changes the PDF and DOCX page size and body type as its layout says', async () => {
    const dir = temp('copy');
    const mine = join(dir, 'mine');
    cpSync(join(ROOT, 'templates/default'), mine, { recursive: true });
    const layout = join(mine, 'layout.yaml');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace(/^  size: A4$/m, '  size: A5').replace(/^(  body: \{font: serif, size: )11pt/m, '$110pt'));
    const template = loadTemplate(mine);
    expect(template.layout.page.width).toBeCloseTo(148 * MM, 3);
    expect(template.layout.styles.body.size).toBe(10);

    const out = temp('copy-out');
    await buildSource(SEED, { out, formats: ['pdf', 'docx'], template });

    const pdf = await open(new Uint8Array(readFileSync(join(out, 'panyu-2025/panyu-2025.pdf'))));
    const page = await pdf.getPage(Math.ceil(pdf.numPages / 2));
    const [, , width, height] = page.view;
    expect(width).toBeCloseTo(148 * MM, 0);
    expect(height).toBeCloseTo(210 * MM, 0);
    const sizes = (await pageLines(pdf, Math.ceil(pdf.numPages / 2))).map((l) => Math.round(l.size * 10) / 10);
    const common = [...sizes].sort((x, y) => sizes.filter((s) => s === y).length - sizes.filter((s) => s === x).length)[0];
    expect(common).toBe(10);

    const docx = unzipSync(new Uint8Array(readFileSync(join(out, 'panyu-2025/panyu-2025.docx'))));
    const document = strFromU8(docx['word/document.xml']!);
    const styles = strFromU8(docx['word/styles.xml']!);
    expect(document).toMatch(new RegExp(`<w:pgSz w:w="${Math.round(148 * MM * 20)}" w:h="${Math.round(210 * MM * 20)}"`));
    const normal = /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(normal).toMatch(/<w:sz w:val="20"\/>/);
  });
});
