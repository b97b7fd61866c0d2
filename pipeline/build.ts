/**
 * The build: source files in, publication files out. The only place besides the CLI that
 * touches the disk.
 *
 * Every requested format is rendered in memory first; each file is written to a temporary name
 * in the destination folder (this thread's files while a worker still renders the PDF), and
 * all are renamed into place only when every format succeeded (a folder such as html/ is
 * swapped whole). A failed or interrupted build therefore leaves the previous outputs exactly
 * as they were and never a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReportError } from './errors.js';
import type { Publication } from './model.js';
import { publish } from './publish.js';
import { writerFor, type Format } from './render/index.js';
import { publicationDate } from './render/shared/dates.js';
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
    throw new ReportError({ file: path }, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message);
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
  const publication = await time('parse', () => publish(bytes, path, { maxBytes: options.maxBytes }));
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
  const byFormat = new Map<Format, OutputFile[]>();
  for (const format of options.formats) {
    if (elsewhere.has(format)) continue;
    const write = options.writers?.[format] ?? (await writerFor(format));
    byFormat.set(format, await time(format, () => write(publication, context)));
  }
  const dir = join(options.out, publication.name);
  // While formats are still rendered elsewhere, this thread's files are written under
  // temporary names; all are renamed into place once every format has succeeded.
  const here = elsewhere.size ? stage(dir, options.formats.flatMap((format) => byFormat.get(format) ?? [])) : undefined;
  here?.catch(() => undefined);
  try {
    for (const [format, started] of elsewhere) byFormat.set(format, await started);
  } catch (error) {
    const staged = await here?.catch(() => undefined);
    if (staged) await discard(staged);
    throw error;
  }
  // Files in the order the formats were asked for, wherever they were rendered.
  const files = options.formats.flatMap((format) => byFormat.get(format)!);

  const written = await time('write', async () => {
    if (!here) return writeAtomically(dir, files);
    const early = await here;
    let late: Staged;
    try {
      late = await stage(dir, [...elsewhere.keys()].flatMap((format) => byFormat.get(format)!));
    } catch (error) {
      await discard(early);
      throw error;
    }
    await commit(early, late);
    return files.map((f) => join(dir, f.path));
  });
  for (const format of options.formats) {
    const out = byFormat.get(format)!;
    for (const file of out) options.progress?.(`  ${format.padEnd(7)} ${join(dir, file.path)} (${size(file.data)}, ${Math.round(timings[format]!)} ms)`);
  }
  return { publication, written, timings };
}

export function formatMessage(path: string, message: { line?: number | null; column?: number | null; reason: string; fatal?: boolean | null }): string {
  const where = message.line ? `${path}:${message.line}:${message.column ?? 1}` : path;
  return `${where}: ${message.fatal ? 'error' : 'warning'}: ${message.reason}`;
}

function size(data: Uint8Array | string): string {
  const n = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** Temporary paths not yet renamed; removed if the process is interrupted. */
const pending = new Set<string>();
/** File operations under way: an interrupt waits for them, or a write could land after the cleanup. */
const inflight = new Set<Promise<unknown>>();
let aborting = false;

function track<T>(operation: Promise<T>): Promise<T> {
  if (aborting) throw new ReportError({ file: 'reportpress' }, 'interrupted');
  inflight.add(operation);
  operation.then(
    () => inflight.delete(operation),
    () => inflight.delete(operation),
  );
  return operation;
}

/**
 * Stops all writing, lets operations under way finish, then removes every temporary path.
 * The CLI exits afterwards; a caller that goes on (a test) passes `resume` to write again.
 */
export async function cleanupPending(options: { resume?: boolean } = {}): Promise<void> {
  aborting = true;
  while (inflight.size) await Promise.allSettled([...inflight]);
  await Promise.all([...pending].map((p) => rm(p, { recursive: true, force: true })));
  pending.clear();
  if (options.resume) aborting = false;
}

/** Writes `files` under `dir`: staged under temporary names, then renamed into place. */
export async function writeAtomically(dir: string, files: OutputFile[]): Promise<string[]> {
  await commit(await stage(dir, files));
  return files.map((f) => join(dir, f.path));
}

/** Files written under temporary names, waiting to be renamed into place (or removed). */
interface Staged {
  temps: string[];
  renames: Array<() => Promise<void>>;
}

/**
 * Writes `files` under `dir` with temporary names. Files at the top level are later renamed
 * into place one by one; each subfolder is built beside the old one and later swapped in, so
 * stale files from an earlier build of that folder do not linger. On failure its own
 * temporary files are gone.
 */
async function stage(dir: string, files: OutputFile[]): Promise<Staged> {
  const staged: Staged = { temps: [], renames: [] };
  if (files.length === 0) return staged;
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const top: OutputFile[] = [];
  const folders = new Map<string, OutputFile[]>();
  for (const file of files) {
    const [head, ...rest] = file.path.split('/');
    if (rest.length === 0) top.push(file);
    else folders.set(head!, [...(folders.get(head!) ?? []), { path: rest.join('/'), data: file.data }]);
  }

  await track(mkdir(dir, { recursive: true }));
  const { temps, renames } = staged;
  try {
    for (const file of top) {
      const temp = join(dir, `.${file.path}.tmp-${tag}`);
      pending.add(temp);
      temps.push(temp);
      await track(writeFile(temp, file.data));
      renames.push(async () => {
        await track(rename(temp, join(dir, file.path)));
        pending.delete(temp);
      });
    }
    for (const [folder, inner] of folders) {
      const temp = join(dir, `.${folder}.tmp-${tag}`);
      pending.add(temp);
      temps.push(temp);
      for (const file of inner) {
        await track(mkdir(dirname(join(temp, file.path)), { recursive: true }));
        await track(writeFile(join(temp, file.path), file.data));
      }
      renames.push(async () => {
        const final = join(dir, folder);
        const old = join(dir, `.${folder}.old-${tag}`);
        const hadOld = await exists(final);
        if (hadOld) {
          pending.add(old);
          await track(rename(final, old));
        }
        await track(rename(temp, final));
        pending.delete(temp);
        if (hadOld) {
          await track(rm(old, { recursive: true, force: true }));
          pending.delete(old);
        }
      });
    }
  } catch (error) {
    await discard(staged);
    throw error;
  }
  return staged;
}

/** Renames staged files into place. */
async function commit(...stages: Staged[]): Promise<void> {
  for (const staged of stages) for (const rename of staged.renames) await rename();
}

/**
 * Removes staged files. Their operations were awaited one by one, so none is still under
 * way. (An interrupt is cleanupPending's business, not this.)
 */
async function discard(staged: Staged): Promise<void> {
  await Promise.all(staged.temps.map((t) => rm(t, { recursive: true, force: true })));
  for (const t of staged.temps) pending.delete(t);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

// Where the command line's format list is read (kept importable from here).
export { parseFormats, UsageError } from './args.js';
