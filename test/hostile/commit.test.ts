/**
 * Issue 17, group 3: a build's outputs are switched in whole. Old files the build does not
 * write are carried over; a failed switch leaves the old set; leftovers of killed builds are
 * cleared by the next build; an interrupt names which sets are old and which new (and a real
 * Ctrl-C in the middle of a build, test/cli.test.ts, leaves the old set or the new one).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupPending, Generation, sweepLeftovers, writeAtomically } from '../../pipeline/output/commit.js';

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
