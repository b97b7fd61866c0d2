/**
 * The command line's loader (engine/load.cjs) really takes its fast paths on the packages a
 * build loads: in a new process, pdfmake (with pdfkit and fontkit under it) goes through the
 * hook on Module.prototype._compile; the second time, every file runs from the code cache the
 * first left, tiny-inflate is replaced by zlib and the encryption and WOFF2 code is deferred.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

interface Stats {
  cached: number;
  compiled: number;
  deferred: number;
  replaced: number;
}

/** Loads pdfmake through the loader in a new process; the loader's counts. */
function loadPdfmake(cache: string): Stats {
  const script = `
    const { Loader } = require(${JSON.stringify(join(ROOT, 'pipeline/engine/load.cjs'))});
    const loader = new Loader(${JSON.stringify(ROOT)}, ${JSON.stringify(cache)}, 'test');
    if (!loader.installPackageHook()) process.exit(3);
    const pdfmake = require('module').createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('pdfmake');
    if (typeof pdfmake.createPdf !== 'function') process.exit(4);
    loader.save();
    console.log(JSON.stringify(loader.stats));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Stats;
}

describe('the loader', () => {
  it('compiles the packages once, then runs them from the code cache, deferring and replacing as it says', () => {
    const cache = mkdtempSync(join(tmpdir(), 'rp-loader-'));
    const first = loadPdfmake(cache);
    expect(first.cached).toBe(0);
    expect(first.compiled).toBeGreaterThan(20);
    const second = loadPdfmake(cache);
    expect(second).toEqual({ cached: first.compiled, compiled: 0, deferred: first.deferred, replaced: first.replaced });
    expect(second.replaced).toBeGreaterThanOrEqual(1);
    expect(second.deferred).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
