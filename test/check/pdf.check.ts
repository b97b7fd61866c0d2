/**
 * The PDF read by poppler and qpdf, the way the acceptance criteria read it: every font
 * embedded, subset and with a Unicode map (pdffonts); A4, Title, Author, /Lang (pdfinfo);
 * a sound file structure and a bookmark for every heading (qpdf); every body line in the text in order (pdftotext -raw);
 * no line breaking the Chinese line rules (pdftotext -layout); the official layout's type
 * area, 29 cells a line (28 characters and the line's usual mark), 22 lines a page and `— N —` numbers (pdftotext -layout and -bbox);
 * and a page drawn by pdftoppm without complaint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Heading } from 'mdast';
import { CASES, ROOT, bodyLines, coverage, fold, han, publication } from '../helpers.js';
import { loadTemplate } from '../../pipeline/templates/index.js';
import { publicationDate } from '../../pipeline/render/shared/dates.js';
import { write } from '../../pipeline/render/pdf/index.js';

const TEMPLATES = ['default', 'official'] as const;
const work = mkdtempSync(join(tmpdir(), 'rp-pdf-check-'));
const pdfOf = (name: string, template: string) => join(work, `${name}.${template}.pdf`);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const NO_START = new Set([...'，。、；：？！）》」』〕】〉’”,.;:?!)']);
const NO_END = new Set([...'（《「『〔【〈‘“(']);

beforeAll(async () => {
  for (const template of TEMPLATES) {
    const t = loadTemplate(template, ROOT);
    for (const c of CASES) {
      const pub = publication(c.path);
      const [file] = await write(pub, { template: t, date: publicationDate(pub.meta, {}), warn: () => {} });
      writeFileSync(pdfOf(pub.name, template), file!.data);
    }
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function info(pdf: string): Record<string, string> {
  return Object.fromEntries(run('pdfinfo', [pdf]).split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

interface Outline {
  title: string;
  kids?: Outline[];
}

describe.each(TEMPLATES)('poppler reads the PDF (%s template)', (template) => {
  describe.each(CASES)('$name', (c) => {
    const pub = publication(c.path);
    const pdf = () => pdfOf(pub.name, template);

    it('has A4 pages, its title and author, and /Lang', () => {
      const i = info(pdf());
      expect(i['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
      expect(fold(i.Title ?? '')).toBe(fold(pub.meta.title!));
      expect(i.Author).toBeTruthy();
      expect(statSync(pdf()).size).toBeLessThan(1_500_000);
      expect(run('qpdf', ['--check', pdf()])).toMatch(/No syntax or stream encoding errors/);
    });

    it('embeds every font as a subset with a Unicode map', () => {
      const rows = run('pdffonts', [pdf()]).split('\n').slice(2).filter((l) => l.trim());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
    });

    it('has a bookmark for every heading, in order', () => {
      const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', pdf()])) as { outlines: Outline[] };
      const flat = (items: Outline[]): string[] => items.flatMap((i) => [i.title, ...flat(i.kids ?? [])]);
      const headings = pub.tree.children.filter((n): n is Heading => n.type === 'heading');
      expect(flat(json.outlines).map(fold)).toEqual(headings.map((h) => fold((h.children[0] as { value: string }).value)));
    });

    it('holds every body line in its text, in order (pdftotext -raw)', () => {
      const { hit, total, missing } = coverage(bodyLines(c), han(run('pdftotext', ['-raw', pdf(), '-'])));
      expect(missing).toEqual([]);
      expect(hit).toBe(total);
    });

    it('breaks no line against the Chinese line rules (pdftotext -layout)', () => {
      const bad: string[] = [];
      for (const line of run('pdftotext', ['-layout', pdf(), '-']).split('\n')) {
        const s = line.trim();
        if (!s) continue;
        if (NO_START.has(s[0]!) && /[\u4e00-\u9fff]/.test(s)) bad.push(s.slice(0, 20));
        if (NO_END.has(s[s.length - 1]!)) bad.push(s.slice(-20));
      }
      expect(bad).toEqual([]);
    });

    it('draws its pages without complaint (pdftoppm)', () => {
      const r = spawnSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '3', pdf(), join(work, `${pub.name}.${template}`)], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr.trim()).toBe('');
    });
  });
});

describe('the official layout measured by poppler (the seed)', () => {
  const pdf = () => pdfOf('panyu-2025', 'official');
  const MM = 72 / 25.4;

  it('starts the text 28 mm from the left and 37 mm from the top of a middle page', () => {
    const pages = Number(info(pdf()).Pages);
    const middle = String(Math.floor(pages / 2));
    const bbox = run('pdftotext', ['-bbox', '-f', middle, '-l', middle, pdf(), '-']);
    const xs = [...bbox.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
    const ys = [...bbox.matchAll(/yMin="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeCloseTo(28 * MM, 0);
    expect(Math.min(...ys)).toBeCloseTo(37 * MM, 0);
  });

  it('sets 22 lines a page, 29 cells (28 characters and a mark) a full line, and — N — page numbers', () => {
    const pages = run('pdftotext', ['-layout', pdf(), '-']).split('\f');
    const middle = pages.slice(Math.floor(pages.length / 3), Math.floor((2 * pages.length) / 3));
    const lines = middle.map((p) => p.split('\n').filter((l) => han(l)).length);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(lines)).toBe(22);
    // A cell is a Han character or full-width mark; half-width digits and letters take half.
    const cells = (l: string) => [...l.trim()].reduce((n, ch) => n + (ch === ' ' ? 0 : ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
    const full = middle.flatMap((p) => p.split('\n')).filter((l) => han(l).length >= 20).map(cells);
    expect(median(full)).toBeGreaterThanOrEqual(28.5);
    expect(median(full)).toBeLessThanOrEqual(29.5);
    // Han characters of a full line: 29 cells less its marks, about 26 (07-templates).
    const hanPerLine = middle.flatMap((p) => p.split('\n')).map((l) => han(l).length).filter((n) => n >= 20);
    expect(median(hanPerLine)).toBeGreaterThanOrEqual(26);
    for (const p of middle) expect(p).toMatch(/—\s*\d+\s*—/);
  });
});
