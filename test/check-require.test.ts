/**
 * `make check` stops with the line to run when a real client is missing: a line that works as
 * root (no sudo on a bare system) and as a user.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
// @ts-ignore a plain ES module script without types
import { installLine } from './check/require.mjs';

describe("make check's install line", () => {
  it('is apt-get itself for root and goes through sudo for a user', () => {
    expect(installLine('qpdf epubcheck', 0)).toBe('apt-get install -y --no-install-recommends qpdf epubcheck');
    expect(installLine('qpdf', 1000)).toBe('sudo apt-get install -y --no-install-recommends qpdf');
  });

  it('is what the check prints when something is missing (no programs on PATH)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'test/check/require.mjs')], { encoding: 'utf8', env: { PATH: '/nonexistent' } });
    expect(r.status).toBe(1);
    const line = r.stderr.trim().split('\n').at(-1)!.trim();
    expect(line).toBe(installLine(line.split('--no-install-recommends ')[1]));
    expect(line.startsWith('sudo ')).toBe(process.getuid!() !== 0);
  });
});
