/**
 * What built an output folder. After a build of `<out>/<name>/`, a record in
 * `<out>/.reportpress/` lists the source (with its size and time), the template, the formats,
 * the pipeline, and every file written with its size and time. Checked against the disk, it
 * tells whether the folder is what a build with today's settings would give (plan.ts): a
 * deleted, replaced or hand-edited output, another template or format set, a touched source
 * all show. It also says which files are ours, so a build with fewer formats removes the
 * others (a folder never mixes two builds), and a removed source's outputs can go.
 *
 * Records are keyed by a hash of the report's name: names may hold any character, and the
 * record's file name must be short and plain.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Format } from './render/index.js';
import { sidecarPath } from './sidecar-file.js';

export const RECORD_DIR = '.reportpress';
const VERSION = 1;

export interface FileStamp {
  /** Relative to `<out>/<name>/`, with `/`. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface OutputRecord {
  version: typeof VERSION;
  name: string;
  /** The source, absolute, with the size and time it had when the build read it. */
  source: FileStamp;
  /** Its sidecar (`<name>.yaml`, the user's corrections) when it had one. */
  sidecar?: FileStamp;
  template: { name: string; fingerprint: string };
  formats: Format[];
  pipeline: string;
  files: FileStamp[];
}

const key = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 24);

export function recordFile(out: string, name: string): string {
  return join(out, RECORD_DIR, `${key(name)}.json`);
}

/** The stamp of a file as it is now, or undefined when it is not a file. */
export function stampOf(file: string, path = file): FileStamp | undefined {
  try {
    const info = statSync(file);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp of a source's sidecar as it is now (see sidecar-file.ts), or undefined. */
export function sidecarStampOf(source: string): FileStamp | undefined {
  const path = sidecarPath(source);
  return path ? stampOf(path, resolve(path)) : undefined;
}

export function readRecord(out: string, name: string): OutputRecord | undefined {
  const record = parse(recordFile(out, name));
  return record?.name === name ? record : undefined;
}

/** Every record under `out`. */
export function listRecords(out: string): OutputRecord[] {
  let entries: string[];
  try {
    entries = readdirSync(join(out, RECORD_DIR));
  } catch {
    return [];
  }
  return entries.filter((e) => e.endsWith('.json')).flatMap((e) => parse(join(out, RECORD_DIR, e)) ?? []);
}

function parse(file: string): OutputRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as OutputRecord;
    // A record from another version, or damaged, counts as none: the folder is rebuilt.
    return record?.version === VERSION && typeof record.name === 'string' && Array.isArray(record.files) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed: a reader sees the old record or the new one. */
export function writeRecord(out: string, record: OutputRecord): void {
  const file = recordFile(out, record.name);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, JSON.stringify(record, null, 1) + '\n');
  renameSync(temp, file);
}

/** A record half-written by this process's build thread when it was stopped (launch.ts). */
export function removeRecordTemps(out: string, pid = process.pid): void {
  const dir = join(out, RECORD_DIR);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) if (entry.endsWith(`.tmp-${pid}`)) rmSync(join(dir, entry), { force: true });
}

export function removeRecord(out: string, name: string): void {
  rmSync(recordFile(out, name), { force: true });
  removeEmptyFolders(join(out, RECORD_DIR), out);
}

/** The first recorded file that is missing or not as written, or undefined when all are intact. */
export function changedOutput(out: string, record: OutputRecord): string | undefined {
  const dir = join(out, record.name);
  for (const file of record.files) {
    const now = stampOf(join(dir, file.path), file.path);
    if (!now || now.size !== file.size || now.mtimeMs !== file.mtimeMs) return file.path;
  }
  return undefined;
}

/**
 * Removes the recorded files of `record` except those in `keep`, then the folders that are
 * left empty (the report's folder included). Files reportpress did not write stay.
 */
export function removeOutputs(out: string, record: OutputRecord, keep: ReadonlySet<string> = new Set()): void {
  const dir = join(out, record.name);
  const folders = new Set<string>();
  for (const file of record.files) {
    if (keep.has(file.path)) continue;
    const path = join(dir, file.path);
    rmSync(path, { force: true });
    folders.add(dirname(path));
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) removeEmptyFolders(folder, out);
}

/** Removes `folder` and its parents while they are empty, stopping at `stop`. */
function removeEmptyFolders(folder: string, stop: string): void {
  const end = resolve(stop);
  for (let d = resolve(folder); d.length > end.length && d.startsWith(end + sep); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty, or gone already
    }
  }
}

/** Removes every output folder recorded under `out` (what `make clean` removes); returns how many. */
export function clean(out: string): number {
  const records = listRecords(out);
  for (const record of records) {
    removeOutputs(out, record);
    removeRecord(out, record.name);
  }
  return records.length;
}
