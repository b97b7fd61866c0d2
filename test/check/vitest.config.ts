/**
 * `make check`: tests that open the outputs with the real clients people use (LibreOffice,
 * epubcheck, poppler, Chromium). require.mjs has already verified they are installed.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/check/**/*.check.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One temporary folder per run, removed at its end (test/temp-folder.ts).
    globalSetup: ['test/temp-folder.ts'],
    fileParallelism: false,
  },
});
