/**
 * What `make` has to do: which reports in a source folder are stale in the output folder,
 * and which outputs belong to reports that are gone. Decided from the build records
 * (record.ts) checked against the disk, never from stamps alone, so a deleted output, another
 * template or format set, a touched source or a new pipeline all count.
 *
 * The same plan is made twice: by `reportpress make-rules`, for make to know whether there
 * is work (make -q, make -n), and by `reportpress sync`, which does it.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { pipelineFingerprint, templateFingerprint } from './fingerprint.js';
import type { Format } from './render/index.js';
import { changedOutput, listRecords, readRecord, sidecarStampOf, stampOf, type OutputRecord } from './record.js';
import { loadTemplate } from './templates/index.js';

/**
 * The reports under `dir` (.txt and .md, any depth, hidden files and folders left out), as
 * paths that start with `dir`. A plain walk rather than a glob: glob patterns do not match
 * every name (`*` stops at a newline), and every name must be found.
 */
export async function sourceFiles(dir = 'source'): Promise<string[]> {
  const found: string[] = [];
  const walk = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return; // no such folder: no reports
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(txt|md)$/i.test(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

export interface PlanOptions {
  sourceDir: string;
  out: string;
  template: string;
  formats: readonly Format[];
}

export interface Stale {
  source: string;
  /** Why, in a few words (`no outputs yet`, `x.pdf changed or missing`, …). */
  reason: string;
}

export interface Plan {
  build: Stale[];
  /** Records of outputs whose source is gone. */
  remove: OutputRecord[];
  /** Sources refused outright (two sources with one output folder), with the message. */
  refused: Array<{ source: string; message: string }>;
}

export async function plan(options: PlanOptions): Promise<Plan> {
  const result: Plan = { build: [], remove: [], refused: [] };
  let template: string | undefined;
  try {
    template = templateFingerprint(loadTemplate(options.template, process.cwd(), { checkHandlebars: false }));
  } catch {
    // A template that does not load: every report is stale, and the build says why, once.
  }
  const wanted = [...options.formats].sort().join(',');
  const sources = await sourceFiles(options.sourceDir);
  const byName = new Map<string, string>();
  for (const source of sources) {
    const name = basename(source, extname(source));
    const other = byName.get(name);
    if (other !== undefined) {
      result.refused.push({ source, message: `${source}: error: ${other} also writes ${join(options.out, name)}/: rename one of them` });
      continue;
    }
    byName.set(name, source);
    const reason = staleness(options.out, name, source, template, wanted);
    if (reason) result.build.push({ source, reason });
  }
  // Outputs of a source that is gone: removed from this source folder, or from anywhere.
  const folder = resolve(options.sourceDir) + sep;
  for (const record of listRecords(options.out)) {
    if (byName.has(record.name)) continue;
    if (record.source.path.startsWith(folder) || !stampOf(record.source.path)) result.remove.push(record);
  }
  return result;
}

/** Why `<out>/<name>/` is not what building `source` now would give; undefined when it is. */
function staleness(out: string, name: string, source: string, template: string | undefined, formats: string): string | undefined {
  const record = readRecord(out, name);
  if (!record) return 'no outputs yet';
  const now = stampOf(source, resolve(source));
  if (!now || record.source.path !== now.path) return 'built from another source';
  if (record.source.size !== now.size || record.source.mtimeMs !== now.mtimeMs) return 'source changed';
  const sidecar = sidecarStampOf(source);
  if (sidecar?.path !== record.sidecar?.path || sidecar?.size !== record.sidecar?.size || sidecar?.mtimeMs !== record.sidecar?.mtimeMs) return 'sidecar changed';
  if (template === undefined) return 'template does not load';
  if (record.template.fingerprint !== template) return 'template changed';
  if ([...record.formats].sort().join(',') !== formats) return 'other formats';
  if (record.pipeline !== pipelineFingerprint()) return 'reportpress changed';
  const changed = changedOutput(out, record);
  if (changed !== undefined) return `${changed} changed or missing`;
  return undefined;
}

/** `record`'s source, as a path relative to the working folder when it is under it. */
export function shownSource(record: OutputRecord): string {
  const rel = relative(process.cwd(), record.source.path);
  return rel.startsWith('..') ? record.source.path : rel;
}
