/**
 * Any failure as the one line a person can act on: the file and the cause. ReportErrors say
 * it themselves; a file-system error (permission, full disk, link loop…) is named by its path
 * and its cause in words; running out of stack or memory on a hostile input names the source.
 * Only what is left is an internal error, a bug to report.
 */
import { isReportError } from './errors.js';

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many symbolic links (a loop?)',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EXDEV: 'cannot move across file systems',
  ENOTEMPTY: 'the folder is not empty',
  EEXIST: 'already exists',
  EBUSY: 'the file is busy',
};

/** The cause of a file-system error in words, with its code. */
export function causeOf(error: NodeJS.ErrnoException): string | undefined {
  const cause = error.code ? CAUSES[error.code] : undefined;
  return cause ? `${cause} (${error.code})` : undefined;
}

export interface Described {
  line: string;
  internal: boolean;
}

export function describeFailure(error: unknown, source?: string): Described {
  if (isReportError(error)) return { line: error.format(), internal: false };
  const where = source ? `${source}: ` : '';
  const errno = error as NodeJS.ErrnoException;
  const cause = errno && typeof errno === 'object' ? causeOf(errno) : undefined;
  if (cause) {
    const path = errno.path ?? source;
    const dest = (errno as { dest?: string }).dest;
    const action = errno.syscall ? ` (${errno.syscall}${dest ? ` to ${dest}` : ''})` : '';
    return { line: `${path ? `${path}: ` : where}error: ${cause}${action}`, internal: false };
  }
  if (error instanceof RangeError && /call stack size/i.test(error.message)) {
    return { line: `${where}error: the input is nested too deeply to process (the stack ran out); flatten its lists or quotes`, internal: false };
  }
  if (error instanceof RangeError && /(string length|allocation failed|Array buffer)/i.test(error.message)) {
    return { line: `${where}error: the input is too large to process (out of memory)`, internal: false };
  }
  const message = (error as Error)?.message ?? String(error);
  return { line: `${where}error: internal error: ${message} (please report it; REPORTPRESS_DEBUG=1 shows details)`, internal: true };
}
