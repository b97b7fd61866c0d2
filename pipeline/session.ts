/**
 * A build session: the one object that owns a build from parsed options to files on disk.
 * It loads the template once, adopts the PDF worker thread (or stops it when the formats
 * have no use for it) and shares the font files with it, schedules reports and formats over
 * the two threads, writes each report's set atomically (build.ts, output/commit.ts), records
 * what made it (record.ts), and reports a failing report while the others go on. `build`
 * takes named sources, `sync` a source folder (what make runs: removed sources' outputs go,
 * stale reports are built). Ctrl-C is not its business: launch.ts stops the whole thread.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { basename, extname, join, resolve } from 'node:path';
import { buildSource, type BuildResult } from './build.js';
import { pipelineFingerprint, templateFingerprint } from './fingerprint.js';
import { plan, shownSource, type Plan } from './plan.js';
import type { Format } from './render/index.js';
import { takeFontsFrom } from './render/shared/fonts.js';
import { readRecord, removeOutputs, removeRecord, sidecarStampOf, stampOf, writeRecord, type FileStamp } from './record.js';
import { loadTemplate, type Template } from './templates/index.js';
import { FormatWorker } from './worker.js';

export interface SessionOptions {
  out: string;
  formats: Format[];
  /** As given: a template name or folder. */
  template: string;
  maxBytes?: number;
  /** A character the template's fonts cannot draw fails the build instead of a warning. */
  strictGlyphs?: boolean;
  quiet?: boolean;
  /** stderr is a terminal: a line per stage and file instead of one per report. */
  interactive?: boolean;
  /** Prints one failure (a ReportError or anything else), naming the source when given. */
  report(error: unknown, source?: string): void;
  /** Told of each report built (watch says so and signals its listeners). */
  built?(source: string, result: BuildResult): void;
}

/** A PDF worker thread already loading its part of the pipeline (bin/build-worker.cjs starts it). */
export interface PdfThread {
  worker: Worker;
  /** Where it shares the font files it reads. */
  fontPort?: MessagePort;
}

export interface BatchResult {
  failed: number;
  stats: Array<{ source: string; timings: Record<string, number> }>;
}

/** PDFs the worker thread may have in hand before this thread renders one itself (see `one`). */
const PDF_BACKLOG = 2;

export class BuildSession {
  private template: Template | undefined;
  private fingerprint = '';
  private templateFailed = false;
  private templateReported = false;

  private constructor(
    private readonly options: SessionOptions,
    /** Renders the PDF beside the other formats, when there is one. */
    private readonly pdf: FormatWorker | undefined,
  ) {}

  /**
   * A session for `options`. The PDF thread is used when the PDF and another format are
   * built (`work`: there is anything to build at all); otherwise it is stopped.
   */
  static async open(options: SessionOptions, thread?: PdfThread, work = true): Promise<BuildSession> {
    if (!thread) return new BuildSession(options, undefined);
    if (!work || !options.formats.includes('pdf') || options.formats.length < 2) {
      await thread.worker.terminate();
      return new BuildSession(options, undefined);
    }
    if (thread.fontPort) takeFontsFrom(thread.fontPort);
    return new BuildSession(options, new FormatWorker(thread.worker, options.template, 'pdf'));
  }

  /** Whether the PDF is rendered in the worker thread (REPORTPRESS_STATS says so). */
  get threaded(): boolean {
    return !!this.pdf;
  }

  async close(): Promise<void> {
    await this.pdf?.close();
  }

  /**
   * The template loaded afresh (watch calls this when a template file was saved): the
   * reports built next use it. Throws what loading throws.
   */
  reloadTemplate(): Template {
    this.template = undefined;
    this.templateFailed = false;
    this.templateReported = false;
    return this.loadTemplate();
  }

  /** Loaded once, after the first source is parsed: the PDF thread is handed that first. */
  private loadTemplate = (): Template => {
    if (this.template) return this.template;
    try {
      this.template = loadTemplate(this.options.template);
      this.fingerprint = templateFingerprint(this.template);
      return this.template;
    } catch (error) {
      this.templateFailed = true;
      throw error;
    }
  };

