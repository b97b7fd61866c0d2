/**
 * `reportpress watch`: a saved source is rebuilt, a broken template is reported without
 * stopping the watch or touching the last good outputs, and fixing it rebuilds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWatch, type Watcher } from '../pipeline/watch.js';
import { plan } from '../pipeline/plan.js';
import { ROOT, SEED } from './helpers.js';

let watcher: Watcher | undefined;
afterEach(() => watcher?.close());

const next = (w: Watcher, event: 'built' | 'failed') =>
  new Promise<unknown[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} event within 5 s`)), 5000);
    w.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });

describe('watch', () => {
  it('rebuilds on save, survives a broken template, and keeps the last good output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-watch-'));
    mkdirSync(join(dir, 'source'));
    const source = join(dir, 'source/report.txt');
    cpSync(SEED, source);
    cpSync(join(ROOT, 'templates/default'), join(dir, 'tpl'), { recursive: true });
    const out = join(dir, 'out');
    watcher = startWatch([], { out, formats: ['md'], template: join(dir, 'tpl'), sourceDir: join(dir, 'source'), quiet: true, settle: 50 });
    await watcher.ready;
    const md = join(out, 'report/report.md');
    expect(readFileSync(md, 'utf8')).toContain('2024年工作回顾');
    // Recorded like any build: make finds nothing to do.
    const todo = await plan({ sourceDir: join(dir, 'source'), out, template: join(dir, 'tpl'), formats: ['md'] });
    expect(todo.build).toEqual([]);

    const started = Date.now();
    const built = next(watcher, 'built');
    writeFileSync(source, readFileSync(source, 'utf8').replace('2024年工作回顾', '2024年工作总结'));
    await built;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(readFileSync(md, 'utf8')).toContain('2024年工作总结');

    const layout = join(dir, 'tpl/layout.yaml');
    const good = readFileSync(layout, 'utf8');
    const failed = next(watcher, 'failed');
    writeFileSync(layout, good.replace('size: A4', 'size: A99'));
    const [, message] = await failed;
    expect(String(message)).toMatch(/layout\.yaml:\d+:\d+: error: page\.size/);
    expect(readFileSync(md, 'utf8')).toContain('2024年工作总结');

    const rebuilt = next(watcher, 'built');
    writeFileSync(layout, good);
    await rebuilt;
  });
});
