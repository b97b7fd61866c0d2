/**
 * All-or-nothing output: a build's files for one report are written into a fresh folder
 * beside the report's output folder (`out/.<name>.tmp-<pid>-<tag>/`), and the new set replaces
 * the old one in a single synchronous step: the old folder is renamed aside, the new one
 * renamed into place, the old one removed. Node runs signal handlers only between ticks of its
 * event loop, never inside synchronous code, so Ctrl-C or SIGTERM finds either the old set or
 * the new one, never a mix. Files of the old folder that this build does not write (the PDF
 * when only Markdown is rebuilt, a note someone left there) are carried into the new folder as
 * hard links first.
 *
 * A build killed outright (kill -9, a power cut) can leave a `.tmp-` or `.old-` folder behind;
 * the next build into the same place removes it once its process is gone, and puts an old set
 * back if the kill came between the two renames.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ReportError } from '../errors.js';
import type { OutputFile } from '../render/types.js';

/** `.name.tmp-123-0a1b2c3d`: a set being written; `.name.old-…`: a replaced set being removed. */
const LEFTOVER = /^\.(.+)\.(tmp|old)-(\d+)-[0-9a-f]{8}$/;

/** Generations being written: removed on an interrupt. */
const open = new Set<Generation>();
/** File operations under way: an interrupt waits for them, or a write could land after the cleanup. */
const inflight = new Set<Promise<unknown>>();
/** Output folders this process has switched to a new set. */
const switched: string[] = [];
let aborting = false;
/** Told of each folder switched to its new set (the build thread tells launch.ts). */
const switchListeners: Array<(dir: string) => void> = [];

export function onSwitched(listener: (dir: string) => void): void {
  switchListeners.push(listener);
}

/**
 * Starts a file operation unless an interrupt is under way. It takes the operation unstarted:
 * an operation started first and refused after could land after the cleanup (a folder made
 * once its removal was done).
 */
function track<T>(start: () => Promise<T>): Promise<T> {
  if (aborting) throw interrupted();
  const operation = start();
  inflight.add(operation);
  const done = () => inflight.delete(operation);
  operation.then(done, done);
  return operation;
}

function interrupted(): ReportError {
  return new ReportError({ file: 'reportpress' }, 'interrupted');
}

export class Generation {
  /** Top-level names written (a file or a folder such as html/). */
  private readonly names = new Set<string>();
  private state: 'open' | 'committed' | 'discarded' = 'open';

  private constructor(
    /** The output folder, `out/<name>`. */
    readonly dir: string,
    /** The fresh folder the new set is written into. */
    readonly temp: string,
  ) {}

