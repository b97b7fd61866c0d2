/**
 * Building from the Markdown the writer made gives the same PDF, DOCX, EPUB and HTML bytes as
 * building from the original text: two whole builds of the seed in every format (e2e tier).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSource } from '../../pipeline/build.js';
import { SEED, template } from '../helpers.js';

describe('building from the Markdown', () => {
  it('gives the same PDF, DOCX, EPUB and HTML bytes as building from the source (run-in heads and list numbering kept)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rp-md-trip-'));
    const formats = ['md', 'pdf', 'docx', 'epub', 'html'] as const;
    const options = (dir: string) => ({ out: join(out, dir), formats: [...formats], template: template('default') });
    await buildSource(SEED, options('from-text'));
    const markdown = join(out, 'from-text/panyu-2025/panyu-2025.md');
    expect(readFileSync(markdown, 'utf8')).toMatch(/^## （一）重大功能平台建设提速增效 <!-- reportpress run-in 。 -->$/m);
    await buildSource(markdown, options('from-md'));
    for (const ext of ['pdf', 'docx', 'epub', 'html', 'md']) {
      const bytes = (dir: string) => readFileSync(join(out, dir, `panyu-2025/panyu-2025.${ext}`));
      expect(bytes('from-md').equals(bytes('from-text')), ext).toBe(true);
    }
  });
});
