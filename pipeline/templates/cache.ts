/**
 * Results that depend only on some text (a template's compiled JavaScript, a layout's parsed
 * YAML), kept between runs in node_modules/.cache/reportpress/<kind>/, each in a file named by a
 * hash of everything it depends on. Nothing is ever invalidated: other inputs give another
 * name. A read-only installation, or a damaged file, only means computing again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const ROOT = join(PACKAGE_ROOT, 'node_modules/.cache/reportpress');

/** The cache file of `kind` for these inputs. */
export function cachePath(kind: string, inputs: string[], extension: string): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  return join(ROOT, kind, `${hash.digest('hex').slice(0, 32)}${extension}`);
}

export function readCached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a temporary file renamed into place). */
export function writeCached(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // read-only: computed again next time
  }
}
