/**
 * Issue 17, group 4: plain-text reports are turned into a tree without the Markdown parser
 * (parse/plain.ts). That tree must be exactly the one remark-parse gives for the escaped text
 * (nodes, values, positions), for real reports and for any text at all.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseText, parseTextWithRemark } from '../../pipeline/parse/index.js';
import { read } from '../../pipeline/read/index.js';
import { CASES, properties } from '../helpers.js';
import { ReportError } from '../../pipeline/errors.js';

const tree = (bytes: Uint8Array) => {
  const input = read(bytes, 'x.txt');
  return { direct: parseText(input, new VFile({ path: 'x.txt' })), remark: parseTextWithRemark(input) };
};

describe('plain text without the Markdown parser', () => {
  it.each(CASES.map((c) => [c.name, c.path]))('gives remark-parse\'s tree for %s', (_, path) => {
    const { direct, remark } = tree(readFileSync(path));
    expect(direct).toEqual(remark);
  });

  it('gives remark-parse\'s tree for any text', () => {
    const line = fc.array(fc.oneof(fc.constantFrom(...Array.from('一、（二）1. *#>|[]()\\`<>&;:!-_=~  \t\u3000\u00a0中文𠮷')), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        let trees;
        try {
          trees = tree(new TextEncoder().encode(text));
        } catch (error) {
          if (error instanceof ReportError) return; // not text (empty, control characters): refused before parsing
          throw error;
        }
        const { direct, remark } = trees;
        expect(direct).toEqual(remark);
      }),
      properties(300, 20261206),
    );
  });

  it('builds 200,000 short lines in linear time', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `第${i}行。`).join('\n');
    const started = performance.now();
    const { children } = parseText(read(new TextEncoder().encode(text), 'x.txt'), new VFile({ path: 'x.txt' }));
    expect(children.length).toBeGreaterThan(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
