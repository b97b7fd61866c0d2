#!/usr/bin/env node
// Entry point. `make` (and npm's prepare step) compile the TypeScript to dist/ and bundle it
// into one file, dist/reportpress.cjs (and the PDF worker's part into dist/reportpress-pdf.cjs).
// Loading one file instead of hundreds of modules, and reusing V8's compiled code from the
// previous run (kept in node_modules/.cache; see load.cjs), starts a build about 0.3 s sooner.
// Without a bundle as new as the compiled modules, those are used.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel, Worker } from 'node:worker_threads';
import { Loader } from '../pipeline/engine/load.cjs';
import { parseCommandLine, wantsPdfBeside } from '../dist/pipeline/args.js';

// Ctrl-C while the pipeline loads: nothing has been written yet, so stop the worker thread
// and exit (the pipeline's own handler, which cleans up, takes over once it is loaded).
let pdfWorker;
const stopEarly = (signal) => {
  process.stderr.write(`reportpress: interrupted (${signal}); no partial files left\n`);
  Promise.resolve(pdfWorker?.terminate()).finally(() => process.exit(130));
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stopEarly);

const tiers = holdBackOptimisingCompiler(process.argv.slice(2));
const fonts = new MessageChannel();
pdfWorker = startPdfWorker(process.argv.slice(2));

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const loader = new Loader(root, join(root, 'node_modules/.cache/reportpress'), tiers);
loader.installPackageHook();
const cli = loader.loadFreshBundle(join(root, 'dist/reportpress.cjs'), join(root, 'dist/pipeline/cli.js')) ?? (await import('../dist/pipeline/cli.js'));

for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, stopEarly);
cli.installSignalHandlers(() => pdfWorker?.terminate());
// A closed pipe (reportpress ast x | head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
cli
  .main(process.argv.slice(2), { pdfWorker, fontPort: fonts.port1 })
  .then(
    (code) => {
      process.exitCode = code;
      loader.save();
    },
    (error) => {
      process.exitCode = cli.report(error);
    },
  )
  .finally(() => {
    fonts.port1.close();
    return pdfWorker?.terminate();
  });

/**
 * A build of a report or two is over in about a second, too soon for V8's optimising compiler
 * (TurboFan) to earn back the CPU it spends: on the seed it took a third of the process's CPU
 * time and on two cores competed with the build itself (1.40 s of CPU and 1.0 s of wall time
 * with it, 0.85 s and 0.87 s without). Sources of more than about 100 KB in all (twice a long
 * report) run long enough for it to pay, as does `watch`; they keep it. Set before any of the
 * pipeline is loaded; REPORTPRESS_OPTIMISE=1 keeps it for every run.
 */
function holdBackOptimisingCompiler(argv) {
  let line;
  try {
    line = parseCommandLine(argv);
  } catch {
    return 'all'; // the CLI reports the mistake
  }
  // `sync` (what make runs) holds it back too: over six reports (400 KB) it took 4.8 s of CPU
  // without TurboFan and 6.0 s with it, the optimising compiler competing with the PDF worker.
  if (!['build', 'sync'].includes(line.command) || process.env.REPORTPRESS_OPTIMISE === '1') return 'all';
  let bytes = 0;
  for (const arg of line.command === 'build' ? line.args : []) {
    try {
      bytes += statSync(arg).size;
    } catch {
      // not a file: the build will say so
    }
  }
  if (bytes > 100 * 1024) return 'all';
  setFlagsFromString('--max-opt=2');
  return 'no-turbofan';
}

/**
 * A build of the PDF and other formats renders the PDF in a worker thread on a machine with a
 * second core (pipeline/worker.ts, run by pdf-worker.cjs). Started here, before the pipeline is
 * loaded, it loads its own part meanwhile. The command line is read by the CLI's own parser
 * (pipeline/args.ts); the pipeline stops the worker when it has no use for it.
 * REPORTPRESS_WORKERS=0 turns it off, =1 on even with one core (the tests use both).
 */
function startPdfWorker(argv) {
  const wanted = process.env.REPORTPRESS_WORKERS;
  if (wanted === '0' || (wanted !== '1' && availableParallelism() < 2) || !wantsPdfBeside(argv)) return undefined;
  // The shape of pipeline/worker.ts's Setup. The compiler tiers pick the code caches V8 accepts
  // (the flags themselves are the process's, set above).
  const setup = { reportpressWorker: { format: 'pdf', fonts: fonts.port2, tiers } };
  return new Worker(new URL('./pdf-worker.cjs', import.meta.url), { workerData: setup, transferList: [fonts.port2] });
}
