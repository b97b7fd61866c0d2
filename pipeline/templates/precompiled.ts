/**
 * Handlebars templates compiled once per content, not once per build.
 *
 * Compiling a template turns its source into JavaScript (Handlebars.precompile) and that into a
 * function; for the default template's two dozen files the first step is ~50 ms of every
 * build, the second ~5 ms. The JavaScript depends only on the source, the compile options and
 * the Handlebars version, so it is kept (cache.ts) under a hash of those three, and later
 * builds only do the second step. What runs is exactly what
 * `Handlebars.compile` would have made: the same precompiled code, given to the same
 * environment's `template()`.
 */
import Handlebars from 'handlebars';
import { cachePath, readCached, writeCached } from './cache.js';

type Environment = ReturnType<typeof Handlebars.create>;

/** `source` compiled in `env`, from the cache when it is there. */
export function compileCached(env: Environment, source: string, options: CompileOptions = {}): HandlebarsTemplateDelegate {
  const file = cacheFile(source, options);
  const cached = readCached(file);
  if (cached) {
    try {
      return fromSpec(env, cached.toString('utf8'));
    } catch {
      // a cache file damaged by hand: compiled again
    }
  }
  // Syntax errors surface here, as they would from Handlebars.compile.
  const spec = Handlebars.precompile(source, options) as string;
  writeCached(file, spec);
  return fromSpec(env, spec);
}

/** The precompiled form is an object literal of functions, evaluated as Handlebars' own loaders do. */
function fromSpec(env: Environment, spec: string): HandlebarsTemplateDelegate {
  return env.template(new Function(`return ${spec};`)() as TemplateSpecification);
}

/** Where the compiled form of `source` with `options` is kept. */
export function cacheFile(source: string, options: CompileOptions = {}): string {
  return cachePath('handlebars', [Handlebars.VERSION, JSON.stringify(options), source], '.js');
}
