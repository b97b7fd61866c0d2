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
 * `npx vitest run` runs both; `--project fast --project fast-isolated` (what `make test` runs)
 * or `--project e2e` one of them.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The slow tier: each file here starts processes or builds every format more than once. A new
 * test that does either belongs here; test/tiers.test.ts checks that every file listed exists.
 */
export const E2E = [
  'test/make.test.ts',
  'test/make-rules.test.ts',
  'test/cli.test.ts',
  'test/build.test.ts',
  'test/worker.test.ts',
  'test/render/pdf/fast-shaping.test.ts',
  'test/render/markdown-build.test.ts',
];

/**
 * Fast tests that change process-wide state the other files rely on (the PDF engine's fast
 * paths turned off by a simulated upgrade, its counters of paths taken): each runs in a process
 * of its own, as in the e2e tier, instead of sharing a worker's modules.
 */
export const ISOLATED = ['test/engine/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on two cores. The fast tier
    // on two loaded cores: 2 min 12 s with one worker, 1 min 47 s with two (threads instead of
    // forks: 2 min 4 s, no gain; forks suit tests that start processes and worker threads).
    maxWorkers: availableParallelism(),
    // One temporary folder per run, removed at its end (test/temp-folder.ts).
    globalSetup: ['test/temp-folder.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: ['test/check/**', 'node_modules/**', ...E2E, ...ISOLATED],
          // One module graph per worker instead of one per file: the pipeline, its fonts and the
          // tests' caches (the seed's publication, its PDF per layout) are loaded once per worker.
          // Safe here: no fast test mocks modules or leaves globals changed (determinism.test
          // puts TZ back). Measured with two workers on two loaded cores: 4 min 54 s and 151 s of
          // CPU isolated, 1 min 47 s and 55 s of CPU not.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'fast-isolated', include: ISOLATED, exclude: E2E },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E },
      },
    ],
  },
});
