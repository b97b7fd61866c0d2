/**
 * `make` as people use it, in a scratch project (the Makefile, bin/ and the compiled pipeline
 * of this checkout, its own source/ and output/): reports with odd and hostile names build,
 * deleted outputs come back, switching the template or the formats never leaves a folder
 * mixing two builds, a removed source takes its outputs, a bad source fails the run but not
 * the others. After every make: exactly the right files, `make -q` exits 0, and a second make
 * does nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED } from './helpers.js';
import { listRecords } from '../pipeline/record.js';

const NAMES = ['a b', "it's", '番禺 政府', '-x', 'q$x', 'y$(shell\ttouch\tPWNED)'];
const ALL = ['md', 'html', 'epub', 'docx', 'pdf', 'summary'];

let project: string;
const out = () => join(project, 'output');

/** make in the project, without the make that may be running the tests leaking its flags in. */
function make(...args: string[]) {
  const env = { ...process.env };
  for (const key of ['MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES']) delete env[key];
  const r = spawnSync('make', ['--no-print-directory', ...args], { cwd: project, encoding: 'utf8', env, timeout: 300_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** What `<out>/<name>/` must hold for these formats (a folder shows as `html/`). */
function expected(name: string, formats: string[]): string[] {
  const files: Record<string, string[]> = {
    md: [`${name}.md`],
    html: ['html/', `${name}.html`],
    epub: [`${name}.epub`],
    docx: [`${name}.docx`],
    pdf: [`${name}.pdf`],
    summary: [`${name}.summary.pdf`, `${name}.summary.html`, `${name}.summary.json`],
  };
  return formats.flatMap((f) => files[f]!).sort();
}

/** Every report folder under output/ and what it holds. */
function listing(): Record<string, string[]> {
  if (!existsSync(out())) return {};
  const folders = readdirSync(out(), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== '.reportpress');
  return Object.fromEntries(folders.map((d) => [d.name, readdirSync(join(out(), d.name), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort()]));
}

/** Modification times of every file under output/, to see whether a make wrote anything. */
function times(): Map<string, number> {
  const all = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.set(p, statSync(p).mtimeMs);
    }
  };
  if (existsSync(out())) walk(out());
  return all;
}

/** The template a PDF was made with: the official layout sets its body in LXGW WenKai. */
const pdfTemplate = (file: string) => (readFileSync(file).includes('LXGWWenKai') ? 'official' : 'default');

/** Exactly these reports, each with exactly these formats from this template; nothing stale. */
function expectOutputs(names: string[], formats: string[], template: string, settings: string[] = []): void {
  expect(listing()).toEqual(Object.fromEntries(names.map((n) => [n, expected(n, formats)])));
  const records = listRecords(out());
  expect(records.map((r) => r.name).sort()).toEqual([...names].sort());
  for (const r of records) {
    expect(r.template.name).toBe(template);
    expect([...r.formats].sort()).toEqual([...formats].sort());
  }
  if (formats.includes('pdf')) for (const n of names) expect(pdfTemplate(join(out(), n, `${n}.pdf`)), n).toBe(template);
  expectUpToDate(settings);
}

/** `make -q` exits 0, and another make neither builds nor writes anything. */
function expectUpToDate(settings: string[] = []): void {
  const q = make('-q', ...settings);
  expect(q.code, q.out + q.err).toBe(0);
  const before = times();
  const again = make(...settings);
  expect(again.code, again.err).toBe(0);
  expect(again.out).toMatch(/Nothing to be done/);
  expect(again.out + again.err).not.toMatch(/reportpress.* sync/);
  expect(times()).toEqual(before);
}

/** Nothing but source/, output/ and make's own state is new in the project: no command ran. */
function expectNoStrayFiles(): void {
  const entries = readdirSync(project).sort();
  expect(entries).toEqual(['.make', 'Makefile', 'bin', 'dist', 'node_modules', 'output', 'package-lock.json', 'package.json', 'pipeline', 'scripts', 'source', 'templates', 'tsconfig.json']);
  expect(existsSync(join(project, 'PWNED'))).toBe(false);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'rp-make-'));
  // The Makefile and package files copied with their times (so make sees the installation
  // as current); the code, packages and templates linked.
  for (const f of ['Makefile', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    copyFileSync(join(ROOT, f), join(project, f));
    const { atime, mtime } = statSync(join(ROOT, f));
    utimesSync(join(project, f), atime, mtime);
  }
  for (const d of ['bin', 'dist', 'node_modules', 'pipeline', 'scripts', 'templates']) symlinkSync(join(ROOT, d), join(project, d));
  mkdirSync(join(project, 'source'));
  // The report's opening: every format, built fast.
  const short = readFileSync(SEED, 'utf8').split('\n').slice(0, 30).join('\n');
  for (const n of NAMES) writeFileSync(join(project, 'source', `${n}.txt`), short);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('make', () => {
  it('builds reports with odd and hostile names, and no name runs a command', () => {
    const r = make('-j2');
    expect(r.code, r.err).toBe(0);
    expectNoStrayFiles();
    expectOutputs(NAMES, ALL, 'default');
  });

  it('rebuilds a deleted output and a deleted folder, and only those', () => {
    unlinkSync(join(out(), 'a b', 'a b.pdf'));
    rmSync(join(out(), "it's"), { recursive: true });
    rmSync(join(out(), '-x', 'html'), { recursive: true });
    expect(make('-q').code).toBe(1);
    const before = times();
    const dry = make('-n');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/would build source\/a b\.txt \(a b\.pdf changed or missing\)/);
    expect(dry.out).toMatch(/would build source\/it's\.txt/);
    expect(dry.out).toMatch(/sync 'source'/);
    expect(times()).toEqual(before);
    const r = make();
    expect(r.code, r.err).toBe(0);
    const after = times();
    const rewritten = [...after.keys()].filter((f) => before.get(f) !== after.get(f)).map((f) => f.slice(out().length + 1).split('/')[0]);
    expect(new Set(rewritten)).toEqual(new Set(['.reportpress', 'a b', "it's", '-x']));
    expectOutputs(NAMES, ALL, 'default');
  });

  it('switches the template and the formats without mixing two builds in a folder', () => {
    expect(make('TEMPLATE=official').code).toBe(0);
    expectOutputs(NAMES, ALL, 'official', ['TEMPLATE=official']);
    // The same settings are up to date; the default template is not.
    expect(make('-q').code).toBe(1);
    // Other formats with the default template again: nothing of the official build is left.
    expect(make('FORMATS=pdf,docx').code).toBe(0);
    expectOutputs(NAMES, ['pdf', 'docx'], 'default', ['FORMATS=pdf,docx']);
    // Every format again.
    expect(make().code).toBe(0);
    expectOutputs(NAMES, ALL, 'default');
  });

  it('rebuilds a touched source and nothing else', () => {
    const future = new Date(Date.now() + 5000);
    utimesSync(join(project, 'source', '番禺 政府.txt'), future, future);
    const before = times();
    expect(make().code).toBe(0);
    const after = times();
    const changed = new Set([...after.keys()].filter((f) => before.get(f) !== after.get(f)).map((f) => f.slice(out().length + 1).split('/')[0]));
    expect(changed).toEqual(new Set(['.reportpress', '番禺 政府']));
    expectUpToDate();
  });

  it('removes the outputs of a removed source', () => {
    unlinkSync(join(project, 'source', '-x.txt'));
    expect(make('-q').code).toBe(1);
    expect(make().code).toBe(0);
    expectOutputs(NAMES.filter((n) => n !== '-x'), ALL, 'default');
  });

  it('reports a bad source, builds the others, and fails', () => {
    writeFileSync(join(project, 'source', 'empty.txt'), '');
    const future = new Date(Date.now() + 10_000);
    utimesSync(join(project, 'source', 'a b.txt'), future, future);
    const r = make('-j2');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^source\/empty\.txt: error: .*empty/m);
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(statSync(join(out(), 'a b', 'a b.pdf')).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    // Still stale until it is fixed.
    expect(make('-q').code).toBe(1);
    unlinkSync(join(project, 'source', 'empty.txt'));
    expectOutputs(NAMES.filter((n) => n !== '-x'), ALL, 'default');
  });

  it('builds into another OUT, and make clean OUT=… removes that and only that', () => {
    const other = join(project, 'output', '..', 'elsewhere out');
    expect(make(`OUT=${other}`, 'FORMATS=md').code).toBe(0);
    expect(readdirSync(other).filter((e) => !e.startsWith('.')).sort()).toEqual(NAMES.filter((n) => n !== '-x').sort());
    const r = make('clean', `OUT=${other}`);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(other)).toEqual([]);
    expect(listing()['a b']).toEqual(expected('a b', ALL));
  });
});
