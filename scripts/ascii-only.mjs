#!/usr/bin/env node
// Makes the bundles pure ASCII (run by `npm run bundle` after esbuild). esbuild's
// --charset=ascii escapes non-ASCII characters in strings, templates and names but not in
// regular expression literals (evanw/esbuild#4205), and our 禁则 and page-chrome patterns are
// full of them. One such character makes V8 hold the whole 1.6 MB source as a two-byte string,
// decoded in ~10 ms instead of ~1. Inside a regular expression \uXXXX stands for the same
// character (a pair of them for one above U+FFFF, with or without the u flag), so each is
// replaced by its escape; only the regular expression's `source` text differs, which nothing
// reads. (test/worker.test.ts compares the PDF rendered from the bundle with the one rendered
// from the sources; every output of the four reports in both layouts was compared once.)
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
