/**
 * Short digests of what, besides the source, makes an output what it is: the template (every
 * file of its folder and the folders it extends) and the pipeline itself (the compiled
 * bundles and the installed packages). A build records them (record.ts); a different digest
 * later means the output would come out differently, so it is rebuilt.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';
import type { Template } from './templates/index.js';

/**
 * The template's folders and, for each file in them, its path, size and time: a saved
 * template file changes it, a file of another template (or templates/README.md) does not.
 */
export function templateFingerprint(template: Pick<Template, 'chain'>): string {
  const hash = createHash('sha256');
  for (const dir of template.chain) {
    hash.update(`dir ${dir}\0`);
    const walk = (d: string) => {
      for (const entry of readdirSync(d).sort()) {
        const full = join(d, entry);
        const info = statSync(full);
        if (info.isDirectory()) walk(full);
        else hash.update(`${full}\0${info.size}\0${info.mtimeMs}\0`);
      }
    };
    walk(dir);
  }
  return hash.digest('hex').slice(0, 32);
}

let pipeline: string | undefined;
/**
 * The contents of the compiled bundles and of the lock file: recompiling the same code changes
 * nothing, a change to the code or an upgraded package does. Computed once per process.
 */
export function pipelineFingerprint(): string {
  if (pipeline) return pipeline;
  const hash = createHash('sha256');
  for (const file of ['dist/reportpress.cjs', 'dist/reportpress-pdf.cjs', 'package-lock.json']) {
    try {
      hash.update(readFileSync(join(PACKAGE_ROOT, file)));
    } catch {
      hash.update(`no ${file}`);
    }
  }
  return (pipeline = hash.digest('hex').slice(0, 32));
}