  /** A fresh folder beside `dir`; leftovers of killed builds there are cleared first. */
  static async open(dir: string): Promise<Generation> {
    const parent = dirname(dir);
    await track(() => mkdir(parent, { recursive: true }));
    sweepLeftovers(parent);
    const temp = join(parent, `.${basename(dir)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    const generation = new Generation(dir, temp);
    open.add(generation);
    await track(() => mkdir(temp));
    return generation;
  }

  /** Writes `files` (paths relative to the output folder) into the new set. */
  async write(files: OutputFile[]): Promise<void> {
    if (this.state !== 'open') throw new Error(`write after ${this.state}`);
    for (const file of files) {
      const path = join(this.temp, file.path);
      this.names.add(file.path.split('/')[0]!);
      await track(() => mkdir(dirname(path), { recursive: true }));
      await track(() => writeFile(path, file.data));
    }
  }

  /**
   * Puts the new set in place: synchronous from start to end, so no signal handler can run in
   * the middle. Returns whether an older set was replaced.
   */
  commit(): boolean {
    if (aborting) throw interrupted();
    if (this.state !== 'open') throw new Error(`commit after ${this.state}`);
    const had = existsSync(this.dir) || isLink(this.dir);
    if (had && lstatSync(this.dir).isDirectory()) carryOver(this.dir, this.temp, this.names);
    const old = this.temp.replace(/\.tmp-(?=\d+-[0-9a-f]{8}$)/, '.old-');
    if (had) renameSync(this.dir, old);
    try {
      renameSync(this.temp, this.dir);
    } catch (error) {
      // Put the old set back: the build fails, the previous outputs stay.
      if (had) renameSync(old, this.dir);
      throw error;
    }
    this.state = 'committed';
    open.delete(this);
    switched.push(this.dir);
    for (const listener of switchListeners) listener(this.dir);
    if (had) rmSync(old, { recursive: true, force: true });
    return had;
  }

  /** Removes the new set (a failed build). */
  async discard(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'discarded';
    open.delete(this);
    await rm(this.temp, { recursive: true, force: true });
  }
}

/** Writes `files` under `dir` as one new set (see Generation). */
export async function writeAtomically(dir: string, files: OutputFile[]): Promise<string[]> {
  const generation = await Generation.open(dir);
  try {
    await generation.write(files);
    generation.commit();
  } catch (error) {
    await generation.discard();
    throw error;
  }
  return files.map((f) => join(dir, f.path));
}

export interface Interrupted {
  /** Output folders already switched to their new set. */
  switched: string[];
  /** Output folders whose new set was being written: left as they were. */
  unchanged: string[];
}

/**
 * Stops all writing, lets operations under way finish, then removes every set not yet in
 * place. The CLI exits afterwards; a caller that goes on (a test) passes `resume`.
 */
export async function cleanupPending(options: { resume?: boolean } = {}): Promise<Interrupted> {
  aborting = true;
  while (inflight.size) await Promise.allSettled([...inflight]);
  const unchanged = [...open].map((g) => g.dir);
  await Promise.all([...open].map((g) => g.discard()));
  if (options.resume) aborting = false;
  return { switched: [...new Set(switched)].filter((d) => !unchanged.includes(d)), unchanged: [...new Set(unchanged)] };
}

/** Old entries the new set does not replace, hard-linked (or copied) into it. */
function carryOver(from: string, to: string, replaced: Set<string>): void {
  for (const entry of readdirSync(from)) {
    if (replaced.has(entry) || LEFTOVER.test(entry)) continue;
    linkTree(join(from, entry), join(to, entry));
  }
}

function linkTree(from: string, to: string): void {
  const info = lstatSync(from);
  if (info.isDirectory()) {
    mkdirSync(to);
    for (const entry of readdirSync(from)) linkTree(join(from, entry), join(to, entry));
  } else if (info.isFile()) {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  // anything else (a socket, a link) is not ours to carry
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/**
 * Leftovers of builds that were killed outright, in `parent` and in its output folders
 * (per-file temporary names of earlier versions): removed; an old set whose folder is
 * missing (killed between the two renames) is put back.
 */
export function sweepLeftovers(parent: string): void {
  if (swept.has(parent)) return;
  swept.add(parent);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = LEFTOVER.exec(entry);
    if (!m) {
      if (!entry.startsWith('.')) sweepInside(join(parent, entry));
      continue;
    }
    if (!alive(Number(m[3]))) settle(parent, entry, m);
  }
}

/**
 * One leftover of a stopped build: an old set whose folder is missing goes back into place
 * (the build stopped between the two renames of commit); anything else is removed.
 * Returns the output folder it belonged to and whether that still holds the old set.
 */
function settle(parent: string, entry: string, m: RegExpExecArray): { dir: string; unchanged: boolean } {
  const path = join(parent, entry);
  const home = join(parent, m[1]!);
  try {
    if (m[2] === 'old' && !existsSync(home)) {
      renameSync(path, home);
      return { dir: home, unchanged: true };
    }
    rmSync(path, { recursive: true, force: true });
  } catch {
    // another build got there first
  }
  return { dir: home, unchanged: m[2] === 'tmp' };
}

/**
 * After this process's build thread was stopped in the middle (launch.ts terminates it on
 * Ctrl-C, wherever it was): every set it left in `parent` is settled as a killed build's
 * would be by the next build, at once. Old sets come first, so a folder emptied between the
 * two renames of commit gets its old set back before the new one is removed.
 */
export function settleStoppedBuild(parent: string, pid = process.pid): Interrupted {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return { switched: [], unchanged: [] };
  }
  const mine = entries
    .map((entry) => ({ entry, m: LEFTOVER.exec(entry) }))
    .filter((x): x is { entry: string; m: RegExpExecArray } => !!x.m && Number(x.m[3]) === pid)
    .sort((a, b) => (a.m[2] === b.m[2] ? 0 : a.m[2] === 'old' ? -1 : 1));
  const unchanged = new Set<string>();
  for (const { entry, m } of mine) {
    const { dir, unchanged: kept } = settle(parent, entry, m);
    if (kept) unchanged.add(dir);
  }
  return { switched: [], unchanged: [...unchanged] };
}

/** Temporary files an earlier version of the build left inside an output folder. */
function sweepInside(dir: string): void {
  let entries: string[];
  try {
    if (!lstatSync(dir).isDirectory()) return;
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = LEFTOVER.exec(entry);
    if (m && !alive(Number(m[3]))) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
