/**
 * Handlebars templates compiled once per content, not once per build.
 *
 * Compiling a template turns its source into JavaScript (Handlebars.precompile) and that into a
 * function; for the default template's two dozen files the first step is ~50 ms of every
 * build, the second ~5 ms. The JavaScript depends only on the source, the compile options and
 * the Handlebars version, so it is kept in node_modules/.cache, in a file named by a hash of
 * those three, and later builds only do the second step. What runs is exactly what
 * `Handlebars.compile` would have made: the same precompiled code, given to the same
 * environment's `template()`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../paths.js';

const CACHE = join(PACKAGE_ROOT, 'node_modules/.cache/reportpress/handlebars');

type Environment = ReturnType<typeof Handlebars.create>;

/** `source` compiled in `env`, from the cache when it is there. */
export function compileCached(env: Environment, source: string, options: CompileOptions = {}): HandlebarsTemplateDelegate {
  const file = cacheFile(source, options);
  try {
    return fromSpec(env, readFileSync(file, 'utf8'));
  } catch {
    // Not compiled yet (or a cache file damaged by hand: compiled again).
  }
  // Syntax errors surface here, as they would from Handlebars.compile.
  const spec = Handlebars.precompile(source, options) as string;
  save(file, spec);
  return fromSpec(env, spec);
}

/** The precompiled form is an object literal of functions, evaluated as Handlebars' own loaders do. */
function fromSpec(env: Environment, spec: string): HandlebarsTemplateDelegate {
  return env.template(new Function(`return ${spec};`)() as TemplateSpecification);
}

/** Where the compiled form of `source` with `options` is kept. */
export function cacheFile(source: string, options: CompileOptions = {}): string {
  const key = createHash('sha256').update(`${Handlebars.VERSION}\0${JSON.stringify(options)}\0${source}`).digest('hex').slice(0, 32);
  return join(CACHE, `${key}.js`);
}

function save(file: string, spec: string): void {
  try {
    mkdirSync(CACHE, { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, spec);
    renameSync(temp, file);
  } catch {
    // A read-only installation compiles every time.
  }
}
