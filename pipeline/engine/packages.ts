/**
 * The packages whose internals the engine patches, found the way they find each other (pdfkit
 * as pdfmake requires it, fontkit as pdfkit requires it: the copies that really draw the PDF),
 * their installed versions, and the versions the patches were written against.
 *
 * package.json pins the same versions (pdfmake in `dependencies`, pdfkit and fontkit in
 * `overrides`); test/engine/versions.test.ts holds the two lists equal, so a bump of a pin
 * cannot pass without a look at the patches.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const WRITTEN_AGAINST = { pdfmake: '0.3.11', pdfkit: '0.19.1', fontkit: '2.0.4' } as const;
export type PackageName = keyof typeof WRITTEN_AGAINST;
export const PACKAGES = Object.keys(WRITTEN_AGAINST) as PackageName[];
export type Versions = Record<PackageName, string | undefined>;

const own = createRequire(import.meta.url);
const requires = new Map<PackageName, NodeRequire>();
const entries = new Map<PackageName, string>();

/** The entry file of a package, resolved as its user resolves it. */
function entry(name: PackageName): string {
  let file = entries.get(name);
  if (!file) {
    const from = name === 'pdfmake' ? own : name === 'pdfkit' ? requireFrom('pdfmake') : requireFrom('pdfkit');
    file = from.resolve(name);
    entries.set(name, file);
  }
  return file;
}

/** `require` as seen from inside a package (for its dependencies and its own files). */
export function requireFrom(name: PackageName): NodeRequire {
  let r = requires.get(name);
  if (!r) {
    r = createRequire(entry(name));
    requires.set(name, r);
  }
  return r;
}

/** A package's exports (or those of one of its files), as its user gets them. */
export function load<T>(name: PackageName, file?: string): T {
  const user = name === 'pdfmake' ? own : name === 'pdfkit' ? requireFrom('pdfmake') : requireFrom('pdfkit');
  return user(file ? `${name}/${file}` : name) as T;
}

/**
 * The version in the package.json of each installed package (the nearest one above its entry
 * file that carries its name); undefined when it cannot be read.
 */
export function installedVersions(): Versions {
  const versions = {} as Versions;
  for (const name of PACKAGES) {
    versions[name] = undefined;
    try {
      for (let dir = dirname(entry(name)); dir !== dirname(dir); dir = dirname(dir)) {
        let manifest: { name?: string; version?: string };
        try {
          manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        } catch {
          continue;
        }
        if (manifest.name === name) {
          versions[name] = manifest.version;
          break;
        }
      }
    } catch {
      // not installed: the writer that needs it fails with its own error
    }
  }
  return versions;
}
