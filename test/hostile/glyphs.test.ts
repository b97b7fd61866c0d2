/**
 * Issue 17, group 5: characters the template's fonts lack are drawn from the layout's
 * fallback font (fonts.fallback) where it has them, which the build notes once; what no font
 * can draw (an emoji) is named once by the build (each with its code, count, first line and
 * the fonts that lack it), and --strict-glyphs makes that an error with nothing written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterCoverage, describeFallback, describeMissing } from '../../pipeline/render/shared/coverage.js';
import { ROOT, template } from '../helpers.js';
import { freshPublication } from '../render/html/support.js';

const TEXT = '# 一、总体\n\n姓名𠮷野，又见𠮷。今年全区地区生产总值增长百分之五，经济运行稳中有进。\n\n表情😀与中文。各项社会事业全面发展，人民生活水平不断提高。\n';
/** What the hostile acceptance check greps the build's messages for. */
const NOT_DRAWN = /glyph|cannot be drawn|no font|notdef/i;

function build(text: string, ...extra: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'rp-coverage-'));
  const source = join(dir, 'g.md');
  writeFileSync(source, text);
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/reportpress.js'), 'build', source, '--out', join(dir, 'out'), '--formats', 'md,pdf', ...extra], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REPORTPRESS_WORKERS: '0' } });
  return { run, dir };
}

describe('characters the fonts cannot draw', () => {
  it('are found with their count, first line and the fonts lacking them; the fallback font draws 𠮷', () => {
    const { missing, fallback } = characterCoverage(freshPublication('/tmp/g.md', TEXT), template('default').layout);
    expect(fallback.map((m) => [m.char, m.count, m.line])).toEqual([['𠮷', 2, 3]]);
    expect(fallback[0]!.fonts).toEqual(['serif', 'sans']);
    expect(missing.map((m) => [m.char, m.count, m.line])).toEqual([['😀', 1, 5]]);
    expect(missing[0]!.fonts).toEqual(['serif', 'sans', 'fallback']);
    expect(describeMissing(missing)).toMatch(/^1 character cannot be drawn .*: 😀 \(U\+1F600, line 5; not in serif, sans, fallback\)$/);
    expect(describeFallback(fallback)).toMatch(/^1 character \(2×\) .* set in the fallback font \(fonts\.fallback\) .*: 𠮷 \(U\+20BB7, line 3\)$/);
    expect(describeFallback(fallback)).not.toMatch(NOT_DRAWN);
  });

  it('are none for the seed report', () => {
    const seed = freshPublication(join(ROOT, 'source/panyu-2025.txt'));
    expect(characterCoverage(seed, template('default').layout)).toEqual({ missing: [], fallback: [] });
  });

  it('is one warning line by default and an error with --strict-glyphs', () => {
    const { run, dir } = build(TEXT, '--strict-glyphs');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/g\.md: error: 1 character cannot be drawn .*😀/);
    expect(run.stderr).not.toMatch(/𠮷/);
    expect(readdirSync(dir)).toEqual(['g.md']);
    const lenient = build(TEXT).run;
    expect(lenient.status).toBe(0);
    expect(lenient.stderr.match(/cannot be drawn/g)).toHaveLength(1);
    expect(lenient.stderr).toMatch(/g\.md: note: 1 character \(2×\) .*fallback font.*𠮷/);
  });

  it('are not reported when the fallback font draws them all, even with --strict-glyphs', () => {
    const { run } = build('# 一、总体\n\n姓名𠮷野，又见𠮷。\n', '--strict-glyphs');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/note: .*𠮷/);
    expect(run.stderr).not.toMatch(NOT_DRAWN);
  });
});
