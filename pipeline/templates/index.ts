/**
 * A template folder: the layout (layout.yaml, shared by PDF and DOCX) plus the Handlebars
 * files and stylesheets of the HTML, EPUB and summary writers.
 *
 * Everything is checked when the template is loaded, before any output is written: the
 * layout against its schema, and every .hbs file for syntax, for partials that do not exist
 * and for helpers that are not defined. Files and partials are looked up in the template's
 * folder, then in the folders it extends, and nowhere else. Each template gets its own
 * Handlebars environment with the prototype-access protections left on.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import Handlebars from 'handlebars';
import { ReportError } from '../errors.js';
import { HELPERS } from './helpers.js';
import { BUILTIN_TEMPLATES } from '../paths.js';
import { LAYOUT_FILE, loadLayout, resolveTemplateDir, type Layout } from './layout.js';
import { compileCached } from './precompiled.js';
import { listTemplateFiles, readTemplateFile } from './files.js';

export type { Layout, Style, FontFace } from './layout.js';

export interface Template {
  /** Name as selected (`default`, `official`, or the folder name of a path). */
  name: string;
  /** The template's own folder, then the folders it extends. */
  chain: string[];
  layout: Layout;
  /** Absolute path of `rel` in the first folder of the chain that has it. */
  find(rel: string): string | undefined;
  /** Text of `rel` (see find); an error naming the template when it is missing. */
  read(rel: string): string;
  /** Renders the Handlebars file `rel` with `data`. */
  render(rel: string, data: object): string;
  /** Renders a Handlebars string from the layout (cover lines, header, footer). */
  renderString(source: string, data: object): string;
}


export interface LoadOptions {
  /**
   * Check every .hbs file (syntax, partials, helpers) now; on by default. The PDF worker
   * thread turns it off: the main thread has checked the same files before it renders.
   */
  checkHandlebars?: boolean;
}

/**
 * `name` is a template name (looked up in ./templates, then in the built-in templates) or a
 * path to a template folder.
 */
export function loadTemplate(name: string, cwd = process.cwd(), options: LoadOptions = {}): Template {
  const dir = locate(name, cwd);
  const root = dirname(dir);
  const { layout, chain } = loadLayout(dir, existsSync(join(root, 'default', LAYOUT_FILE)) ? root : BUILTIN_TEMPLATES);
  const files = listTemplateFiles(chain);
  const hbs = Handlebars.create();
  for (const [helper, fn] of Object.entries(HELPERS)) hbs.registerHelper(helper, fn);

  // Partials: partials/<name>.hbs, child folders first.
  const partials = new Map<string, string>();
  for (const [rel, file] of files) {
    const m = /^partials\/(.+)\.hbs$/.exec(rel);
    if (m && !partials.has(m[1]!)) partials.set(m[1]!, file);
  }
  if (options.checkHandlebars !== false) {
    const uses = new Map<string, string[]>();
    for (const [, file] of files) if (file.endsWith('.hbs')) uses.set(file, check(file, partials));
    checkExpansion(uses, partials);
  }
  for (const [partial, file] of partials) hbs.registerPartial(partial, compile(hbs, readTemplateFile(file), file));

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const find = (rel: string) => files.get(rel.split(sep).join('/'));
  const template: Template = {
    name: basename(dir),
    chain,
    layout,
    find,
    read(rel) {
      const file = find(rel);
      if (!file) throw new ReportError({ file: join(dir, rel) }, `template "${basename(dir)}" has no ${rel}`);
      return readTemplateFile(file);
    },
    render(rel, data) {
      let fn = compiled.get(rel);
      if (!fn) {
        fn = compile(hbs, template.read(rel), find(rel)!, { noEscape: false });
        compiled.set(rel, fn);
      }
      return run(fn, data, find(rel)!);
    },
    renderString(source, data) {
      let fn = compiled.get('\0' + source);
      if (!fn) {
        fn = compile(hbs, source, join(dir, LAYOUT_FILE));
        compiled.set('\0' + source, fn);
      }
      return run(fn, data, join(dir, LAYOUT_FILE));
    },
  };
  return template;
}

