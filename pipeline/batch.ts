/**
 * Building many reports in one process: the template is loaded once, the PDF worker thread
 * (worker.ts) and the loaded fonts and code serve every report, and a report that fails is
 * reported while the others go on. After each report its output folder is recorded
 * (record.ts), and files of the folder's previous build that this one did not write (formats
 * no longer asked for) are removed: a folder never mixes two builds.
 */
import { basename, extname, join, resolve } from 'node:path';
import { buildSource, type BuildResult } from './build.js';
import { pipelineFingerprint, templateFingerprint } from './fingerprint.js';
import type { Format } from './render/index.js';
import { readRecord, removeOutputs, removeRecord, sidecarStampOf, stampOf, writeRecord, type FileStamp } from './record.js';
import { loadTemplate, type Template } from './templates/index.js';
import type { FormatWorker } from './worker.js';

export interface BatchOptions {
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
  /** The PDF worker thread, when the PDF is rendered beside the other formats. */
  worker?: FormatWorker;
  /** Prints one failure (a ReportError or anything else), naming the source when given. */
  report(error: unknown, source?: string): void;
}

export interface BatchResult {
  failed: number;
  stats: Array<{ source: string; timings: Record<string, number> }>;
}

export async function buildBatch(sources: string[], options: BatchOptions): Promise<BatchResult> {
  // Loaded once, after the first source is parsed: the PDF worker is handed the parsed
  // source first. A template that fails to load fails the batch once, not per source.
  let template: Template | undefined;
  let fingerprint = '';
  let templateFailed = false;
  const loadOnce = () => {
    if (template) return template;
    try {
      template = loadTemplate(options.template);
      fingerprint = templateFingerprint(template);
      return template;
    } catch (error) {
      templateFailed = true;
      throw error;
    }
  };
  const progress = !options.quiet && options.interactive ? (line: string) => console.error(line) : undefined;
  const concurrent = options.worker ? { [options.worker.format]: options.worker.writer } : undefined;
  const result: BatchResult = { failed: 0, stats: [] };
  let templateReported = false;

  const one = async (source: string) => {
    // Taken before the source is read: a save during the build leaves the record behind it.
    const stamp = stampOf(source, resolve(source));
    const sidecar = sidecarStampOf(source);
    try {
      const built = await buildSource(source, { out: options.out, formats: options.formats, template: loadOnce, maxBytes: options.maxBytes, strictGlyphs: options.strictGlyphs, progress, concurrent, warn: (line) => console.error(line) });
      const dir = join(options.out, built.publication.name);
      recordBuild(options.out, built, { source: stamp, sidecar, template: { name: options.template, fingerprint }, formats: options.formats });
      result.stats.push({ source, timings: built.timings });
      if (!options.quiet && !progress) console.error(`${source} -> ${dir}/ (${built.written.length} files)`);
    } catch (error) {
      result.failed++;
      if (!templateFailed) options.report(error, source);
      else if (!templateReported) options.report(error);
      templateReported ||= templateFailed;
    }
  };

  // With the PDF in a worker thread, the next report is read and parsed while the worker still
  // lays out this one's PDF, so neither thread waits for the other; two at a time is enough.
  const depth = options.worker ? 2 : 1;
  const running = new Set<Promise<void>>();
  const names = new Map<string, string>();
  for (const source of sources) {
    if (templateFailed) break;
    // Two sources with one output folder would overwrite each other (at the same time, here).
    const name = basename(source, extname(source));
    const other = names.get(name);
    if (other !== undefined) {
      result.failed++;
      console.error(`${source}: error: ${other} also writes ${join(options.out, name)}/: rename one of them`);
      continue;
    }
    names.set(name, source);
    const job = one(source);
    running.add(job);
    void job.finally(() => running.delete(job));
    if (running.size >= depth) await Promise.race(running);
  }
  await Promise.all(running);
  return result;
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
