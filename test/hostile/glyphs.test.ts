/**
 * Issue 17, group 5: characters the template's fonts lack are named once by the build (each
 * with its code, count, first line and the fonts that lack it), and --strict-glyphs makes
 * that an error with nothing written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMissing, missingCharacters } from '../../pipeline/render/shared/coverage.js';
import { ROOT, template } from '../helpers.js';
import { freshPublication } from '../render/html/support.js';

const TEXT = '# 一、总体\n\n姓名𠮷野，又见𠮷。今年全区地区生产总值增长百分之五，经济运行稳中有进。\n\n表情😀与中文。各项社会事业全面发展，人民生活水平不断提高。\n';

describe('characters the fonts cannot draw', () => {
  it('are found with their count, first line and the fonts lacking them; common text is not', () => {
    const missing = missingCharacters(freshPublication('/tmp/g.md', TEXT), template('default').layout);
    expect(missing.map((m) => [m.char, m.count, m.line])).toEqual([
      ['𠮷', 2, 3],
      ['😀', 1, 5],
    ]);
    expect(missing[0]!.fonts).toContain('serif');
    expect(describeMissing(missing)).toMatch(/^2 characters cannot be drawn .*: 𠮷 \(U\+20BB7, 2×, line 3; not in .*serif.*\), 😀 \(U\+1F600, line 5;/);
  });

  it('is empty for the seed report', () => {
    const seed = freshPublication(join(ROOT, 'source/panyu-2025.txt'));
    expect(missingCharacters(seed, template('default').layout)).toEqual([]);
  });

  it('is one warning line by default and an error with --strict-glyphs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-glyphs-'));
    const source = join(dir, 'g.md');
    writeFileSync(source, TEXT);
    const run = (...extra: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/reportpress.js'), 'build', source, '--out', join(dir, 'out'), '--formats', 'md,pdf', ...extra], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REPORTPRESS_WORKERS: '0' } });
    const strict = run('--strict-glyphs');
    expect(strict.status).toBe(1);
    expect(strict.stderr.trim()).toMatch(/g\.md: error: 2 characters cannot be drawn/);
    expect(readdirSync(dir)).toEqual(['g.md']);
    const lenient = run();
    expect(lenient.status).toBe(0);
    expect(lenient.stderr.match(/cannot be drawn/g)).toHaveLength(1);
  });
});
