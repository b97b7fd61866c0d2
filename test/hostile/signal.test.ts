/**
 * Issue 17, group 4: Ctrl-C is honoured within a second even inside a long synchronous stage.
 * The build runs in a thread of its own (pipeline/launch.ts); the launching thread terminates
 * it and settles what it was writing (output/commit.ts settleStoppedBuild).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settleStoppedBuild } from '../../pipeline/output/commit.js';
import { ROOT } from '../helpers.js';

const CLI = join(ROOT, 'bin/reportpress.js');
const temp = () => mkdtempSync(join(tmpdir(), 'rp-signal-'));

describe('an interrupt inside a long stage', () => {
  it('stops a build parsing 200,000 lines within a second, writing nothing', async () => {
    const dir = temp();
    const source = join(dir, 'lines.txt');
    writeFileSync(source, Array.from({ length: 200_000 }, (_, i) => `第${i}行。\n`).join(''));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [CLI, 'build', source, '--out', out, '--formats', 'md,html'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<[number | null, number]>((r) => child.on('exit', (code) => r([code, performance.now()])));
    // Long enough for the pipeline to be loaded and deep in parsing: that takes seconds here.
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode, `the build ended before the signal: ${stderr}`).toBeNull();
    expect(stderr).not.toMatch(/->/);
    const sent = performance.now();
    child.kill('SIGINT');
    const [code, at] = await exited;
    expect(code).toBe(130);
    expect(at - sent).toBeLessThan(1000);
    expect(stderr).toMatch(/interrupted \(SIGINT\).*no partial files left/);
    expect(readdirSync(dir).sort()).toEqual(['lines.txt']);
  });
});

describe('settling the sets a stopped build left', () => {
  const pid = 4_000_000; // no real process: the sets are settled whatever their owner
  it('puts an old set back when the stop came between the two renames', () => {
    const out = temp();
    mkdirSync(join(out, `.r.old-${pid}-0a1b2c3d`));
    writeFileSync(join(out, `.r.old-${pid}-0a1b2c3d`, 'r.md'), 'old');
    mkdirSync(join(out, `.r.tmp-${pid}-0a1b2c3d`));
    writeFileSync(join(out, `.r.tmp-${pid}-0a1b2c3d`, 'r.md'), 'new');
    expect(settleStoppedBuild(out, pid)).toEqual({ switched: [], unchanged: [join(out, 'r')] });
    expect(readdirSync(out)).toEqual(['r']);
    expect(readdirSync(join(out, 'r'))).toEqual(['r.md']);
  });

  it('removes a half-written new set and an old set already replaced, and leaves other processes alone', () => {
    const out = temp();
    mkdirSync(join(out, 'a'));
    mkdirSync(join(out, `.a.old-${pid}-0a1b2c3d`)); // a switched; its old set not yet removed
    mkdirSync(join(out, `.b.tmp-${pid}-0a1b2c3d`)); // b was being written
    mkdirSync(join(out, `.c.tmp-${pid + 1}-0a1b2c3d`)); // another build's
    const state = settleStoppedBuild(out, pid);
    expect(state.unchanged).toEqual([join(out, 'b')]);
    expect(readdirSync(out).sort()).toEqual([`.c.tmp-${pid + 1}-0a1b2c3d`, 'a']);
  });
});
