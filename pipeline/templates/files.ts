/**
 * Listing and reading a template's files without leaving the template.
 *
 * A template is data someone else may have written: a file in it that is a symbolic link to
 * /etc/passwd would otherwise be published by `{{> leak}}`. Every file and folder is looked at
 * with lstat; a symbolic link is followed only when its real path lies inside one of the
 * chain's folders (the template and the ones it extends), and a loop, a dangling link or an
 * unreadable entry is one error naming the template file. Files are then read by their real
 * path with O_NOFOLLOW, so a link swapped in after the check is refused rather than followed.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ReportError } from '../errors.js';

/** Largest template file read (a stylesheet or Handlebars file is a few kilobytes). */
export const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/** Every file of the chain by relative path (a child's file hides its parent's), as real paths. */
export function listTemplateFiles(chain: string[]): Map<string, string> {
  const roots = chain.map((dir) => realDir(dir));
  const files = new Map<string, string>();
  chain.forEach((dir, i) => {
    const seen = new Set<string>();
    const walk = (shown: string, real: string) => {
      if (seen.has(real)) throw new ReportError({ file: shown }, 'template folder is reached twice through symbolic links (a loop)');
      seen.add(real);
      let entries: string[];
      try {
        entries = readdirSync(real).sort();
      } catch (error) {
        throw fileError(shown, error);
      }
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        const path = join(shown, entry);
        const target = insideChain(join(real, entry), path, roots);
        const rel = relative(dir, path).split(sep).join('/');
        if (isDirectory(target, path)) walk(path, target);
        else if (!files.has(rel)) files.set(rel, target);
      }
    };
    walk(dir, roots[i]!);
  });
  return files;
}

/** The real path of a template folder; an error naming it when it cannot be resolved. */
function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (error) {
    throw fileError(dir, error);
  }
}

/** The real path of `path`, which must lie inside one of `roots`. */
function insideChain(path: string, shown: string, roots: string[]): string {
  let info;
  try {
    info = lstatSync(path);
  } catch (error) {
    throw fileError(shown, error);
  }
  if (!info.isSymbolicLink()) return path;
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    throw fileError(shown, error);
  }
  if (!roots.some((root) => real === root || real.startsWith(root + sep))) {
    throw new ReportError({ file: shown }, `template file is a symbolic link to ${real}, outside the template and the templates it extends; refused`);
  }
  return real;
}

function isDirectory(real: string, shown: string): boolean {
  try {
    const info = lstatSync(real);
    if (!info.isDirectory() && !info.isFile()) throw new ReportError({ file: shown }, 'template entry is neither a file nor a folder; refused');
    return info.isDirectory();
  } catch (error) {
    throw fileError(shown, error);
  }
}

/** Reads a listed template file (a real path) without following a link swapped in since. */
export function readTemplateFile(real: string, shown = real): string {
  let fd: number | undefined;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const size = fstatSync(fd).size;
    if (size > MAX_TEMPLATE_FILE_BYTES) throw new ReportError({ file: shown }, `template file is ${Math.round(size / 1024)} KB, over the ${MAX_TEMPLATE_FILE_BYTES / 1024 / 1024} MB limit`);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    throw fileError(shown, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const CAUSES: Record<string, string> = {
  ELOOP: 'symbolic link loop (or a link where none is allowed)',
  ENOENT: 'no such file (a dangling symbolic link?)',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a path component is not a folder',
  EISDIR: 'is a folder, not a file',
  EMFILE: 'too many open files',
};

/** A file-system failure as one line naming the template file. */
export function fileError(file: string, error: unknown): ReportError {
  if (error instanceof ReportError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new ReportError({ file }, `cannot read template file: ${CAUSES[code] ?? (error as Error).message}${code && CAUSES[code] ? ` (${code})` : ''}`);
}
