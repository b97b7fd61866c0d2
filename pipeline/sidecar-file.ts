/**
 * Finds a source's sidecar: `source/<name>.yaml` (or `.yml`) beside `source/<name>.txt`. The
 * file is read here, at the edge; read/sidecar.ts parses it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, basename, join } from 'node:path';
import { ReportError } from './errors.js';

export function sidecarPath(source: string): string | undefined {
  const stem = join(dirname(source), basename(source, extname(source)));
  return ['.yaml', '.yml'].map((ext) => stem + ext).find((path) => existsSync(path));
}

export function readSidecar(source: string): { sidecar?: { path: string; text: string } } {
  const path = sidecarPath(source);
  if (!path) return {};
  try {
    return { sidecar: { path, text: readFileSync(path, 'utf8') } };
  } catch (error) {
    throw new ReportError({ file: path }, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
