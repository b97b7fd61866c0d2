/**
 * How a command starts, and who answers Ctrl-C: bin/reportpress.js calls launch() and nothing
 * else.
 *
 * A long build (`sync`, or sources over BUILD_THREAD_BYTES) runs in a thread of its own
 * (bin/build-worker.cjs, which also starts the PDF worker thread: worker.ts) while this thread
 * only waits. Its stages are long synchronous runs of JavaScript (parsing a 200,000-line
 * source takes seconds), and Node runs a signal handler only when its thread's event loop
 * turns; this thread's loop is always free, so Ctrl-C or SIGTERM is acted on at once: the
 * build thread is terminated wherever it is (Worker.terminate stops JavaScript mid-loop), and
 * the sets it was writing are settled on disk (output/commit.ts): each output folder holds its
 * old set or its new one, never a mix.
 *
 * Everything else runs in this thread: a build of small sources (each stage short, so the
 * handler of cli.ts runs between stages well within a second), and the other commands (ast,
 * watch, make-rules, …), which write nothing partial or spend their time waiting.
 *
 * Small, and free of the pipeline's packages: it is loaded before anything else.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { BUILDING_COMMANDS, parseCommandLine, wantsPdfBeside, type CommandLine } from './args.js';
import { PACKAGE_ROOT } from './paths.js';

/** What bin/build-worker.cjs is started with (its workerData). */
export interface BuildThreadSetup {
  reportpressBuild: {
    argv: string[];
    /** The compiler tiers in force: they name the code caches V8 accepts (engine/load.cjs). */
    tiers: string;
    /** Start the PDF worker thread beside the build (see worker.ts). */
    pdf: boolean;
    /** Whether stderr is a terminal (a worker's own stderr is a pipe to this thread). */
    interactive: boolean;
  };
}

/** Messages from the build thread. */
export type BuildThreadMessage = { reportpressSwitched: string } | { reportpressExit: number };

/** The CLI as engine/load.cjs loads it (the bundle or the compiled modules). */
interface Cli {
  main(argv: string[], launch?: { pdfWorker?: Worker; fontPort?: MessagePort }): Promise<number>;
  report(error: unknown): number;
  installSignalHandlers(beforeExit?: () => Promise<unknown> | undefined): void;
}

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules/.cache/reportpress');

/**
 * Sources larger than this in all are built in a thread of their own (see the top of the
 * file). A smaller report's longest stage in this thread is a few hundred milliseconds (the
 * seed, 60 KB: parse 80 ms, DOCX 110 ms, summary 230 ms), so a signal is handled within a
 * second between stages; starting one more thread would cost such a build ~5% of its time.
 * `sync` (what make runs) always uses the build thread: its start is spread over the batch.
 */
const BUILD_THREAD_BYTES = 256 * 1024;

export async function launch(argv: string[]): Promise<number> {
  let line: CommandLine | undefined;
  try {
    line = parseCommandLine(argv);
  } catch {
    // the CLI reports the mistake
  }
  const bytes = line?.command === 'build' ? sourceBytes(line.args) : 0;
  const tiers = holdBackOptimisingCompiler(line, bytes);
  const building = !!line?.command && BUILDING_COMMANDS.includes(line.command) && !line.values.help && !line.values.version;
  if (building && (line!.command === 'sync' || bytes > BUILD_THREAD_BYTES)) return supervise(argv, line!, tiers);
  return runHere(argv, tiers, building && startsPdfWorker(argv));
}

/**
 * A command in this thread: anything but a build, or a build of small sources. The PDF worker
 * thread (`pdf`) is started before the pipeline is loaded, so it loads its part meanwhile.
 */
