/**
 * The test suite in two tiers (README, "Testing"):
 *
 * - `fast` (`make test`): every stage on real data: the read, parse and normalise stages
 *   alone on small fixtures, the seed and the fixture reports through the pipeline, each
 *   writer with its text extracted back. Run in-process; a couple of minutes at most on two
 *   cores.
 * - `e2e` (`make test-e2e`, run by .ci/run): what needs whole processes or whole builds
 *   repeated: a real make in scratch projects, the compiled command line (interrupts
 *   included), byte-identical rebuilds, the PDF worker thread, the fast paths against the
 *   libraries they stand in for.
 *
 * `npx vitest run` runs both; `--project fast` or `--project e2e` one of them.
 */
import { defineConfig } from 'vitest/config';

/** The slow tier: each file here starts processes or builds every format more than once. */
export const E2E = [
  'test/make.test.ts',
  'test/make-rules.test.ts',
  'test/cli.test.ts',
  'test/build.test.ts',
  'test/worker.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One temporary folder per run, removed at its end (test/temp-folder.ts).
    globalSetup: ['test/temp-folder.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/check/**', 'node_modules/**', ...E2E] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E },
      },
    ],
  },
});
