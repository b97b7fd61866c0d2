/**
 * How a command starts, and who answers Ctrl-C: bin/reportpress.js calls launch() and nothing
 * else.
 *
 * A build (`build`, `sync`) runs in a thread of its own (bin/build-worker.cjs, which also
 * starts the PDF worker thread: worker.ts) while this thread only waits. Its stages are long
 * synchronous runs of JavaScript (parsing a 200,000-line source takes seconds), and Node runs
 * a signal handler only when its thread's event loop turns; this thread's loop is always free,
 * so Ctrl-C or SIGTERM is acted on at once: the build thread is terminated wherever it is
 * (Worker.terminate stops JavaScript mid-loop), and the sets it was writing are settled on
 * disk (output/commit.ts): each output folder holds its old set or its new one, never a mix.
 *
 * Other commands (ast, watch, make-rules, …) run in this thread: they write nothing partial,
 * or (watch) spend their time waiting.
 *
 * Small, and free of the pipeline's packages: it is loaded before anything else.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
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
  main(argv: string[]): Promise<number>;
  report(error: unknown): number;
  installSignalHandlers(): void;
}

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules/.cache/reportpress');

export async function launch(argv: string[]): Promise<number> {
  let line: CommandLine | undefined;
  try {
    line = parseCommandLine(argv);
  } catch {
    // the CLI reports the mistake
  }
  const tiers = holdBackOptimisingCompiler(line);
  const building = !!line?.command && BUILDING_COMMANDS.includes(line.command) && !line.values.help && !line.values.version;
  return building ? supervise(argv, line!, tiers) : runHere(argv, tiers);
}

/** A command other than a build, in this thread. */
async function runHere(argv: string[], tiers: string): Promise<number> {
  const { Loader } = createRequire(import.meta.url)(join(PACKAGE_ROOT, 'pipeline/engine/load.cjs'));
  const loader = new Loader(PACKAGE_ROOT, CACHE_DIR, tiers);
  loader.installPackageHook();
  const cli: Cli = loader.loadFreshBundle(join(PACKAGE_ROOT, 'dist/reportpress.cjs'), join(PACKAGE_ROOT, 'dist/pipeline/cli.js')) ?? (await import('./cli.js'));
  cli.installSignalHandlers();
  // A closed pipe (reportpress ast x | head) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const code = await cli.main(argv);
    loader.save();
    return code;
  } catch (error) {
    return cli.report(error);
  }
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
function holdBackOptimisingCompiler(line: CommandLine | undefined): string {
  if (!line || !['build', 'sync'].includes(line.command ?? '') || process.env.REPORTPRESS_OPTIMISE === '1') return 'all';
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
