/**
 * The engine looks for a member before it replaces it: should an upgrade rename one (here a
 * subset object without `_addGlyph`, as fontkit would hand out after such a rename), the fast
 * path is turned off with one warning naming the member, instead of a wrapper being set that
 * nothing calls; and nothing else in the pipeline or bin/ assigns a dependency's private
 * members (the one-folder rule the architecture check applies).
 */
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, template } from '../helpers.js';
import { engineStatus } from '../../pipeline/engine/index.js';
import { installFastSubset, type TtfSubset } from '../../pipeline/engine/fast-subset.js';
import { fontData } from '../../pipeline/render/shared/fonts.js';

describe('a member renamed upstream', () => {
  it('turns its fast path off with one warning', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const file = Object.values(template('default').layout.fonts)[0]!.regular;
      const renamed = { font: { getGlyph: () => ({}) }, includeGlyph: () => 0, appendGlyph: () => 0 } as unknown as TtfSubset;
      installFastSubset(renamed, fontData(file));
      installFastSubset({ ...renamed } as TtfSubset, fontData(file));
      expect(Object.keys(renamed)).not.toContain('_addGlyph');
      const status = engineStatus();
      expect(status.on.subset).toBe(false);
      expect(status.on.layout).toBe(true);
      expect(status.warnings).toEqual(["fontkit's TrueType subset has no _addGlyph (a changed dependency?): the PDF engine's fast path subset is off"]);
      expect(stderr.mock.calls.map(([chunk]) => String(chunk))).toEqual([`reportpress: warning: ${status.warnings[0]}\n`]);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('patches of private members', () => {
  /** The architecture check's pattern: assignments to `x._name`, `prototype._name`, Node's module internals. */
  const PATCH = /(prototype\._\w+\s*=|\b\w+\._[a-zA-Z]\w*\s*=[^=]|Module\.prototype|_compile\b)/;
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js|cjs|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));

  it('are all in pipeline/engine/', () => {
    const places = new Set<string>();
    for (const file of [...sources(join(ROOT, 'pipeline')), ...sources(join(ROOT, 'bin'))]) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
        if (PATCH.test(line)) places.add(relative(ROOT, join(file, '..')));
      }
    }
    expect([...places]).toEqual(['pipeline/engine']);
  });
});
