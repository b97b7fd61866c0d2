/**
 * Where the package itself lives, whether running compiled (dist/pipeline/…) or from the
 * TypeScript sources under test (pipeline/…): the nearest folder with our package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'reportpress') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('reportpress: cannot find the package root');
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');