  /**
   * Brings `out` in line with `sourceDir`: outputs of removed sources go, every stale report
   * is built (`todo`: the plan, when already made).
   */
  async sync(sourceDir: string, todo?: Plan): Promise<BatchResult> {
    const { out, template, formats, quiet } = this.options;
    todo ??= await plan({ sourceDir, out, template, formats });
    for (const record of todo.remove) {
      removeOutputs(out, record);
      removeRecord(out, record.name);
      if (!quiet) console.error(`${join(out, record.name)}/ removed (${shownSource(record)} is gone)`);
    }
    for (const { message } of todo.refused) console.error(message);
    const result = todo.build.length ? await this.build(todo.build.map((s) => s.source)) : { failed: 0, stats: [] };
    result.failed += todo.refused.length;
    return result;
  }

  /** Builds every source; a failure is reported and the others go on. */
  async build(sources: string[]): Promise<BatchResult> {
    const options = this.options;
    const result: BatchResult = { failed: 0, stats: [] };
    // With the PDF in a worker thread, the next report is read and parsed while the worker
    // still lays out this one's PDF, so neither thread waits for the other; two at a time is
    // enough.
    const depth = this.pdf ? 2 : 1;
    const running = new Set<Promise<void>>();
    const names = new Map<string, string>();
    for (const source of sources) {
      if (this.templateFailed) break;
      // Two sources with one output folder would overwrite each other (at the same time, here).
      const name = basename(source, extname(source));
      const other = names.get(name);
      if (other !== undefined) {
        result.failed++;
        console.error(`${source}: error: ${other} also writes ${join(options.out, name)}/: rename one of them`);
        continue;
      }
      names.set(name, source);
      const job = this.one(source, result);
      running.add(job);
      void job.finally(() => running.delete(job));
      if (running.size >= depth) await Promise.race(running);
    }
    await Promise.all(running);
    return result;
  }

  private async one(source: string, result: BatchResult): Promise<void> {
    const options = this.options;
    const progress = !options.quiet && options.interactive ? (line: string) => console.error(line) : undefined;
    // The PDF is about two thirds of a report's work, so over a batch the worker thread falls
    // behind: a report whose PDF would wait behind two others in the worker renders it here,
    // and both threads stay busy (the same writer either way: the same bytes).
    const concurrent = this.pdf && this.pdf.pending < PDF_BACKLOG ? { [this.pdf.format]: this.pdf.writer } : undefined;
    // Taken before the source is read: a save during the build leaves the record behind it.
    const stamp = stampOf(source, resolve(source));
    const sidecar = sidecarStampOf(source);
    try {
      const built = await buildSource(source, { out: options.out, formats: options.formats, template: this.loadTemplate, maxBytes: options.maxBytes, strictGlyphs: options.strictGlyphs, progress, concurrent, warn: (line) => console.error(line) });
      const dir = join(options.out, built.publication.name);
      recordBuild(options.out, built, { source: stamp, sidecar, template: { name: options.template, fingerprint: this.fingerprint }, formats: options.formats });
      result.stats.push({ source, timings: built.timings });
      options.built?.(source, built);
      if (!options.quiet && !progress) console.error(`${source} -> ${dir}/ (${built.written.length} files)`);
    } catch (error) {
      result.failed++;
      // A template that fails to load fails the session once, not per source.
      if (!this.templateFailed) options.report(error, source);
      else if (!this.templateReported) options.report(error);
      this.templateReported ||= this.templateFailed;
    }
  }
}

/** What made a build, besides its files: see OutputRecord. */
export interface BuildSettings {
  /** The source as it was before the build read it (stampOf); undefined if it was gone. */
  source?: FileStamp;
  /** Its sidecar as it was then, if it had one. */
  sidecar?: FileStamp;
  template: { name: string; fingerprint: string };
  formats: Format[];
}

/**
 * Records what was just written into `<out>/<name>/` and removes what the previous build
 * there wrote and this one did not. Without the source's stamp (it vanished meanwhile) the
 * old record is dropped instead, so the next make builds again.
 */
export function recordBuild(out: string, built: BuildResult, how: BuildSettings): void {
  const name = built.publication.name;
  const dir = join(out, name);
  const written = built.written.map((file) => file.slice(dir.length + 1));
  const previous = readRecord(out, name);
  if (previous) removeOutputs(out, previous, new Set(written));
  if (!how.source) return removeRecord(out, name);
  const files = written.map((path) => stampOf(join(dir, path), path)).filter((f): f is FileStamp => !!f);
  writeRecord(out, { version: 1, name, source: how.source, ...(how.sidecar ? { sidecar: how.sidecar } : {}), template: how.template, formats: [...how.formats], pipeline: pipelineFingerprint(), files });
}
