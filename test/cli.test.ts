/**
 * The command line as people use it: the compiled CLI run as a process (make test compiles
 * it first). Bad input is refused with one line naming the file, no stack trace, no files.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync, appendFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyLines, CASES, coverage, han, ROOT, SEED } from './helpers.js';
import { open, streamText } from './render/pdf/helpers.js';
import { holds, interruptWhen, leftovers, longReport, sizeOf } from './interrupt.js';

const CLI = join(ROOT, 'bin/reportpress.js');
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `rp-${prefix}-`));

/** Runs the CLI; a run that has not ended after a minute is killed (status null). */
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('reportpress build', () => {
  it('writes the Markdown of a report into <out>/<name>/', () => {
    const out = temp('ok');
    const r = cli(['build', SEED, '--out', out, '--formats', 'md']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'panyu-2025/panyu-2025.md'), 'utf8');
    expect(md).toContain('# 一、2024年工作回顾');
  });

  describe('refuses bad input with one line naming the file, and writes nothing', () => {
    const dir = temp('bad');
    const cases: Array<[string, Uint8Array | null, RegExp]> = [
      ['missing.txt', null, /no such file/],
      ['empty.txt', new Uint8Array(), /empty/],
      ['blank.txt', new TextEncoder().encode('\n \u3000\n\t\n'), /whitespace/],
      ['binary.txt', readFileSync(process.execPath).subarray(0, 20000), /binary/],
      ['garbled.txt', new Uint8Array(Array.from({ length: 2000 }, (_, i) => 0x80 + ((i * 91) % 0x7f))), /decode|text/],
    ];
    it.each(cases)('%s', (name, bytes, reason) => {
      const path = join(dir, name);
      if (bytes) writeFileSync(path, bytes);
      const out = temp('out');
      const r = cli(['build', path, '--out', out]);
      expect(r.code).toBe(1);
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: `));
      expect(lines[0]).toMatch(reason);
      expect(r.err).not.toMatch(STACK);
      expect(files(out)).toEqual([]);
    });

    it('a file over --max-size', () => {
      const out = temp('out');
      const r = cli(['build', SEED, '--out', out, '--max-size', '0.01']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/panyu-2025\.txt: error: .*limit/);
      expect(files(out)).toEqual([]);
    });
  });

  it('refuses a missing template, naming it, and leaves earlier outputs as they were', () => {
    const out = temp('tpl');
    expect(cli(['build', SEED, '--out', out, '--formats', 'md']).code).toBe(0);
    const before = readFileSync(join(out, 'panyu-2025/panyu-2025.md'));
    const other = join(ROOT, 'test/fixtures/cases/guangdong_province_2026.txt');
    const r = cli(['build', SEED, other, '--out', out, '--template', join(out, 'no-such-template')]);
    expect(r.code).toBe(1);
    // Once, not once per source, and without a source's name in front.
    // Notes about the page chrome removed from the sources are not errors.
    const errors = r.err.trim().split('\n').filter((line) => !/: note: /.test(line));
    expect(errors).toEqual([expect.stringMatching(/^\S*no-such-template: error: template .*does not exist/)]);
    expect(readFileSync(join(out, 'panyu-2025/panyu-2025.md'))).toEqual(before);
    expect(files(out).some((f) => f.includes('guangdong'))).toBe(false);
  });

  it('names the .hbs file of a broken template and writes nothing', () => {
    const dir = temp('broken');
    cpSync(join(ROOT, 'templates/default'), join(dir, 'broken'), { recursive: true });
    const hbs = files(join(dir, 'broken')).filter((f) => f.endsWith('.hbs'));
    expect(hbs.length).toBeGreaterThan(0);
    appendFileSync(hbs[0]!, '\n{{#each}}{{/if}}\n');
    const out = temp('out');
    const r = cli(['build', SEED, '--out', out, '--template', join(dir, 'broken')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(hbs[0]!);
    expect(r.err).not.toMatch(STACK);
    expect(files(out)).toEqual([]);
  });

  it('names the key and line of a layout mistake', () => {
    const dir = temp('layout');
    cpSync(join(ROOT, 'templates/default'), join(dir, 'mine'), { recursive: true });
    const layout = join(dir, 'mine/layout.yaml');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('orientation: portrait', 'orientaton: portrait'));
    const r = cli(['build', SEED, '--out', temp('out'), '--template', join(dir, 'mine')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/layout\.yaml:\d+:\d+: error: page\.orientaton: unknown key \(did you mean "orientation"\?\)/);
  });

  it('refuses two sources with the same output folder before building either', () => {
    const dir = temp('twice');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'x.txt'), readFileSync(SEED, 'utf8').split('\n').slice(0, 30).join('\n'));
    }
    const out = temp('twice-out');
    const r = cli(['build', join(dir, 'a/x.txt'), join(dir, 'b/x.txt'), '--out', out, '-f', 'md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(dir, 'a/x.txt')} and ${join(dir, 'b/x.txt')} would both be written to ${join(out, 'x')}/`);
    expect(existsSync(join(out, 'x'))).toBe(false);
  });

  it('rejects an unknown format as a usage error', () => {
    const r = cli(['build', SEED, '--formats', 'md,odt']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown format "odt"/);
  });
});