async function runHere(argv: string[], tiers: string, pdf: boolean): Promise<number> {
  let pdfWorker: Worker | undefined;
  // Ctrl-C while the pipeline loads: nothing has been written yet, so stop the worker thread
  // and exit (the pipeline's own handler, which cleans up, takes over once it is loaded).
  const stopEarly = (signal: NodeJS.Signals) => {
    process.stderr.write(`reportpress: interrupted (${signal}); no partial files left\n`);
    void Promise.resolve(pdfWorker?.terminate()).finally(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stopEarly);
  const fonts = pdf ? new MessageChannel() : undefined;
  if (fonts) pdfWorker = startPdfWorker(fonts.port2, tiers);

  const { Loader } = createRequire(import.meta.url)(join(PACKAGE_ROOT, 'pipeline/engine/load.cjs'));
  const loader = new Loader(PACKAGE_ROOT, CACHE_DIR, tiers);
  loader.installPackageHook();
  const cli: Cli = loader.loadFreshBundle(join(PACKAGE_ROOT, 'dist/reportpress.cjs'), join(PACKAGE_ROOT, 'dist/pipeline/cli.js')) ?? (await import('./cli.js'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, stopEarly);
  cli.installSignalHandlers(() => pdfWorker?.terminate());
  // A closed pipe (reportpress ast x | head) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const code = await cli.main(argv, { pdfWorker, fontPort: fonts?.port1 });
    loader.save();
    return code;
  } catch (error) {
    return cli.report(error);
  } finally {
    fonts?.port1.close();
    await pdfWorker?.terminate();
  }
}

/** The PDF worker thread (worker.ts; its entry is bin/pdf-worker.cjs), sharing fonts through `fonts`. */
function startPdfWorker(fonts: MessagePort, tiers: string): Worker {
  // The shape of worker.ts's Setup.
  const setup = { reportpressWorker: { format: 'pdf', fonts, tiers } };
  return new Worker(join(PACKAGE_ROOT, 'bin/pdf-worker.cjs'), { workerData: setup, transferList: [fonts] });
}

/** A build in its own thread; this one answers signals. */
function supervise(argv: string[], line: CommandLine, tiers: string): Promise<number> {
  const setup: BuildThreadSetup = { reportpressBuild: { argv, tiers, pdf: startsPdfWorker(argv), interactive: !!process.stderr.isTTY } };
  const thread = new Worker(join(PACKAGE_ROOT, 'bin/build-worker.cjs'), { workerData: setup });
  const switched: string[] = [];
  let exitCode: number | undefined;
  let stopping = false;
  return new Promise<number>((resolve) => {
    thread.on('message', (message: BuildThreadMessage) => {
      if ('reportpressSwitched' in message) switched.push(message.reportpressSwitched);
      else exitCode = message.reportpressExit;
    });
    thread.on('error', (error) => {
      // Only what the build thread could not catch itself reaches here.
      exitCode = 1;
      console.error(`reportpress: internal error: ${error?.message ?? error} (please report it)`);
    });
    thread.on('exit', () => {
      // Once stopping, the process exits from `stop` when the sets are settled.
      if (!stopping) resolve(exitCode ?? 1);
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      void thread
        .terminate()
        .then(() => settle(line.values.out, switched))
        .catch(() => '')
        .then((outcome) => {
          console.error(`reportpress: interrupted (${signal})${outcome}; no partial files left`);
          process.exit(130);
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The output sets the stopped build thread left, settled; says what each folder holds. */
async function settle(out: string, switched: string[]): Promise<string> {
  const [{ settleStoppedBuild }, { removeRecordTemps }] = await Promise.all([import('./output/commit.js'), import('./record.js')]);
  const state = settleStoppedBuild(out);
  removeRecordTemps(out);
  const list = (dirs: string[]) => dirs.map((d) => `${d}/`).join(', ');
  const done = [...new Set(switched)].filter((d) => !state.unchanged.includes(d));
  let outcome = '';
  if (state.unchanged.length) outcome += `; ${list(state.unchanged)} left as before`;
  if (done.length) outcome += `; ${list(done)} already holds the new set`;
  return outcome;
}

/**
 * A build with the PDF and other formats renders the PDF in a worker thread on a machine with
 * a second core. REPORTPRESS_WORKERS=0 turns it off, =1 on even with one core (the tests use
 * both).
 */
function startsPdfWorker(argv: string[]): boolean {
  const wanted = process.env.REPORTPRESS_WORKERS;
  return wanted !== '0' && (wanted === '1' || availableParallelism() >= 2) && wantsPdfBeside(argv);
}

/**
 * A build of a report or two is over in about a second, too soon for V8's optimising compiler
 * (TurboFan) to earn back the CPU it spends: on the seed it took a third of the process's CPU
 * time and on two cores competed with the build itself (1.40 s of CPU and 1.0 s of wall time
 * with it, 0.85 s and 0.87 s without). Sources of more than about 100 KB in all (twice a long
 * report) run long enough for it to pay, as does `watch`; they keep it. `sync` (what make
 * runs) holds it back too: over six reports (400 KB) it took 4.8 s of CPU without TurboFan and
 * 6.0 s with it, the optimising compiler competing with the PDF worker. The flag is the
 * process's, so it is set before any thread loads the pipeline; REPORTPRESS_OPTIMISE=1 keeps
 * it for every run.
 */
function holdBackOptimisingCompiler(line: CommandLine | undefined, bytes: number): string {
  if (!line || !['build', 'sync'].includes(line.command ?? '') || process.env.REPORTPRESS_OPTIMISE === '1') return 'all';
  if (bytes > 100 * 1024) return 'all';
  setFlagsFromString('--max-opt=2');
  return 'no-turbofan';
}

/** The size of the named sources in all (what is not a file, the build will report). */
function sourceBytes(paths: string[]): number {
  let bytes = 0;
  for (const path of paths) {
    try {
      bytes += statSync(path).size;
    } catch {
      // not a file: the build will say so
    }
  }
  return bytes;
}
