/**
 * The Markdown writer is faithful: building from the .md it wrote gives the same tree and
 * metadata as building from the original text.
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../pipeline/render/markdown/index.js';
import { publish } from '../../pipeline/publish.js';
import { CASES, publication, SEED, template } from '../helpers.js';
import { buildSource } from '../../pipeline/build.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderContext } from '../../pipeline/render/types.js';

/** Positions differ by nature (lines of another file); everything else must come back. */
function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));
}

const context = { warn: () => {} } as unknown as RenderContext;

describe.each(CASES)('Markdown of $name', (c) => {
  it('round-trips to the same tree and metadata', async () => {
    const original = publication(c.path);
    const [file] = await write(original, context);
    expect(file!.path).toBe(`${original.name}.md`);
    const markdown = String(file!.data);
    expect(markdown.startsWith('---\ntitle: ')).toBe(true);
    const again = publish(new TextEncoder().encode(markdown), `${original.name}.md`);
    expect(again.meta).toEqual(original.meta);
    expect(comparable(again.tree)).toEqual(comparable(original.tree));
  });
});

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
