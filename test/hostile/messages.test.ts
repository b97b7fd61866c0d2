/**
 * Issue 17, group 6: every failure is one line naming the file and the cause, never an
 * "internal error": file-system errors, a stack overflow, a bad SOURCE_DATE_EPOCH, two
 * sources with the same output name.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../pipeline/failure.js';
import { sourceDateEpochProblem } from '../../pipeline/render/shared/dates.js';
import { ROOT, SEED } from '../helpers.js';

const CLI = join(ROOT, 'bin/reportpress.js');
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `rp-${prefix}-`));
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REPORTPRESS_WORKERS: '0', ...env }, timeout: 60000 });
  return { code: r.status, err: r.stderr };
}
const errno = (code: string, path: string, syscall = 'open') => Object.assign(new Error(`${code}: x, ${syscall} '${path}'`), { code, path, syscall });

describe('failure lines', () => {
  it.each([
    ['EACCES', /^out\/r\/r\.pdf: error: permission denied \(EACCES\) \(open\)$/],
    ['ENOSPC', /^out\/r\/r\.pdf: error: no space left on the device \(ENOSPC\)/],
    ['EPERM', /^out\/r\/r\.pdf: error: operation not permitted \(EPERM\)/],
    ['ELOOP', /^out\/r\/r\.pdf: error: too many symbolic links/],
  ])('%s names the path and the cause', (code, line) => {
    const d = describeFailure(errno(code, 'out/r/r.pdf'), 'source/r.txt');
    expect(d.internal).toBe(false);
    expect(d.line).toMatch(line);
  });

  it('a stack overflow names the source', () => {
    let overflow: unknown;
    const deep = (n: number): number => deep(n + 1) + 1;
    try {
      deep(0);
    } catch (e) {
      overflow = e;
    }
    const d = describeFailure(overflow, 'source/bomb.md');
    expect(d).toEqual({ line: expect.stringMatching(/^source\/bomb\.md: error: the input is nested too deeply/), internal: false });
  });

  it('anything else is still an internal error', () => {
    expect(describeFailure(new TypeError('x is undefined'), 's.txt').internal).toBe(true);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('must be whole seconds a zip can carry', () => {
    expect(sourceDateEpochProblem({})).toBeUndefined();
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: '1700000000' })).toBeUndefined();
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: 'abc' })).toMatch(/"abc" is not a whole number of seconds/);
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: '-5' })).toMatch(/not a whole number/);
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: '99999999999' })).toMatch(/after 2107/);
  });

  it('is refused by the CLI before anything is written', () => {
    const out = temp('epoch');
    const r = cli(['build', SEED, '--out', out, '--formats', 'md'], { SOURCE_DATE_EPOCH: 'abc' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SOURCE_DATE_EPOCH="abc"/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the CLI', () => {
  it('refuses two sources with the same output name', () => {
    const dir = temp('same');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(SEED, join(dir, 'a/report.txt'));
    copyFileSync(SEED, join(dir, 'b/report.txt'));
    const out = temp('same-out');
    const r = cli(['build', join(dir, 'a/report.txt'), join(dir, 'b/report.txt'), '--out', out, '--formats', 'md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a\/report\.txt and .*b\/report\.txt would both be written to/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names the output path and cause when the output cannot be written', () => {
    const dir = temp('notdir');
    writeFileSync(join(dir, 'file'), 'x');
    const r = cli(['build', SEED, '--out', join(dir, 'file'), '--formats', 'md']);
    expect(r.code).toBe(1);
    // One error line (the notes name the page chrome removed from the source).
    expect(r.err.trim().split('\n').filter((l) => !/: note: /.test(l))).toHaveLength(1);
    expect(r.err).toMatch(/file.*: error: .*\((ENOTDIR|EEXIST)\)/);
    expect(r.err).not.toMatch(/internal error/);
  });

  it('names a source that is a symbolic link loop', () => {
    const dir = temp('loop');
    symlinkSync(join(dir, 'b.txt'), join(dir, 'a.txt'));
    symlinkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    const r = cli(['build', join(dir, 'a.txt'), '--out', temp('loop-out'), '--formats', 'md']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toMatch(/a\.txt: error: too many symbolic links .*\(ELOOP\)$/);
  });
});
