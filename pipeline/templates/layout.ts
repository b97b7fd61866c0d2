/**
 * Loading a layout file: YAML -> validated, defaulted, unit-resolved `Layout`.
 *
 * `extends` chains are merged parent first (objects key by key, lists replaced whole), then
 * every key is checked against schema.ts. A mistake is one `file:line:column: error:` line
 * naming the key: an unknown key (with the nearest known one), a wrong type, a font file that
 * does not exist, a style asking for a bold face its font lacks.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import * as v from 'valibot';
import { ReportError } from '../errors.js';
import { cachePath, readCached, writeCached } from './cache.js';
import { LAYOUT, STYLE_NAMES, type LayoutData, type Style, type StyleName } from './schema.js';
import { MM } from './units.js';
import { fileError, readTemplateFile } from './files.js';

export type { Align, PageAlign, Style } from './schema.js';

type FontData = LayoutData['fonts'][string];
/** A font of the layout, its files resolved to absolute paths. */
export type FontFace = { [K in keyof FontData]: NonNullable<FontData[K]> };

/** A layout with every key present and every length in points. */
export type Layout = Omit<LayoutData, 'extends' | 'description' | 'page' | 'fonts' | 'styles'> & {
  description?: string;
  page: { width: number; height: number; margin: LayoutData['page']['margin'] };
  fonts: Record<string, FontFace>;
  styles: Record<StyleName, Style>;
};

export const LAYOUT_FILE = 'layout.yaml';

interface Source {
  file: string;
  dir: string;
  data: Record<string, unknown>;
  /** The YAML document with positions, for messages (parsed on demand when `data` came from the cache). */
  located(): { doc: Document; lines: LineCounter };
}

/** Loads `dir/layout.yaml` and the layouts it extends; returns the layout and the folder chain. */
export function loadLayout(dir: string, templatesRoot: string): { layout: Layout; chain: string[]; file: string } {
  const sources: Source[] = [];
  let current = resolve(dir);
  for (;;) {
    if (sources.some((s) => s.dir === current)) throw new ReportError({ file: sources[0]!.file }, `extends forms a cycle through ${current}`);
    const source = readSource(current);
    sources.push(source);
    const parent = source.data.extends;
    if (parent === undefined || parent === null) break;
    if (typeof parent !== 'string' || parent.trim() === '') throw error(source, ['extends'], 'expected the name of a template');
    current = resolveTemplateDir(parent, source.dir, templatesRoot);
    if (!existsSync(join(current, LAYOUT_FILE))) throw error(source, ['extends'], `no template "${parent}" (looked for ${join(current, LAYOUT_FILE)})`);
  }

  const merged = sources.reduceRight<Record<string, unknown>>((acc, s) => deepMerge(acc, s.data), {});
  const layout = resolveLayout(merged, sources);
  return { layout, chain: sources.map((s) => s.dir), file: sources[0]!.file };
}

export function resolveTemplateDir(nameOrPath: string, from: string, templatesRoot: string): string {
  if (nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.startsWith('.')) return resolve(from, nameOrPath);
  return resolve(templatesRoot, nameOrPath);
}

/**
 * A layout file's data. Parsing YAML is ~10-20 ms a file; the data of a file that parsed
 * cleanly is kept by content hash (cache.ts, V8's serialisation, so numbers such as .inf
 * survive), and the document itself is parsed again only to point a message at a line.
 */
