/**
 * Issue 17, group 3: a build's outputs are switched in whole. Old files the build does not
 * write are carried over; a failed switch leaves the old set; leftovers of killed builds are
 * cleared by the next build; an interrupt names which sets are old and which new.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupPending, Generation, sweepLeftovers, writeAtomically } from '../../pipeline/output/commit.js';
import { ROOT, SEED } from '../helpers.js';

const temp = () => mkdtempSync(join(tmpdir(), 'rp-commit-'));

describe('the switch', () => {
  it('replaces the set whole and carries over what this build does not write', async () => {
    const out = temp();
    const dir = join(out, 'r');
    await writeAtomically(dir, [{ path: 'r.md', data: 'old md' }, { path: 'r.pdf', data: 'old pdf' }, { path: 'html/a.xhtml', data: 'a' }, { path: 'html/b.xhtml', data: 'b' }]);
    const pdfInode = statSync(join(dir, 'r.pdf')).ino;
    await writeAtomically(dir, [{ path: 'r.md', data: 'new md' }, { path: 'html/a.xhtml', data: 'A' }]);
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(['html', 'html/a.xhtml', 'r.md', 'r.pdf']);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('new md');
    expect(readFileSync(join(dir, 'r.pdf'), 'utf8')).toBe('old pdf');
    expect(statSync(join(dir, 'r.pdf')).ino).toBe(pdfInode); // a hard link, not a copy
    expect(readdirSync(out)).toEqual(['r']);
  });

  it('writes nothing in place before commit, and nothing at all after discard', async () => {
    const out = temp();
    const dir = join(out, 'r');
    await writeAtomically(dir, [{ path: 'r.md', data: 'old' }]);
    const g = await Generation.open(dir);
    await g.write([{ path: 'r.md', data: 'new' }]);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('old');
    await g.discard();
    expect(readdirSync(out)).toEqual(['r']);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('old');
  });

  it('an interrupt before the switch leaves the old set and says so', async () => {
    const out = temp();
    const dir = join(out, 'r');
    await writeAtomically(dir, [{ path: 'r.md', data: 'old' }]);
    const g = await Generation.open(dir);
    await g.write([{ path: 'r.md', data: 'new' }]);
    const state = await cleanupPending({ resume: true });
    expect(state.unchanged).toEqual([dir]);
    expect(() => g.commit()).toThrow();
    expect(readdirSync(out)).toEqual(['r']);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('old');
  });
});

describe('leftovers of killed builds', () => {
  it('are removed, and an old set caught between the two renames is put back', () => {
    const out = temp();
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    mkdirSync(join(out, `.a.tmp-${dead}-0123abcd`));
    writeFileSync(join(out, `.a.tmp-${dead}-0123abcd`, 'a.md'), 'half');
    mkdirSync(join(out, `.b.old-${dead}-0123abcd`));
    writeFileSync(join(out, `.b.old-${dead}-0123abcd`, 'b.md'), 'previous');
    mkdirSync(join(out, 'c'));
    writeFileSync(join(out, 'c', `.c.md.tmp-${dead}-0123abcd`), 'per-file temp of an earlier version');
    mkdirSync(join(out, `.d.tmp-${process.pid}-0123abcd`)); // this process's own: kept
    sweepLeftovers(out);
    expect(readdirSync(out).sort()).toEqual([`.d.tmp-${process.pid}-0123abcd`, 'b', 'c']);
    expect(readFileSync(join(out, 'b', 'b.md'), 'utf8')).toBe('previous');
    expect(readdirSync(join(out, 'c'))).toEqual([]);
  });
});

describe('Ctrl-C during a build', () => {
  it('leaves the old set or the new set, never a mix, and names which', async () => {
    const out = temp();
    const cli = join(ROOT, 'bin/reportpress.js');
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'build', SEED, '--out', out, '--formats', 'md,html,docx', ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        if (args.length === 0) setTimeout(() => child.kill('SIGINT'), 500);
        child.on('exit', (code) => resolve({ code, err }));
      });
    // The files whose bytes depend on the layout (the Markdown is the same under both).
    const snapshot = () => Object.fromEntries(readdirSync(join(out, 'panyu-2025'), { recursive: true }).map(String).sort().filter((f) => !f.startsWith('html') && !f.endsWith('.md')).map((f) => [f, readFileSync(join(out, 'panyu-2025', f)).length]));
    const first = await run(['--template', 'official']);
    expect(first.code).toBe(0);
    const old = snapshot();
    const second = await run([]);
    if (second.code === 130) expect(second.err).toMatch(/interrupted \(SIGINT\)(; .*panyu-2025\/ (left as before|already holds the new set))?; no partial files left/);
    const now = snapshot();
    expect(existsSync(join(out, 'panyu-2025'))).toBe(true);
    // Beside the publication only the build record (make's staleness check) remains.
    expect(readdirSync(out).sort()).toEqual(['.reportpress', 'panyu-2025']);
    // Either every file is the official build's or none is (the layouts differ in size).
    const same = Object.keys(old).filter((f) => old[f] === now[f]);
    expect(same.length === 0 || same.length === Object.keys(old).length, JSON.stringify({ old, now })).toBe(true);
  });
});
