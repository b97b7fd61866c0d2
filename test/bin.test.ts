/**
 * engine/load.cjs, the loader of the command line: the native stand-in for tiny-inflate gives the
 * bytes tiny-inflate gives (on the Unicode tables the packages really inflate, and on odd
 * shapes), and deferred exports behave as the module would, only later.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { deferred, nativeInflate } from '../pipeline/engine/load.cjs';

const require = createRequire(import.meta.url);
const tinyInflate = require('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const inflate = nativeInflate as typeof tinyInflate;

/** The Unicode tables linebreak and unicode-properties carry, as unicode-trie reads them (header, then twice inflated). */
function tables(): Array<[string, Uint8Array]> {
  return ['linebreak/dist/main.cjs', 'unicode-properties/dist/main.cjs'].flatMap((file) => {
    const source = readFileSync(createRequire(require.resolve('pdfkit')).resolve(file.split('/')[0]!).replace(/dist\/main\.cjs$/, file.slice(file.indexOf('/') + 1)), 'utf8');
    return [...source.matchAll(/toByteArray\("([A-Za-z0-9+/=]{1000,})"\)/g)].map((m, i): [string, Uint8Array] => [`${file} #${i + 1}`, new Uint8Array(Buffer.from(m[1]!, 'base64'))]);
  });
}

describe('the native stand-in for tiny-inflate', () => {
  const found = tables();

  it('finds the tables it is tested on', () => {
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it.each(found)('inflates %s to the same bytes, twice over as unicode-trie does', (_name, blob) => {
    const length = new DataView(blob.buffer, blob.byteOffset).getUint32(8, true);
    const run = (f: typeof tinyInflate) => f(f(blob.subarray(12), new Uint8Array(length)), new Uint8Array(length));
    const theirs = run(tinyInflate);
    const ours = run(inflate);
    expect(ours.length).toBe(theirs.length);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it('returns the destination itself when filled, and a shorter copy when the data ends early', () => {
    const data = new TextEncoder().encode('政府工作报告'.repeat(500));
    const packed = deflateRawSync(data, { level: 9 });
    for (const size of [data.length, data.length + 100]) {
      const [a, b] = [new Uint8Array(size), new Uint8Array(size)];
      const theirs = tinyInflate(packed, a);
      const ours = inflate(packed, b);
      expect(ours === b).toBe(theirs === a);
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    }
  });
});

describe('deferred exports', () => {
  it('run the module once, when first read or called, and then behave as its exports', () => {
    let runs = 0;
    const math = deferred(() => {
      runs++;
      return { twice: (n: number) => 2 * n, name: 'm' };
    });
    expect(runs).toBe(0);
    expect(math.twice(4)).toBe(8);
    expect('name' in math).toBe(true);
    expect(Object.keys(math)).toEqual(['twice', 'name']);
    expect(runs).toBe(1);
    const fn = deferred(() => (s: string) => s.toUpperCase());
    expect(fn('abc')).toBe('ABC');
  });
});