describe('reportpress ast', () => {
  it('prints the normalised tree with the metadata on root.data.meta', () => {
    const r = cli(['ast', SEED]);
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.out);
    expect(tree.type).toBe('root');
    expect(tree.data.meta).toMatchObject({ title: '2025年番禺区政府工作报告', date: '2025-02-26' });
    expect(r.out).not.toContain('"position"');
  });

  it('prints warnings as file:line:column: warning: message on stderr', () => {
    const dir = temp('warn');
    const path = join(dir, 'x.txt');
    writeFileSync(path, '标题\n\n各位代表：\n\n一、工作\n\n正文。\n\n五、跳号\n');
    const r = cli(['ast', path]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:9:1: warning: part number 5 follows 1`));
  });
});

describe('reportpress --help', () => {
  it('explains itself', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/reportpress build <source\.\.\.>/);
  });
});

describe('bin/reportpress.js without a current bundle', () => {
  it('runs the compiled modules, PDF and all (a build that ran tsc but not the bundler)', async () => {
    // A copy of the installation without dist/reportpress.cjs, its packages and templates linked.
    const root = temp('nobundle');
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    // The loader bin/ requires is not compiled: it lives with the engine's other patches.
    cpSync(join(ROOT, 'pipeline/engine/load.cjs'), join(root, 'pipeline/engine/load.cjs'));
    cpSync(join(ROOT, 'dist/pipeline'), join(root, 'dist/pipeline'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    for (const linked of ['node_modules', 'templates']) symlinkSync(join(ROOT, linked), join(root, linked));
    const out = temp('nobundle-out');
    const r = spawnSync(process.execPath, [join(root, 'bin/reportpress.js'), 'build', SEED, '--out', out, '-f', 'md,pdf'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    expect(r.status, r.stderr).toBe(0);
    // The PDF read back: every body paragraph of the seed, in order, over the pages of a report.
    const pdf = await open(new Uint8Array(readFileSync(join(out, 'panyu-2025/panyu-2025.pdf'))));
    expect(pdf.numPages).toBeGreaterThan(10);
    const { hit, total, missing } = coverage(bodyLines(CASES[0]!), han(await streamText(pdf)));
    expect(missing).toEqual([]);
    expect(hit).toBe(total);
    expect(readFileSync(join(out, 'panyu-2025/panyu-2025.md'), 'utf8')).toContain('# 一、2024年工作回顾');
  });
});

describe('the PDF in a worker thread', () => {
  const stats = (err: string) => JSON.parse(err.split('\n').find((l) => l.startsWith('REPORTPRESS_STATS '))!.slice('REPORTPRESS_STATS '.length));
  // The publications; the build record (.reportpress/) holds file times, which differ.
  const contents = (dir: string) => Object.fromEntries(files(dir).filter((f) => !f.includes('/.reportpress/')).map((f) => [f.slice(dir.length), readFileSync(f).toString('base64')]));

  it('writes the same bytes as a build without it, for several sources', () => {
    const sources = [SEED, join(ROOT, 'test/fixtures/cases/guangdong_province_2026.txt')];
    const run = (workers: string) => {
      const out = temp(`w${workers}`);
      const r = cli(['build', ...sources, '--out', out], { REPORTPRESS_WORKERS: workers, REPORTPRESS_STATS: '1', SOURCE_DATE_EPOCH: '1700000000' });
      expect(r.code, r.err).toBe(0);
      expect(stats(r.err).worker).toBe(workers === '1');
      return contents(out);
    };
    const inWorker = run('1');
    expect(Object.keys(inWorker).filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
    expect(inWorker).toEqual(run('0'));
  });

  it('is used for every spelling of all the formats (the command line is read by one parser)', () => {
    // The report's opening, built fast.
    const short = join(temp('short'), 'short.txt');
    writeFileSync(short, readFileSync(SEED, 'utf8').split('\n').slice(0, 30).join('\n'));
    for (const formats of [[], ['--formats', 'all'], ['-fall'], ['--quiet', '-fpdf,md']]) {
      const r = cli(['build', short, '--out', temp('wa'), ...formats], { REPORTPRESS_WORKERS: '1', REPORTPRESS_STATS: '1' });
      expect(r.code, r.err).toBe(0);
      expect(stats(r.err).worker, formats.join(' ')).toBe(true);
    }
  });

  it('is not used when the PDF is not asked for, or is all that is asked for', () => {
    for (const formats of [['-f', 'md,html'], ['--formats=pdf'], ['-fpdf']]) {
      const r = cli(['build', SEED, '--out', temp('wf'), ...formats], { REPORTPRESS_WORKERS: '1', REPORTPRESS_STATS: '1' });
      expect(r.code, r.err).toBe(0);
      expect(stats(r.err).worker).toBe(false);
    }
  });

  it('lets the command end on a usage error or a bad template (a worker left running would keep it alive)', () => {
    const usage = cli(['build'], { REPORTPRESS_WORKERS: '1' });
    expect(usage.code).toBe(2);
    const template = cli(['build', SEED, '--out', temp('wt'), '--template', 'no-such-template'], { REPORTPRESS_WORKERS: '1' });
    expect(template.code).toBe(1);
    expect(template.err).toMatch(/no-such-template/);
    expect(template.err).not.toMatch(STACK);
  });
});

describe('interrupting a build', () => {
  // A short report, then a long one: the signal is sent once the short one's folder is in place,
  // so it lands in the middle of the build (a build that had ended would exit 0).
  const dir = temp('int-src');
  const short = join(dir, 'short.txt');
  const long = join(dir, 'long.txt');
  writeFileSync(short, readFileSync(SEED, 'utf8').split('\n').slice(0, 30).join('\n'));
  writeFileSync(long, longReport());
  const ALL = ['short.md', 'short.pdf', 'short.docx', 'short.epub', 'short.html', 'short.summary.pdf', 'html/nav.xhtml'];

  it.each(['SIGINT', 'SIGTERM'] as const)('%s in the middle of a build runs the cleanup: exit 130, no temporary or partial files', async (signal) => {
    const out = temp('int');
    const r = await interruptWhen(CLI, ROOT, ['build', short, long, '--out', out], () => holds(join(out, 'short'), ALL), signal);
    expect(r.signalled, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\).*; no partial files left`));
    expect(leftovers(out)).toEqual([]);
    // The short report's set is whole; the long one's never reached its folder.
    expect(holds(join(out, 'short'), ALL)).toBe(true);
    expect(readFileSync(join(out, 'short/short.pdf')).subarray(-6).toString()).toMatch(/%%EOF/);
    expect(existsSync(join(out, 'long'))).toBe(false);
  });

  it('leaves the old set or the new set, never a mix, and names which', async () => {
    const out = temp('int-set');
    const formats = ['--formats', 'md,html,docx'];
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    // The files whose bytes depend on the layout (the Markdown is the same under both).
    const snapshot = () => Object.fromEntries(readdirSync(join(out, 'panyu-2025'), { recursive: true }).map(String).sort().filter((f) => !f.startsWith('html') && !f.endsWith('.md')).map((f) => [f, readFileSync(join(out, 'panyu-2025', f)).length]));
    expect(cli(['build', SEED, '--out', out, ...formats, '--template', 'official'], env).code).toBe(0);
    const old = snapshot();
    const docx = join(out, 'panyu-2025/panyu-2025.docx');
    // Signalled once the seed's new set is in place, while the long report is still being built.
    const r = await interruptWhen(CLI, ROOT, ['build', SEED, long, '--out', out, ...formats], () => ![-1, old['panyu-2025.docx']].includes(sizeOf(docx)), 'SIGINT', env);
    expect(r.signalled, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/interrupted \(SIGINT\);.*\/panyu-2025\/ already holds the new set; no partial files left/);
    // Beside the publication only the build record (make's staleness check) remains.
    expect(readdirSync(out).sort()).toEqual(['.reportpress', 'panyu-2025']);
    expect(leftovers(out)).toEqual([]);
    // Every layout-dependent file is the new build's (the layouts differ in size).
    const now = snapshot();
    expect(Object.keys(now)).toEqual(Object.keys(old));
    expect(Object.keys(old).filter((f) => old[f] === now[f]), JSON.stringify({ old, now })).toEqual([]);
  });
});
