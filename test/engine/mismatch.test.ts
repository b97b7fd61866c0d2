/**
 * An upgrade of pdfmake, pdfkit or fontkit (simulated: the version check is told other
 * versions) turns the engine's fast paths off with one warning line, and the PDF still comes
 * out whole: a real reader (pdfjs) finds the same text in it as in the PDF the fast paths
 * make, page for page. Runs in a process of its own (vitest's forks pool), so the check
 * happens before anything is rendered, as in a build.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { publication, SEED, template } from '../helpers.js';
import { checkEngine, engineStatus, FAST_PATHS } from '../../pipeline/engine/index.js';
import { allLines, open } from '../render/pdf/helpers.js';
import { publicationDate } from '../../pipeline/render/shared/dates.js';
import { write as writePdf } from '../../pipeline/render/pdf/index.js';

async function seedPdf(): Promise<Uint8Array> {
  const pub = publication(SEED);
  const [pdf] = await writePdf(pub, { template: template('default'), date: publicationDate(pub.meta, {}), warn: () => {} });
  return pdf!.data as Uint8Array;
}

async function text(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  return (await allLines(doc)).map((page) => page.map((line) => line.text).join('\n'));
}

describe('a version mismatch', () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterAll(() => stderr.mockRestore());

  it('turns the fast paths off with one warning, and the PDF keeps its text', async () => {
    const line = checkEngine({ fontkit: '2.1.0', pdfkit: '0.20.0', pdfmake: '0.3.12' });
    expect(line).toMatch(/fontkit 2\.1\.0 \(written against 2\.0\.4\)/);
    const slow = await seedPdf();
    const warned = stderr.mock.calls.map(([chunk]) => String(chunk));
    expect(warned).toEqual([`reportpress: warning: ${line}\n`]);
    const off = engineStatus();
    for (const path of FAST_PATHS) {
      expect(off.on[path], path).toBe(false);
      expect(off.taken[path], path).toBe(0);
    }

    // The versions as installed: the patches that can still go in do, and are taken.
    expect(checkEngine()).toBeUndefined();
    const fast = await seedPdf();
    expect(engineStatus().taken.layout).toBeGreaterThan(1000);
    const [slowText, fastText] = [await text(slow), await text(fast)];
    expect(slowText.length).toBeGreaterThan(5);
    expect(slowText.join('\n')).toContain('政府工作报告');
    expect(slowText).toEqual(fastText);
    // One warning in all, and the same bytes.
    expect(stderr.mock.calls.length).toBe(1);
    expect(Buffer.from(slow).equals(Buffer.from(fast))).toBe(true);
  }, 120_000);
});
