#!/usr/bin/env node
// Entry point. `make` (and npm's prepare step) compile the TypeScript to dist/ and bundle it
// into one file, dist/reportpress.cjs (and the PDF worker's part into dist/reportpress-pdf.cjs).
// Loading one file instead of hundreds of modules, and
// reusing V8's compiled code from the previous run (kept in node_modules/.cache), starts a
// build about 0.3 s sooner. Without a bundle as new as the compiled modules, those are used.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread, threadId, Worker, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

// Ctrl-C while the pipeline loads: nothing has been written yet, so stop at once (the
// pipeline's own handler, which cleans up, takes over once it is loaded).
const stopEarly = (signal) => {
  process.stderr.write(`reportpress: interrupted (${signal}); no partial files left\n`);
  process.exit(130);
};
if (isMainThread) for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stopEarly);

const tiers = holdBackOptimisingCompiler(process.argv.slice(2));
const pdfWorker = isMainThread ? startPdfWorker(process.argv.slice(2)) : undefined;

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// A PDF worker thread of a build (pipeline/worker.ts) runs this script too, with a bundle of
// its own: the PDF writer and the template loader.
const worker = !isMainThread && !!workerData?.reportpressWorker;
const bundle = join(root, worker ? 'dist/reportpress-pdf.cjs' : 'dist/reportpress.cjs');
const cacheDir = join(root, 'node_modules/.cache/reportpress');
const pending = [];
cacheCommonJs();
const modules = join(root, worker ? 'dist/pipeline/pdf-worker.js' : 'dist/pipeline/cli.js');
// A bundle older than the compiled modules (tsc ran, the bundler did not) would run old code.
const fresh = existsSync(bundle) && (!existsSync(modules) || statSync(bundle).mtimeMs >= statSync(modules).mtimeMs);
const cli = fresh ? loadBundle(bundle) : await import(worker ? '../dist/pipeline/pdf-worker.js' : '../dist/pipeline/cli.js');

if (worker) {
  // Its code caches are saved once it has rendered (so they hold what rendering compiled):
  // the main thread may stop it as soon as it has the PDF.
  cli.serve(() => pending.splice(0).forEach((save) => save()));
} else {
  for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, stopEarly);
  cli.installSignalHandlers();
  // A closed pipe (reportpress ast x | head) is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  cli
    .main(process.argv.slice(2), { pdfWorker })
    .then(
      (code) => {
        process.exitCode = code;
        for (const save of pending) save();
      },
      (error) => {
        process.exitCode = cli.report(error);
      },
    )
    .finally(() => pdfWorker?.terminate());
}

/** Runs the CommonJS bundle through V8 with the code cache of the last run, when there is one. */
function loadBundle(file) {
  const module = { exports: {} };
  compiled(file, readFileSync(file, 'utf8')).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** The CommonJS packages the bundle leaves out (pdfmake, pdfkit, fontkit …) get the same cache. */
function cacheCommonJs() {
  // Packages whose exports a build never uses, run only if one is read: pdfkit loads AES and
  // SHA-2 for encrypting PDFs, which we never do (building AES's tables alone costs ~20 ms),
  // and fontkit a Brotli decoder for WOFF2 fonts, which templates cannot name (~7 ms). ~35 ms
  // a thread in all.
  const DEFERRED = [/@noble[\\/]ciphers[\\/]aes\.js$/, /@noble[\\/]hashes[\\/](utils|sha2)\.js$/, /[\\/]brotli[\\/]decompress\.js$/];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.includes(`${'/'}node_modules${'/'}`)) return compile.call(this, content, filename);
    const fn = compiled(filename, content);
    const run = (module) => fn.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
    if (!DEFERRED.some((pattern) => pattern.test(filename))) return run(this);
    let real;
    const load = () => {
      if (!real) {
        const module = { exports: {}, filename, id: filename, loaded: false };
        run(module);
        real = module.exports;
      }
      return real;
    };
    // A function as the target, so a module whose export is a function can be called.
    this.exports = new Proxy(
      () => undefined,
      {
        apply: (_, self, args) => Reflect.apply(load(), self, args),
        get: (_, key) => load()[key],
        has: (_, key) => key in load(),
        ownKeys: () => Reflect.ownKeys(load()),
        getOwnPropertyDescriptor: (_, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
          return descriptor && { ...descriptor, configurable: true };
        },
      },
    );
  };
}

/** Compiles a CommonJS file with V8's code cache from the last run; saves a new one after this run. */
function compiled(file, source) {
  const { size, mtimeMs } = statSync(file);
  const name = file.slice(root.length).replace(/[^\w.-]+/g, '_');
  // V8 rejects a cache made under other flags, so each set of compiler tiers keeps its own.
  const cacheFile = join(cacheDir, `${name}-${size}-${Math.trunc(mtimeMs)}-${tiers}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run after an install or a build
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Saved after the command ran, so the cache holds the functions it compiled, not just the top level.
    pending.push(() => {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temp = `${cacheFile}.${process.pid}-${threadId}`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        // Caches of earlier versions of this file are never read again.
        const current = `${name}-${size}-${Math.trunc(mtimeMs)}-`;
        for (const old of readdirSync(cacheDir)) if (old.startsWith(`${name}-`) && !old.startsWith(current)) rmSync(join(cacheDir, old), { force: true });
      } catch {
        // A read-only installation runs without the cache.
      }
    });
  }
  return script.runInThisContext();
}

/**
 * A build of a report or two is over in about a second, too soon for V8's optimising compiler
 * (TurboFan) to earn back the CPU it spends: on the seed it took a third of the process's CPU
 * time and on two cores competed with the build itself (1.40 s of CPU and 1.0 s of wall time
 * with it, 0.85 s and 0.87 s without). Sources of more than about 100 KB in all (twice a long
 * report) run long enough for it to pay, as does `watch`; they keep it. Set before any of the
 * pipeline is loaded; REPORTPRESS_OPTIMISE=1 keeps it for every run.
 */
function holdBackOptimisingCompiler(args) {
  if (args[0] !== 'build' || process.env.REPORTPRESS_OPTIMISE === '1') return 'all';
  let bytes = 0;
  for (const arg of args.slice(1)) {
    if (!/\.(txt|md|markdown)$/i.test(arg)) continue;
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
 * second core (pipeline/worker.ts). The worker runs this script; started here, before the
 * pipeline is loaded, it loads its own copy meanwhile. The command line is only glanced at
 * (the build, and -f/--formats); the pipeline stops the worker when it has no use for it.
 * REPORTPRESS_WORKERS=0 turns it off, =1 on even with one core (the tests use both).
 */
function startPdfWorker(args) {
  const wanted = process.env.REPORTPRESS_WORKERS;
  if (args[0] !== 'build' || wanted === '0' || (wanted !== '1' && availableParallelism() < 2)) return undefined;
  let formats;
  args.forEach((arg, i) => {
    if (arg === '-f' || arg === '--formats') formats = args[i + 1];
    else if (arg.startsWith('--formats=')) formats = arg.slice('--formats='.length);
    else if (/^-f./.test(arg)) formats = arg.slice(2);
  });
  const list = formats?.split(',').map((f) => f.trim());
  if (list && (!list.includes('pdf') || list.length < 2)) return undefined;
  // The shape of pipeline/worker.ts's Setup. The worker gets the command line too, so it
  // picks the same compiler tiers, and with them the code caches V8 accepts.
  return new Worker(new URL(import.meta.url), { argv: args, workerData: { reportpressWorker: { format: 'pdf' } } });
}
