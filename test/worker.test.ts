/**
 * The PDF worker thread (pipeline/worker.ts) as the CLI starts it: bin/pdf-worker.cjs. What it renders is compared with the writer run in this thread, and its failures
 * come back as the errors they would have been here. (test/cli.test.ts compares whole builds
 * with and without it.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel, Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormatWorker, type Setup } from '../pipeline/worker.js';
import { ReportError } from '../pipeline/errors.js';
import { write as writePdf } from '../pipeline/render/pdf/index.js';
import { loadTemplate } from '../pipeline/templates/index.js';
import { publication, ROOT, SEED } from './helpers.js';

const ENTRY = join(ROOT, 'bin/pdf-worker.cjs');
const start = (): Worker => new Worker(ENTRY, { workerData: { reportpressWorker: { format: 'pdf', tiers: 'all' } } satisfies Setup });
let running: FormatWorker | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the PDF worker', () => {
  const pub = publication(SEED);
  const date = new Date(Date.UTC(2025, 1, 26));

  it('renders the bytes the writer renders in this thread, and passes its warnings on', async () => {
    running = new FormatWorker(start(), 'default', 'pdf');
    const warnings: string[] = [];
    const there = await running.render(pub, { template: loadTemplate('default'), date, warn: (w) => warnings.push(w) });
    const here: string[] = [];
    const local = await writePdf(pub, { template: loadTemplate('default'), date, warn: (w) => here.push(w) });
    expect(there.map((f) => f.path)).toEqual(local.map((f) => f.path));
    expect(Buffer.from(there[0]!.data as Uint8Array).equals(Buffer.from(local[0]!.data as Uint8Array))).toBe(true);
    expect(warnings).toEqual(here);
  });

  it('renders one publication after another', async () => {
    running = new FormatWorker(start(), 'official', 'pdf');
    const context = { template: loadTemplate('official'), date, warn: () => undefined };
    const [a, b] = [await running.render(pub, context), await running.render(pub, context)];
    expect(Buffer.from(a[0]!.data as Uint8Array).equals(Buffer.from(b[0]!.data as Uint8Array))).toBe(true);
  });

  it('raises a report error from the worker as the same ReportError here', async () => {
    running = new FormatWorker(start(), '/no/such/template', 'pdf');
    const failure = running.render(pub, { template: loadTemplate('default'), date, warn: () => undefined });
    await expect(failure).rejects.toBeInstanceOf(ReportError);
    await expect(failure).rejects.toMatchObject({ file: '/no/such/template', message: expect.stringMatching(/does not exist/) });
  });

  it('shares the font files it reads with this thread instead of this thread reading them again', async () => {
    const channel = new MessageChannel();
    const setup: Setup = { reportpressWorker: { format: 'pdf', fonts: channel.port2, tiers: 'all' } };
    running = new FormatWorker(new Worker(ENTRY, { workerData: setup, transferList: [channel.port2] }), 'default', 'pdf');
    await running.render(pub, { date, warn: () => undefined });
    // A copy of the font module that has read nothing yet (this file's other tests read fonts here).
    vi.resetModules();
    const { fontData, takeFontsFrom } = await import('../pipeline/render/shared/fonts.js');
    takeFontsFrom(channel.port1);
    const body = loadTemplate('default').layout.fonts[loadTemplate('default').layout.styles.body.font]!.regular;
    const data = fontData(body);
    expect(data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(data.equals(readFileSync(body))).toBe(true);
    channel.port1.close();
  });

  it('fails every job, rather than hanging, once the thread has stopped', async () => {
    const worker = start();
    running = new FormatWorker(worker, 'default', 'pdf');
    await worker.terminate();
    await expect(running.render(pub, { template: loadTemplate('default'), date, warn: () => undefined })).rejects.toThrow(/worker thread stopped/);
  });
});
