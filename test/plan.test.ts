/**
 * plan.ts: what make has to do, read from the build records checked against the disk. Each
 * change that alters what a build would give makes a report stale, with the reason; changes
 * that do not (another template's files) leave it alone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from '../pipeline/plan.js';
import { recordFile } from '../pipeline/record.js';
import { BuildSession } from '../pipeline/session.js';
import { ROOT, SEED } from './helpers.js';

let dir: string;
const settings = () => ({ sourceDir: join(dir, 'source'), out: join(dir, 'out'), template: join(dir, 'templates/mine'), formats: ['md' as const] });
const reasons = async (overrides: Partial<ReturnType<typeof settings>> = {}) => (await plan({ ...settings(), ...overrides })).build.map((s) => s.reason);
const later = (file: string) => {
  const t = new Date(Date.now() + 5000);
  utimesSync(file, t, t);
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-plan-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(join(dir, 'source/r.txt'), readFileSync(SEED, 'utf8').split('\n').slice(0, 30).join('\n'));
  for (const t of ['mine', 'other']) cpSync(join(ROOT, 'templates/default'), join(dir, 'templates', t), { recursive: true });
  const s = settings();
  const session = await BuildSession.open({ out: s.out, formats: ['md'], template: s.template, quiet: true, report: (e) => expect.fail(String(e)) });
  const result = await session.build([join(s.sourceDir, 'r.txt')]);
  expect(result.failed).toBe(0);
});

/** `reportpress sync` as make runs it, in this process. */
async function syncOnce() {
  const { sourceDir, ...rest } = settings();
  const session = await BuildSession.open({ ...rest, quiet: true, report: (e) => expect.fail(String(e)) });
  return session.sync(sourceDir);
}

describe('plan', () => {
  it('finds nothing to do right after a build', async () => {
    expect(await plan(settings())).toEqual({ build: [], remove: [], refused: [] });
  });

  it('leaves the report alone when another template or a file outside the chain changes', async () => {
    later(join(dir, 'templates/other/layout.yaml'));
    writeFileSync(join(dir, 'templates/README.md'), 'notes');
    expect(await reasons()).toEqual([]);
  });

  it('gives the reason for each change that matters', async () => {
    expect(await reasons({ formats: ['md', 'html'] as never })).toEqual(['other formats']);
    expect(await reasons({ template: join(dir, 'templates/other') })).toEqual(['template changed']);
    later(join(dir, 'templates/mine/partials/html-head.hbs'));
    expect(await reasons()).toEqual(['template changed']);
  });

  it('sees a touched source, an edited or deleted output, and a damaged record', async () => {
    later(join(dir, 'source/r.txt'));
    expect(await reasons()).toEqual(['source changed']);
    await syncOnce();
    expect(await reasons()).toEqual([]);
    writeFileSync(join(dir, 'out/r/r.md'), 'edited by hand');
    expect(await reasons()).toEqual(['r.md changed or missing']);
    rmSync(join(dir, 'out/r'), { recursive: true });
    expect(await reasons()).toEqual(['r.md changed or missing']);
    writeFileSync(recordFile(join(dir, 'out'), 'r'), '{ not json');
    expect(await reasons()).toEqual(['no outputs yet']);
  });

  it('plans the removal of outputs whose source is gone, and refuses two sources with one folder', async () => {
    mkdirSync(join(dir, 'source/sub'));
    writeFileSync(join(dir, 'source/sub/r.md'), '# r');
    const both = await plan(settings());
    expect(both.refused.map((r) => r.source)).toEqual([join(dir, 'source/sub/r.md')]);
    rmSync(join(dir, 'source'), { recursive: true });
    const gone = await plan(settings());
    expect(gone.remove.map((r) => r.name)).toEqual(['r']);
    await syncOnce();
    expect(() => readFileSync(join(dir, 'out/r/r.md'))).toThrow();
    expect(await plan(settings())).toEqual({ build: [], remove: [], refused: [] });
  });
});
