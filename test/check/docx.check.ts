/**
 * The DOCX opened by a real client: LibreOffice (headless) converts each fixture's DOCX, with
 * the default and the official template, to PDF without error; the PDF's text holds every
 * body line in order (Han characters as a subsequence, the acceptance measure); its contents
 * show page numbers, each the page the heading is on; the default layout's text is set in a
 * serif CJK face; and its bookmarks are the headings, one for each, in order (LibreOffice makes
 * them from the outline levels of the heading styles).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { CASES, ROOT, bodyLines, coverage, fold, han, publication } from '../helpers.js';
import { loadTemplate } from '../../pipeline/templates/index.js';
import { publicationDate } from '../../pipeline/render/shared/dates.js';
import { write } from '../../pipeline/render/docx/index.js';

const TEMPLATES = ['default', 'official'] as const;
const work = mkdtempSync(join(tmpdir(), 'rp-docx-check-'));
const pdfOf = (name: string, template: string) => join(work, `${name}.${template}.pdf`);

beforeAll(async () => {
  const files: string[] = [];
  for (const template of TEMPLATES) {
    const t = loadTemplate(template, ROOT);
    for (const c of CASES) {
      const pub = publication(c.path);
      const [file] = await write(pub, { template: t, date: publicationDate(pub.meta, {}), warn: () => {} });
      const path = join(work, `${pub.name}.${template}.docx`);
      writeFileSync(path, file!.data);
      files.push(path);
    }
  }
  // One LibreOffice run for all files, with a profile of its own (no clash with a running office).
  const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, ...files], { encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`soffice exited ${r.status}: ${r.stderr}`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Outline {
  title: string;
  kids?: Outline[];
}

function outline(pdf: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8' })) as { outlines: Outline[] };
  const flat = (items: Outline[]): string[] => items.flatMap((i) => [i.title, ...flat(i.kids ?? [])]);
  return flat(json.outlines);
}

describe.each(TEMPLATES)('LibreOffice opens the DOCX (%s template)', (template) => {
  describe.each(CASES)('$name', (c) => {
    const pub = publication(c.path);

    it('converts to PDF', () => {
      expect(existsSync(pdfOf(pub.name, template))).toBe(true);
    });

    it('shows every body line, in order', () => {
      const text = execFileSync('pdftotext', ['-raw', pdfOf(pub.name, template), '-'], { encoding: 'utf8' });
      const { hit, total, missing } = coverage(bodyLines(c), han(text));
      expect(missing).toEqual([]);
      expect(hit).toBe(total);
    });

    it('numbers the pages in the footer from the fields (none on a cover)', () => {
      const pdf = pdfOf(pub.name, template);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      if (template === 'default') {
        expect(page(1)).not.toMatch(/\d+\s*\/\s*\d+/);
        expect(page(2)).toContain(`2 / ${pages}`);
        expect(page(pages)).toContain(`${pages} / ${pages}`);
      } else {
        expect(page(1)).toMatch(/—\s*1\s*—/);
        expect(page(2)).toMatch(/—\s*2\s*—/);
      }
    });

    it('shows the page number of every contents entry, the page LibreOffice set its heading on', () => {
      const pdf = pdfOf(pub.name, template);
      const headings = pub.tree.children.filter((n) => n.type === 'heading' && n.depth <= 2).map((h) => fold(toString(h)).replace(/。$/, ''));
      if (!loadTemplate(template, ROOT).layout.toc.enabled || !headings.length) return;
      const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      const text = [1, 2, 3, 4, 5, 6].map(page).join('\n');
      // An entry that wraps has its number on its last line.
      const entries: Array<{ title: string; page: number }> = [];
      let pending = '';
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        const m = /^\s*(\S.*?)\s+(\d+)\s*$/.exec(line);
        if (m && headings.includes(fold(pending + m[1]!))) entries.push({ title: fold(pending + m[1]!), page: Number(m[2]) });
        pending = !m && headings.some((h) => h.startsWith(fold(pending + line))) ? pending + line : '';
      }
      expect(headings.filter((h) => !entries.some((e) => e.title === h))).toEqual([]);
      for (const e of entries) expect(fold(page(e.page)), `${e.title} on page ${e.page}`).toContain(e.title);
    });

    it('sets the text in a serif CJK face', () => {
      if (template !== 'default') return;
      expect(execFileSync('pdffonts', [pdfOf(pub.name, template)], { encoding: 'utf8' })).toMatch(/Serif\S*CJK/i);
    });

    it('has a bookmark for every heading, in order', () => {
      const headings = pub.tree.children.filter((n) => n.type === 'heading').map((h) => fold(toString(h)));
      expect(outline(pdfOf(pub.name, template)).map((t) => fold(t).replace(/。$/, ''))).toEqual(headings);
    });
  });
});