function locate(name: string, cwd: string): string {
  const looksLikePath = name.includes('/') || name.includes('\\') || name.startsWith('.');
  const candidates = looksLikePath ? [resolve(cwd, name)] : [resolveTemplateDir(name, cwd, join(cwd, 'templates')), join(BUILTIN_TEMPLATES, name)];
  for (const dir of candidates) if (existsSync(join(dir, LAYOUT_FILE))) return dir;
  const where = candidates[0]!;
  const reason = existsSync(where) ? `has no ${LAYOUT_FILE}` : 'does not exist';
  throw new ReportError({ file: where }, `template "${name}" ${reason}`);
}

/** Syntax, partials and helpers of one .hbs file, reported with its line. */
function check(file: string, partials: Map<string, string>): string[] {
  const used: string[] = [];
  let ast: hbs.AST.Program;
  const text = readTemplateFile(file);
  try {
    ast = Handlebars.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const line = /line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+/.exec(message)?.[1];
    throw new ReportError({ file, line: line ? Number(line) : undefined }, `Handlebars: ${message.split('\n')[0]!.replace(/^Parse error on line \d+:?/, 'syntax error').trim()}`);
  }
  const inline = new Set<string>();
  const visit = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'DecoratorBlock' && node.path?.original === 'inline') inline.add(String(node.params?.[0]?.value));
    if ((node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && node.name?.type === 'PathExpression') {
      const name = node.name.original as string;
      if (partials.has(name) && !inline.has(name)) used.push(name);
      if (!partials.has(name) && !inline.has(name) && name !== '@partial-block') {
        throw new ReportError({ file, line: node.loc?.start.line, column: (node.loc?.start.column ?? 0) + 1 }, `partial "${name}" not found (partials live in partials/<name>.hbs of the template or the one it extends)`);
      }
    }
    if ((node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') && node.path?.type === 'PathExpression') {
      const name = node.path.original as string;
      const hasArgs = (node.params?.length ?? 0) > 0 || (node.hash?.pairs?.length ?? 0) > 0;
      if (hasArgs && !(name in HELPERS) && !BUILTIN_HELPERS.has(name)) {
        throw new ReportError({ file, line: node.loc?.start.line, column: (node.loc?.start.column ?? 0) + 1 }, `unknown helper "${name}" (helpers: ${[...BUILTIN_HELPERS, ...Object.keys(HELPERS)].join(', ')})`);
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && (value as any).type) visit(value);
    }
  };
  visit(ast);
  return used;
}

/** Partial copies one render may make, not counting loops over the report's data. */
export const MAX_PARTIAL_EXPANSION = 10_000;

/**
 * A partial that includes another twice, forty levels deep, makes 2^40 copies and runs the
 * process out of memory before a byte is written: refused when the template is loaded, naming
 * the file. A partial that includes itself (html-toc for nested entries) is left alone: its
 * depth follows the data, and endless recursion ends in a stack overflow that run() reports
 * against the template file.
 */
function checkExpansion(uses: Map<string, string[]>, partials: Map<string, string>): void {
  const copies = new Map<string, number>();
  const active = new Set<string>();
  const expand = (file: string): number => {
    const known = copies.get(file);
    if (known !== undefined) return known;
    if (active.has(file)) return 0;
    active.add(file);
    let total = 1;
    for (const name of uses.get(file) ?? []) {
      total += expand(partials.get(name)!);
      if (total > MAX_PARTIAL_EXPANSION) throw new ReportError({ file }, `partials expand to more than ${MAX_PARTIAL_EXPANSION} copies in one render (partials that include others several times, nested); refused`);
    }
    active.delete(file);
    copies.set(file, total);
    return total;
  };
  for (const file of uses.keys()) expand(file);
}

/** A compiled template (see precompiled.ts); a syntax error names the file. */
function compile(env: typeof Handlebars, source: string, file: string, options?: CompileOptions): HandlebarsTemplateDelegate {
  try {
    return compileCached(env, source, options);
  } catch (e) {
    throw new ReportError({ file }, `Handlebars: ${(e as Error).message.split('\n')[0]}`);
  }
}

const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

function run(fn: HandlebarsTemplateDelegate, data: object, file: string): string {
  try {
    return fn(data);
  } catch (e) {
    throw new ReportError({ file }, `Handlebars: ${(e as Error).message.split('\n')[0]}`);
  }
}