function readSource(dir: string): Source {
  const file = join(dir, LAYOUT_FILE);
  if (!existsSync(file)) throw new ReportError({ file }, 'layout file not found');
  const text = readLayoutText(dir, file);
  const cache = cachePath('layouts', [YAML_VERSION, text], '.v8');
  const cached = readCached(cache);
  if (cached) {
    try {
      const data = deserialize(cached) as Record<string, unknown>;
      let located: ReturnType<Source['located']> | undefined;
      return { file, dir, data, located: () => (located ??= parseYaml(file, text)) };
    } catch {
      // a damaged cache file: parsed again below
    }
  }
  const located = parseYaml(file, text);
  let data: unknown;
  try {
    // The yaml package stops alias expansion past maxAliasCount ("billion laughs").
    data = located.doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ReportError({ file, line: 1 }, `not a usable layout: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) throw new ReportError({ file, line: 1 }, 'a layout file is a mapping of keys');
  writeCached(cache, serialize(data));
  return { file, dir, data: data as Record<string, unknown>, located: () => located };
}

/** layout.yaml, which may be a symbolic link only to a file inside its own template folder. */
function readLayoutText(dir: string, file: string): string {
  let real: string;
  let root: string;
  try {
    root = realpathSync(dir);
    real = realpathSync(file);
  } catch (error) {
    throw fileError(file, error);
  }
  if (!real.startsWith(root + sep)) throw new ReportError({ file }, `layout file is a symbolic link to ${real}, outside its template folder; refused`);
  return readTemplateFile(real, file);
}

function parseYaml(file: string, text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    throw new ReportError({ file, line: pos?.line, column: pos?.col }, `not valid YAML: ${problem.message.split('\n')[0]}`);
  }
  return { doc, lines };
}

/** Whether `data` has a value (null included) at `path`. */
function hasPath(data: unknown, path: Array<string | number>): boolean {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

function error(source: Source, path: Array<string | number>, message: string): ReportError {
  const { doc, lines } = source.located();
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  let keyNode: { range?: [number, number, number] } | undefined;
  // Point at the key when we can (unknown keys), else at the value.
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[path.length - 1]);
    keyNode = pair?.key as typeof keyNode;
  }
  const offset = keyNode?.range?.[0] ?? node?.range?.[0];
  const pos = offset !== undefined ? lines.linePos(offset) : undefined;
  const key = path.join('.');
  return new ReportError({ file: source.file, line: pos?.line, column: pos?.col }, key ? `${key}: ${message}` : message);
}

type Issue = v.BaseIssue<unknown>;

/**
 * The error to report for a chain whose merged layout does not parse, in the file that holds
 * the mistake. The layout is parsed once, merged, as that is all a good chain needs; only then
 * is each file checked on its own, child first, leaving out keys that another file of the chain
 * may give (a font's regular face). What no file gets wrong alone is `merged`: a key no file gives.
 */
function mistake(sources: Source[], merged: ReportError): ReportError {
  for (const source of sources) {
    const checked = v.safeParse(LAYOUT, source.data);
    if (checked.success) continue;
    const mistakes = checked.issues.filter((issue) => !isMissingKey(issue)).map((issue) => located(source, issue));
    // The first in the file, as a reader meets them (the schema lists keys in its own order).
    mistakes.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
    if (mistakes[0]) return mistakes[0];
  }
  return merged;
}

/** A key the schema requires and the file leaves out (`expected` names the key). */
const isMissingKey = (issue: Issue) => issue.type === 'strict_object' && issue.input === undefined;

/** An issue as an error at its key: a missing key at the mapping that lacks it. */
function located(source: Source, issue: Issue): ReportError {
  const items = issue.path ?? [];
  // A list where a mapping belongs: valibot takes it as a mapping of its indices.
  const list = items.findIndex((item) => item.type === 'object' && Array.isArray(item.input));
  if (list !== -1) return error(source, keys(items.slice(0, list)), 'expected a mapping of keys');
  return error(source, keys(isMissingKey(issue) ? items.slice(0, -1) : items), issue.message);
}

const keys = (items: readonly v.IssuePathItem[]) => items.map((item) => item.key as string | number);

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === 'extends') continue;
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The merged layout with defaults filled and units in points, checked across files. */
function resolveLayout(merged: Record<string, unknown>, sources: Source[]): Layout {
  const top = sources[0]!;
  // The file that sets a key, child first, so errors name the file to fix.
  const owner = (path: Array<string | number>) => sources.find((s) => hasPath(s.data, path)) ?? top;
  const parsed = v.safeParse(LAYOUT, merged);
  if (!parsed.success) throw mistake(sources, located(owner(keys(parsed.issues[0].path ?? []).slice(0, -1)), parsed.issues[0]));
  const d = parsed.output;

  const [w, h] = d.page.size;
  const landscape = d.page.orientation === 'landscape';
  const page = {
    width: (landscape ? Math.max(w, h) : Math.min(w, h)) * MM,
    height: (landscape ? Math.min(w, h) : Math.max(w, h)) * MM,
    margin: d.page.margin,
  };
  if (page.margin.left + page.margin.right >= page.width - 72 || page.margin.top + page.margin.bottom >= page.height - 72) {
    throw error(owner(['page', 'margin']), ['page', 'margin'], 'margins leave less than an inch for the text');
  }

  const fonts: Record<string, FontFace> = {};
  for (const [key, font] of Object.entries(d.fonts)) {
    const regular = fontFile(owner(['fonts', key, 'regular']), ['fonts', key, 'regular'], font.regular);
    const bold = font.bold ? { bold: fontFile(owner(['fonts', key, 'bold']), ['fonts', key, 'bold'], font.bold) } : {};
    if (font.css && !isFontStack(font.css)) {
      throw error(owner(['fonts', key, 'css']), ['fonts', key, 'css'], 'expected a CSS font-family list such as "Noto Serif SC", SimSun, serif (names, quoted names and commas only)');
    }
    fonts[key] = { regular, word: font.word, ...bold, ...(font.css ? { css: font.css } : {}) };
  }
  if (!Object.keys(fonts).length) throw error(top, ['fonts'], 'a layout needs at least one font');

  const body = d.styles.body;
  const styles = {} as Record<StyleName, Style>;
  for (const name of STYLE_NAMES) {
    const style: Style = { ...body, ...d.styles[name] };
    if (!fonts[style.font]) throw error(owner(['styles', name, 'font']), ['styles', name, 'font'], `no font "${style.font}" under fonts (have ${Object.keys(fonts).join(', ')})`);
    if (style.bold && !fonts[style.font]!.bold) throw error(owner(['styles', name, 'bold']), ['styles', name, 'bold'], `font "${style.font}" has no bold face; add fonts.${style.font}.bold or set bold: false`);
    styles[name] = style;
  }

  return {
    ...(d.description ? { description: d.description } : {}),
    page,
    fonts,
    styles,
    headings: d.headings,
    typesetting: d.typesetting,
    cover: d.cover,
    header: d.header,
    footer: d.footer,
    toc: d.toc,
    table: d.table,
    summary: d.summary,
    epub: d.epub,
  };
}

const require = createRequire(import.meta.url);

/** Part of the key of cached layout data: another version of the parser may read a file otherwise. */
const YAML_VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(join(dirname(require.resolve('yaml')), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/** `npm:<package>/<file>`, a path relative to the template folder, or an absolute path. */
function fontFile(source: Source, path: string[], ref: string): string {
  let file: string;
  if (ref.startsWith('npm:')) {
    try {
      file = require.resolve(ref.slice(4));
    } catch {
      throw error(source, path, `font ${ref} not found: is the npm package installed?`);
    }
  } else {
    file = isAbsolute(ref) ? ref : resolve(source.dir, ref);
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw error(source, path, `font file not found: ${file}`);
  if (!/\.(ttf|otf|woff)$/i.test(file)) throw error(source, path, `font must be a .ttf, .otf or .woff file (WOFF2 cannot be subset): ${file}`);
  const damage = fontDamage(file);
  if (damage) throw error(source, path, `${damage}: ${file}`);
  return file;
}

/** Tables every face needs for measuring and embedding text. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];

/**
 * What is wrong with a font file's header, read now so a damaged file is named here rather
 * than failing deep inside the PDF writer: its signature, and a table directory that lies in
 * the file and lists the tables every face needs. (Only the first bytes are read.)
 */
function fontDamage(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 44));
    readSync(fd, head, 0, head.length, 0);
    const signature = head.length >= 4 ? head.readUInt32BE(0) : 0;
    const woff = signature === 0x774f4646; // 'wOFF'
    if (!woff && signature !== 0x00010000 && signature !== 0x4f54544f && signature !== 0x74727565) return 'not a TrueType, OpenType or WOFF font';
    const count = head.length >= 14 ? head.readUInt16BE(woff ? 12 : 4) : 0;
    const first = woff ? 44 : 12;
    const entry = woff ? 20 : 16;
    if (count === 0 || first + count * entry > size) return 'damaged font (its table directory is cut short)';
    const directory = Buffer.alloc(count * entry);
    readSync(fd, directory, 0, directory.length, first);
    const tags = new Set<string>();
    for (let i = 0; i < count; i++) {
      const at = i * entry;
      const offset = directory.readUInt32BE(at + (woff ? 4 : 8));
      const length = directory.readUInt32BE(at + (woff ? 8 : 12));
      if (offset + length > size) return 'damaged font (a table lies past the end of the file)';
      tags.add(directory.toString('latin1', at, at + 4));
    }
    const missing = REQUIRED_TABLES.filter((tag) => !tags.has(tag));
    return missing.length ? `damaged font (no ${missing.join(', ')} table)` : undefined;
  } finally {
    closeSync(fd);
  }
}

export function templateDirOf(file: string): string {
  return dirname(file);
}

/**
 * A CSS font-family list: family names (words, or text in quotes without quotes, backslashes,
 * angle brackets or braces inside) separated by commas. The value is written into <style>
 * elements and stylesheets; anything else (a `;`, a `}`, `</style>`) could end the declaration
 * or the element and inject rules or markup.
 */
const FAMILY = String.raw`(?:"[^"\\<>{};\n]*"|'[^'\\<>{};\n]*'|[\p{L}_-][\p{L}\p{N}_-]*(?:[ \t]+[\p{L}_-][\p{L}\p{N}_-]*)*)`;
const FONT_STACK = new RegExp(String.raw`^\s*${FAMILY}(?:\s*,\s*${FAMILY})*\s*$`, 'u');

export function isFontStack(value: string): boolean {
  return value.length <= 500 && FONT_STACK.test(value);
}
