/**
 * Which of the engine's fast paths are on, and how often each was taken.
 *
 * Each fast path replaces or wraps private members of a package, written against one version
 * of it. At first use (or when the build calls checkEngine) the installed versions are read;
 * a fast path whose packages are not the versions it was written against is off for the
 * process, and the build says so in one warning line. A patch also looks for the members it
 * replaces before it replaces them: one that is gone turns its fast path off with a warning,
 * rather than leaving a wrapper nobody calls. Off, pdfkit and fontkit do all the work
 * themselves; the PDF is the same, only slower.
 *
 * The counters let a test prove each fast path is really taken on a real build.
 */
import { isMainThread } from 'node:worker_threads';
import { installedVersions, PACKAGES, WRITTEN_AGAINST, type PackageName, type Versions } from './packages.js';

/** What each fast path speeds up, and the packages whose internals it relies on. */
const NEEDS = {
  /** fontkit's `_decodeTable` reads a face's loca table straight from the bytes. */
  loca: ['fontkit'],
  /** pdfkit's `layoutRun`/`layout` of a face set plain text without OpenType shaping. */
  layout: ['pdfkit', 'fontkit'],
  /** fontkit font objects of one file share their decoded tables (`_tables`). */
  tables: ['fontkit'],
  /** fontkit's subsetter's `_addGlyph` copies glyph bytes without decoding outlines. */
  subset: ['pdfkit', 'fontkit'],
  /** pdfmake's `virtualfs` reads a layout's face only when pdfkit opens it. */
  lazyFonts: ['pdfmake'],
  /** pdfkit's name tree sorts named destinations by bytes (`_compareKeys`), without ICU. */
  nameOrder: ['pdfkit'],
} satisfies Record<string, PackageName[]>;

export type FastPath = keyof typeof NEEDS;
export const FAST_PATHS = Object.keys(NEEDS) as FastPath[];

export interface EngineStatus {
  installed: Versions;
  /** Fast paths in use. */
  on: Record<FastPath, boolean>;
  /** How often each fast path was taken in this thread (runs, glyphs, files, trees). */
  taken: Record<FastPath, number>;
  /** Warning lines given so far (a version mismatch, a missing member). */
  warnings: string[];
}

const count = (value: number | boolean) => Object.fromEntries(FAST_PATHS.map((p) => [p, value]));
let installed: Versions | undefined;
const on = count(true) as Record<FastPath, boolean>;
const taken = count(0) as Record<FastPath, number>;
/** Fast paths turned off because a member they replace is gone. */
const broken = new Set<FastPath>();
let forcedOff = false;
const warnings: string[] = [];

/**
 * Reads the installed versions (or takes `pretend`, to simulate an upgrade) and turns off the
 * fast paths written against other versions. Returns the warning line, if any; the main
 * thread also prints it once (a worker thread makes the same decision silently: its process's
 * main thread reports it).
 */
export function checkEngine(pretend?: Partial<Versions>): string | undefined {
  installed = { ...installedVersions(), ...pretend };
  const differ = PACKAGES.filter((name) => installed![name] !== WRITTEN_AGAINST[name]);
  for (const path of FAST_PATHS) on[path] = !forcedOff && !broken.has(path) && !NEEDS[path].some((name) => differ.includes(name));
  if (!differ.length) return undefined;
  const off = FAST_PATHS.filter((path) => NEEDS[path].some((name) => differ.includes(name)));
  const found = differ.map((name) => `${name} ${installed![name] ?? '(unreadable)'} (written against ${WRITTEN_AGAINST[name]})`).join(', ');
  const line = `the PDF engine's fast paths ${off.join(', ')} are off: installed ${found}; PDFs come out the same, only slower (npm ci installs the pinned versions)`;
  if (isMainThread) warnOnce(line);
  else remember(line);
  return line;
}

/** Whether a fast path is on (the versions are checked the first time anything asks). */
export function fastPathOn(path: FastPath): boolean {
  if (!installed) checkEngine();
  return on[path];
}

/** Counts one use of a fast path (or `n`). */
export function took(path: FastPath, n = 1): void {
  taken[path] += n;
}

/**
 * Whether `owner` has every member in `members` as a function (or, written `.name`, as any
 * value). If not, one warning names what is missing and what goes without it: `off`, a fast
 * path (turned off for the process) or the words for a feature.
 */
export function hasMembers(owner: object | undefined, what: string, members: string[], off: FastPath | string): boolean {
  const missing = members.filter((m) => {
    const value = owner === undefined || owner === null ? undefined : (owner as Record<string, unknown>)[m.replace(/^\./, '')];
    return m.startsWith('.') ? value === undefined || value === null : typeof value !== 'function';
  });
  if (!missing.length) return true;
  const path = (FAST_PATHS as string[]).includes(off) ? (off as FastPath) : undefined;
  if (path) {
    broken.add(path);
    on[path] = false;
  }
  const names = missing.map((m) => m.replace(/^\./, '')).join(', ');
  warnOnce(`${what} has no ${names} (a changed dependency?): ${path ? `the PDF engine's fast path ${path} is off` : off}`);
  return false;
}

/** Turns every fast path off, or back to what the version check allows (tests compare the two). */
export function setFastPaths(enabled: boolean): void {
  forcedOff = !enabled;
  checkEngine(installed);
}

/** A copy of the engine's state in this thread. */
export function engineStatus(): EngineStatus {
  if (!installed) checkEngine();
  return { installed: { ...installed! }, on: { ...on }, taken: { ...taken }, warnings: [...warnings] };
}

function remember(line: string): boolean {
  if (warnings.includes(line)) return false;
  warnings.push(line);
  return true;
}

function warnOnce(line: string): void {
  if (remember(line)) process.stderr.write(`reportpress: warning: ${line}\n`);
}
