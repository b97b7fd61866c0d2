/**
 * `reportpress watch`: while someone edits a source or a template, rebuild what the change
 * affects. A saved source rebuilds that report; a saved template file rebuilds every report.
 * Errors are printed and the watch goes on; outputs are written atomically, so the last good
 * ones stay in place until a build succeeds.
 */
import { watch as watchFs, type FSWatcher } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { EventEmitter } from 'node:events';
import { isReportError } from './errors.js';
import type { Format } from './render/index.js';
import type { Template } from './templates/index.js';
import { sourceFiles } from './plan.js';
import { BuildSession } from './session.js';

export interface WatchOptions {
  out: string;
  formats: Format[];
  template: string;
  maxBytes?: number;
  quiet?: boolean;
  /** Folder scanned for reports when no sources are named. */
  sourceDir?: string;
  /** Milliseconds to wait for a burst of saves to settle. */
  settle?: number;
}

export interface Watcher extends EventEmitter {
  /** Resolves after the first full build. */
  ready: Promise<void>;
  close(): void;
}

/** Events: 'built' (source), 'failed' (source or template path, message), 'idle'. */
export function startWatch(named: string[], options: WatchOptions): Watcher {
  const events = new EventEmitter() as Watcher;
  const settle = options.settle ?? 150;
  const sourceDir = resolve(options.sourceDir ?? 'source');
  let template: Template | undefined;
  let sources = new Set<string>(named.map((s) => resolve(s)));
  const dirty = new Set<string>();
  let templateDirty = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watchers: FSWatcher[] = [];

  const log = (line: string) => {
    if (!options.quiet) console.error(line);
  };
  const fail = (where: string, error: unknown) => {
    const message = isReportError(error) ? error.format() : `${where}: error: ${(error as Error).message}`;
    console.error(message);
    events.emit('failed', where, message);
  };

  // The machinery of every build (session.ts): the template kept loaded between saves, each
  // report written whole and recorded, so make knows these outputs are current.
  const session = BuildSession.open({
    out: options.out,
    formats: options.formats,
    template: options.template,
    maxBytes: options.maxBytes,
    quiet: true,
    report: (error, source) => fail(source ?? options.template, error),
    built: (source, result) => {
      log(`${source}: rebuilt in ${Math.round(Object.values(result.timings).reduce((a, b) => a + b, 0))} ms`);
      events.emit('built', resolve(source));
    },
  });

  const rebuild = async () => {
    const builder = await session;
    if (templateDirty) {
      templateDirty = false;
      try {
        template = builder.reloadTemplate();
        for (const s of sources) dirty.add(s);
        watchTemplate(template);
      } catch (error) {
        fail(options.template, error);
        template = undefined;
      }
    }
    if (named.length === 0) {
      const found = new Set((await sourceFiles(sourceDir)).map((s) => resolve(s)));
      for (const s of found) if (!sources.has(s)) dirty.add(s);
      sources = found;
    }
    if (!template) return;
    const batch = [...dirty].filter((s) => sources.has(s));
    dirty.clear();
    await builder.build(batch.map((source) => relative(process.cwd(), source)));
    events.emit('idle');
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild, rebuild);
    }, settle);
  };

  let watchedTemplate = '';
  const watchTemplate = (t: Template) => {
    const key = t.chain.join('\n');
    if (key === watchedTemplate) return;
    watchedTemplate = key;
    for (const dir of t.chain) {
      watchers.push(
        watchFs(dir, { recursive: true }, () => {
          templateDirty = true;
          schedule();
        }),
      );
    }
  };

  const onSource = (file: string | null, base: string) => {
    if (!file) return;
    const path = resolve(base, file);
    const ext = extname(path).toLowerCase();
    if (['.yaml', '.yml'].includes(ext)) {
      // A sidecar: its report (whichever of .txt and .md) builds again.
      const stem = path.slice(0, -ext.length);
      for (const source of sources) if (source.slice(0, -extname(source).length) === stem) dirty.add(source);
      schedule();
      return;
    }
    if (!['.txt', '.md'].includes(ext)) return;
    dirty.add(path);
    schedule();
  };
  const dirs = new Set(named.length ? named.map((s) => resolve(s, '..')) : [sourceDir]);
  for (const dir of dirs) watchers.push(watchFs(dir, { recursive: named.length === 0 }, (_event, file) => onSource(file?.toString() ?? null, dir)));

  events.ready = (running = running.then(rebuild));
  events.close = () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
  return events;
}

export async function watch(named: string[], options: WatchOptions): Promise<number> {
  const watcher = startWatch(named, options);
  await watcher.ready;
  console.error(`watching ${named.length ? named.join(', ') : 'source/'} and template "${options.template}" (Ctrl-C to stop)`);
  await new Promise<void>(() => {});
  return 0;
}

