/**
 * The build: source files in, publication files out. The only place besides the CLI that
 * touches the disk.
 *
 * Every requested format is rendered in memory first; the files are written into a fresh
 * folder beside the report's output folder (this thread's files while a worker still renders
 * the PDF), which replaces the old folder in one synchronous switch once every format has
 * succeeded (output/commit.ts). A failed or interrupted build therefore leaves either the
 * previous outputs exactly as they were or the complete new set, never a mix.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReportError } from './errors.js';
import { causeOf } from './failure.js';
import { Generation } from './output/commit.js';

export { cleanupPending, writeAtomically } from './output/commit.js';
import type { Publication } from './model.js';
import { publish } from './publish.js';
import { readSidecar } from './sidecar-file.js';
import { writerFor, type Format } from './render/index.js';
import { publicationDate } from './render/shared/dates.js';
import { characterCoverage, describeFallback, describeMissing } from './render/shared/coverage.js';
import type { OutputFile, RenderContext, Writer } from './render/types.js';
import type { Template } from './templates/index.js';

export interface BuildOptions {
  out: string;
  formats: readonly Format[];
  /** The template, or how to load it: loaded after the source is parsed, when that is needed. */
  template: Template | (() => Template);
  maxBytes?: number;
  /** Progress lines (stage timings, files written). */
  progress?: (line: string) => void;
  /** Warnings, already formatted `file:line:column: warning: …`. */
  warn?: (line: string) => void;
  /** Characters the template's fonts cannot draw are an error, not a warning (--strict-glyphs). */
  strictGlyphs?: boolean;
  /** Replaces the registry's writers (tests use it to make a format fail on purpose). */
  writers?: Partial<Record<Format, Writer>>;
  /**
   * Writers that run elsewhere (a worker thread: see worker.ts), with their own copy of the
   * template. They are handed the publication as soon as it is parsed and awaited after the
   * other formats, so they run meanwhile; their timing is from start to result.
   */
  concurrent?: Partial<Record<Format, RemoteWriter>>;
}

/** A writer that runs elsewhere and loads the template there. */
export type RemoteWriter = (publication: Publication, context: Omit<RenderContext, 'template'>) => Promise<OutputFile[]>;

export interface BuildResult {
  publication: Publication;
  written: string[];
  /** Milliseconds per stage and per format. */
  timings: Record<string, number>;
}

export async function readSource(path: string): Promise<Uint8Array> {
  try {
    // Read at once rather than through the thread pool: a report is tens of kilobytes, and the
    // PDF worker waits for it to be parsed (an asynchronous read waited ~5 ms for its turn).
    const info = statSync(path);
    if (info.isDirectory()) throw new ReportError({ file: path }, 'is a folder, not a report');
    return readFileSync(path);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportError({ file: path }, code === 'ENOENT' ? 'no such file' : (causeOf(error as NodeJS.ErrnoException) ?? (error as Error).message));
  }
}

export async function buildSource(path: string, options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    timings[label] = performance.now() - t0;
    return result;
  };

  const bytes = await time('read', () => readSource(path));
  const publication = await time('parse', () => publish(bytes, path, { maxBytes: options.maxBytes, ...readSidecar(path) }));
  for (const message of publication.diagnostics) options.warn?.(formatMessage(path, message));
  options.progress?.(`${path}: read, parsed and normalised in ${Math.round(timings.read! + timings.parse!)} ms`);

  const date = publicationDate(publication.meta);
  const warn = (message: string) => options.warn?.(`${path}: warning: ${message}`);
  const elsewhere = new Map<Format, Promise<OutputFile[]>>();
  for (const format of options.formats) {
    const write = options.concurrent?.[format];
    if (!write) continue;
    const started = time(format, () => write(publication, { date, warn }));
    // Awaited below; until then a failure must not count as unhandled.
    started.catch(() => undefined);
    elsewhere.set(format, started);
  }
  const template = typeof options.template === 'function' ? options.template() : options.template;
  const context: RenderContext = { template, date, warn };
  if (options.formats.includes('pdf') || options.formats.includes('summary')) {
    const { missing, fallback } = characterCoverage(publication, template.layout);
    if (missing.length && options.strictGlyphs) throw new ReportError({ file: path }, describeMissing(missing));
    if (missing.length) warn(describeMissing(missing));
    // Drawn, only in the fallback font's design: a note, not a warning.
    if (fallback.length) options.warn?.(`${path}: note: ${describeFallback(fallback)}`);
  }
  const byFormat = new Map<Format, OutputFile[]>();
  for (const format of options.formats) {
    if (elsewhere.has(format)) continue;
    // Signal handlers run only when the event loop turns: a turn between formats lets Ctrl-C
    // stop the build after the stage under way instead of after the last one.
    await new Promise((resolve) => setImmediate(resolve));
    const write = options.writers?.[format] ?? (await writerFor(format));
    byFormat.set(format, await time(format, () => write(publication, context)));
  }
  const dir = join(options.out, publication.name);
  // The new set is written into a fresh folder beside the old one (this thread's files while
  // formats are still rendered elsewhere) and switched in whole: see output/commit.ts.
  const generation = Generation.open(dir);
  generation.catch(() => undefined);
  const here = generation.then((g) => g.write(options.formats.flatMap((format) => byFormat.get(format) ?? [])));
  here.catch(() => undefined);
  const written = await time('write', async () => {
    try {
      for (const [format, started] of elsewhere) byFormat.set(format, await started);
      await here;
      const g = await generation;
      await g.write([...elsewhere.keys()].flatMap((format) => byFormat.get(format)!));
      // Let a pending Ctrl-C be handled before the switch rather than after it.
      await new Promise((resolve) => setImmediate(resolve));
      g.commit();
    } catch (error) {
      await here.catch(() => undefined); // no write may land after the removal
      await (await generation.catch(() => undefined))?.discard();
      throw error;
    }
    // Files in the order the formats were asked for, wherever they were rendered.
    return options.formats.flatMap((format) => byFormat.get(format)!).map((f) => join(dir, f.path));
  });
  for (const format of options.formats) {
    const out = byFormat.get(format)!;
    for (const file of out) options.progress?.(`  ${format.padEnd(7)} ${join(dir, file.path)} (${size(file.data)}, ${Math.round(timings[format]!)} ms)`);
  }
  return { publication, written, timings };
}

export function formatMessage(path: string, message: { line?: number | null; column?: number | null; reason: string; fatal?: boolean | null; place?: unknown }): string {
  const end = (message.place as { end?: { line?: number } } | undefined)?.end?.line;
  // A message about a range of whole lines (a removed part of the page) names the range.
  const where = message.line ? (message.fatal !== false && message.fatal !== true && end && end !== message.line ? `${path}:${message.line}-${end}` : `${path}:${message.line}:${message.column ?? 1}`) : path;
  return `${where}: ${message.fatal ? 'error' : message.fatal === false ? 'warning' : 'note'}: ${message.reason}`;
}

function size(data: Uint8Array | string): string {
  const n = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

// Where the command line's format list is read (kept importable from here).
export { parseFormats, UsageError } from './args.js';
