// How bin/reportpress.js loads code fast: the bundle and the CommonJS packages it leaves out
// (pdfmake, pdfkit, fontkit …) run through V8 with the code cache of the last run; packages a
// build never uses are run only if used; one pure-JS decompressor is swapped for Node's own.
// No side effects until installPackageHook() is called.
// CommonJS, so the PDF worker's entry (bin/pdf-worker.cjs) starts without Node's ES module
// loader. It lives with the engine because it replaces a private member of Node's (the
// packages' hook, Module.prototype._compile); measured worth it for a single build (about a
// sixth of its CPU time; docs/toolchain.md, Start-up), not for a batch.
'use strict';
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { createRequire } = Module;
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { isMainThread, threadId } = require('node:worker_threads');
const { inflateRawSync } = require('node:zlib');
const { isAscii } = require('node:buffer');

/**
 * Packages whose exports a build never uses, run only if one is read: pdfkit loads AES and
 * SHA-2 for encrypting PDFs, which we never do (building AES's tables alone costs ~20 ms), and
 * fontkit a Brotli decoder for WOFF2 fonts, which templates cannot name (~7 ms).
 */
const DEFERRED = [/@noble[\\/]ciphers[\\/]aes\.js$/, /@noble[\\/]hashes[\\/](utils|sha2)\.js$/, /[\\/]brotli[\\/]decompress\.js$/];

/**
 * tiny-inflate, as fontkit and unicode-trie call it: raw DEFLATE data from `source` into
 * `dest`, which is returned (a shorter copy when the data ends early). unicode-trie inflates
 * the Unicode property tables of fontkit, linebreak and unicode-properties this way as they
 * load; in JavaScript without the optimising compiler that is ~15 ms a thread, in zlib well
 * under one. Same bytes: DEFLATE decoding has one result.
 */
function nativeInflate(source, dest) {
  const out = inflateRawSync(source);
  const length = Math.min(out.length, dest.length);
  dest.set(length === out.length ? out : out.subarray(0, length));
  return length < dest.length ? dest.slice(0, length) : dest;
}
const REPLACED = [[/[\\/]node_modules[\\/]tiny-inflate[\\/]index\.js$/, nativeInflate]];

class Loader {
  /**
   * @param {string} root the installation (cache file names are relative to it)
   * @param {string} cacheDir where code caches are kept
   * @param {string} tiers the compiler tiers in force (V8 rejects a cache made under other flags)
   */
  constructor(root, cacheDir, tiers) {
    this.root = root;
    this.cacheDir = cacheDir;
    this.tiers = tiers;
    /** Caches to write, once the command has run (so they hold what it compiled). */
    this.pending = [];
    /** Files run with a code cache, compiled without one, deferred, replaced (tests read them). */
    this.stats = { cached: 0, compiled: 0, deferred: 0, replaced: 0 };
  }

  /**
   * Runs a CommonJS bundle and returns its exports, unless it is older than the compiled
   * module it was made from (tsc ran, the bundler did not): then undefined, and the caller
   * imports the compiled modules instead of running old code.
   */
  loadFreshBundle(file, compiledFrom) {
    const fresh = existsSync(file) && (!existsSync(compiledFrom) || statSync(file).mtimeMs >= statSync(compiledFrom).mtimeMs);
    return fresh ? this.loadBundle(file) : undefined;
  }

  /** Runs a CommonJS bundle; returns its exports. */
  loadBundle(file) {
    const module = { exports: {} };
    // The bundles are ASCII (scripts/ascii-only.mjs): read as Latin-1, the quickest decoding.
    const bytes = readFileSync(file);
    const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    this.compiled(file, source).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
    return module.exports;
  }

  /** Every CommonJS file under node_modules goes through `compiled`, DEFERRED and REPLACED; false when Node has no hook for it. */
  installPackageHook() {
    // The member replaced is Node's own; should a Node release drop it, packages load as usual.
    if (typeof Module.prototype._compile !== 'function' || typeof Module.wrap !== 'function') {
      if (isMainThread) process.stderr.write('reportpress: warning: this Node has no Module.prototype._compile; packages load without their code cache\n');
      return false;
    }
    const compile = Module.prototype._compile;
    const loader = this;
    Module.prototype._compile = function (content, filename) {
      if (!filename.includes(`${'/'}node_modules${'/'}`)) return compile.call(this, content, filename);
      const replacement = REPLACED.find(([pattern]) => pattern.test(filename));
      if (replacement) {
        loader.stats.replaced++;
        this.exports = replacement[1];
        return;
      }
      const fn = loader.compiled(filename, content);
      const run = (module) => fn.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
      if (!DEFERRED.some((pattern) => pattern.test(filename))) return run(this);
      loader.stats.deferred++;
      this.exports = deferred(() => {
        const module = { exports: {}, filename, id: filename, loaded: false };
        run(module);
        return module.exports;
      });
    };
    return true;
  }

  /** Writes the caches this run made (see pending). */
  save() {
    this.pending.splice(0).forEach((save) => save());
  }

  /** Compiles a CommonJS file with V8's code cache from the last run; queues a new one when there was none. */
  compiled(file, source) {
    const { size, mtimeMs } = statSync(file);
    const name = file.slice(this.root.length).replace(/[^\w.-]+/g, '_');
    const cacheFile = join(this.cacheDir, `${name}-${size}-${Math.trunc(mtimeMs)}-${this.tiers}.v8cache`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // first run after an install or a build
    }
    const script = new Script(Module.wrap(source), { filename: file, cachedData });
    if (cachedData && !script.cachedDataRejected) this.stats.cached++;
    else this.stats.compiled++;
    if (!cachedData || script.cachedDataRejected) {
      this.pending.push(() => {
        try {
          mkdirSync(this.cacheDir, { recursive: true });
          const temp = `${cacheFile}.${process.pid}-${threadId}`;
          writeFileSync(temp, script.createCachedData());
          renameSync(temp, cacheFile);
          // Caches of earlier versions of this file are never read again.
          const current = `${name}-${size}-${Math.trunc(mtimeMs)}-`;
          for (const old of readdirSync(this.cacheDir)) if (old.startsWith(`${name}-`) && !old.startsWith(current)) rmSync(join(this.cacheDir, old), { force: true });
        } catch {
          // A read-only installation runs without the cache.
        }
      });
    }
    return script.runInThisContext();
  }
}

/** Exports that run `load` the first time anything is read from them (or they are called). */
function deferred(load) {
  let real;
  const target = () => (real ??= load());
  // A function as the proxy's target, so a module whose export is a function can be called.
  return new Proxy(() => undefined, {
    apply: (_, self, args) => Reflect.apply(target(), self, args),
    get: (_, key) => target()[key],
    has: (_, key) => key in target(),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

module.exports = { DEFERRED, Loader, deferred, nativeInflate };
