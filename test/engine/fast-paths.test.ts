/**
 * The engine's fast paths are really taken: building the seed's PDF and summary PDF goes
 * through every one of them (a renamed member upstream, or a wrapper no longer reached, makes
 * a counter stay at zero), with no warning; and the versions they were written against are
 * the ones package.json pins and npm installed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publication, ROOT, SEED, template } from '../helpers.js';
import { checkEngine, engineStatus, FAST_PATHS, WRITTEN_AGAINST } from '../../pipeline/engine/index.js';
import { installedVersions } from '../../pipeline/engine/packages.js';
import { publicationDate } from '../../pipeline/render/shared/dates.js';
import { write as writePdf } from '../../pipeline/render/pdf/index.js';
import { write as writeSummary } from '../../pipeline/render/summary/index.js';

describe('the versions the engine was written against', () => {
  it('are pinned exactly in package.json and installed', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const pins = { pdfmake: pkg.dependencies.pdfmake, pdfkit: pkg.overrides.pdfkit, fontkit: pkg.overrides.fontkit };
    expect(pins).toEqual(WRITTEN_AGAINST);
    expect(installedVersions()).toEqual(WRITTEN_AGAINST);
  });
});

describe('building the seed', () => {
  it('takes every fast path, with no warning', async () => {
    expect(checkEngine()).toBeUndefined();
    const pub = publication(SEED);
    const context = { template: template('default'), date: publicationDate(pub.meta, {}), warn: () => {} };
    const [pdf] = await writePdf(pub, context);
    const summary = (await writeSummary(pub, context)).find((f) => f.path.endsWith('.pdf'))!;
    expect(Buffer.from(pdf!.data as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(summary.data as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    const status = engineStatus();
    expect(status.warnings).toEqual([]);
    for (const path of FAST_PATHS) {
      expect(status.on[path], path).toBe(true);
      expect(status.taken[path], path).toBeGreaterThan(0);
    }
    // Nearly every run of text is plain: the seed is Chinese prose.
    expect(status.taken.layout).toBeGreaterThan(1000);
  }, 60_000);
});
