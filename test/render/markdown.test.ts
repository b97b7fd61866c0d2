/**
 * The Markdown writer is faithful: building from the .md it wrote gives the same tree and
 * metadata as building from the original text (and the same bytes in every format:
 * markdown-build.test.ts, in the e2e tier).
 */
import { describe, expect, it } from 'vitest';
import { write } from '../../pipeline/render/markdown/index.js';
import { publish } from '../../pipeline/publish.js';
import { CASES, publication } from '../helpers.js';
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
