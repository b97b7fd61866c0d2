/**
 * The command line: arguments, progress, exit codes; nothing else.
 *
 *   0  everything built
 *   1  a source or template could not be built (message names the file)
 *   2  the command line itself is wrong
 *   130 interrupted
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReportError } from './errors.js';
import { describeFailure } from './failure.js';
import { sourceDateEpochProblem } from './render/shared/dates.js';
import { basename, extname } from 'node:path';
import { buildSource, cleanupPending, formatMessage, parseFormats, readSource, UsageError } from './build.js';
import { FORMATS } from './render/index.js';
import { loadTemplate, type Template } from './templates/index.js';
import { publishDetailed } from './publish.js';
import { PACKAGE_ROOT } from './paths.js';
import { DEFAULT_MAX_BYTES } from './read/index.js';
import { explainLines } from './explain.js';
import { readSidecar } from './sidecar-file.js';
import type { MessagePort, Worker } from 'node:worker_threads';
import { takeFontsFrom } from './render/shared/fonts.js';
import { FormatWorker } from './worker.js';

const HELP = `reportpress: Chinese government work reports -> PDF, DOCX, EPUB, HTML, Markdown and a one-page summary

Usage:
  reportpress build <source...> [options]   build publications into <out>/<name>/
  reportpress watch [source...] [options]   rebuild on every save of a source or the template
  reportpress ast <source>                  print the normalised syntax tree (mdast) as JSON
  reportpress formats                       list the output formats

Options:
  -o, --out DIR          output folder (default: output)
  -f, --formats LIST     comma-separated: ${FORMATS.join(',')} (default: all)
  -t, --template NAME    template name in templates/ or a path to a template folder (default: default)
      --max-size MB      refuse sources larger than this (default: ${DEFAULT_MAX_BYTES / 1024 / 1024})
      --strict-glyphs    fail when the template's fonts cannot draw a character (default: a warning)
      --positions        (ast) keep source positions in the tree
      --lines            (ast) print every source line with what it became instead
  -q, --quiet            no progress lines (warnings and errors are still shown)
  -h, --help             this text
  -v, --version          the version

Sources are .txt (plain text as copied from a web page; UTF-8 or GB18030/GBK) or .md.
Messages read file:line:column: warning|error: text.`;

interface Options {
  out: string;
  formats?: string;
  template: string;
  'max-size'?: string;
  'strict-glyphs': boolean;
  positions: boolean;
  lines: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

export interface Launch {
  /**
   * A worker thread already loading the PDF writer (started by bin/reportpress.js before it
   * loaded the pipeline; see worker.ts). A build with PDF and other formats renders the PDF
   * in it; otherwise it is stopped.
   */
  pdfWorker?: Worker;
  /** Where that worker shares the font files it reads. */
  fontPort?: MessagePort;
}

export async function main(argv: string[], launch: Launch = {}): Promise<number> {
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o', default: 'output' },
        formats: { type: 'string', short: 'f' },
        template: { type: 'string', short: 't', default: 'default' },
        'max-size': { type: 'string' },
        'strict-glyphs': { type: 'boolean', default: false },
        positions: { type: 'boolean', default: false },
        lines: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    }) as unknown as { values: Options; positionals: string[] };
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;

  if (values.version) {
    console.log(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
    return 0;
  }
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }

  try {
    switch (command) {
      case 'build':
        return await build(args, values, launch);
      case 'ast':
        return await ast(args, values);
      case 'watch': {
        const { watch } = await import('./watch.js');
        return await watch(args, { out: values.out, formats: parseFormats(values.formats), template: values.template, maxBytes: maxBytes(values), quiet: values.quiet });
      }
      case 'formats':
        console.log(FORMATS.join('\n'));
        return 0;
      default:
        return usage(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    return report(error);
  }
}

async function build(sources: string[], values: Options, launch: Launch): Promise<number> {
  if (sources.length === 0) return usage('build needs at least one source file');
  const formats = parseFormats(values.formats);
  const epochProblem = sourceDateEpochProblem();
  if (epochProblem) return usage(epochProblem);
  const clash = sameOutput(sources);
  if (clash) return usage(`${clash[0]} and ${clash[1]} would both be written to ${join(values.out, clash[2])}/; build them into different --out folders or rename one`);
  const limit = maxBytes(values);
  const worker = launch.pdfWorker && formats.includes('pdf') && formats.length > 1 ? new FormatWorker(launch.pdfWorker, values.template, 'pdf') : undefined;
  if (launch.pdfWorker && !worker) await launch.pdfWorker.terminate();
  if (worker && launch.fontPort) takeFontsFrom(launch.fontPort);
  try {
    // Loaded once, after the first source is parsed: the PDF worker is handed the parsed
    // source first. A template that fails to load fails the build once, not per source.
    let template: Template | undefined;
    let templateFailed = false;
    const loadOnce = () => {
      try {
        return (template ??= loadTemplate(values.template));
      } catch (error) {
        templateFailed = true;
        throw error;
      }
    };
    const progress = !values.quiet && process.stderr.isTTY ? (line: string) => console.error(line) : undefined;
    let failed = 0;
    const stats: Array<{ source: string; timings: Record<string, number> }> = [];
    const concurrent = worker ? { [worker.format]: worker.writer } : undefined;
    for (const source of sources) {
      try {
        const result = await buildSource(source, { out: values.out, formats, template: loadOnce, maxBytes: limit, strictGlyphs: values['strict-glyphs'], progress, concurrent, warn: (line) => console.error(line) });
        stats.push({ source, timings: result.timings });
        if (!values.quiet && !progress) console.error(`${source} -> ${join(values.out, result.publication.name)}/ (${result.written.length} files)`);
      } catch (error) {
        failed++;
        report(error, templateFailed ? undefined : source);
        if (templateFailed) break;
      }
    }
    // For `make bench`: stage timings and peak memory, measured inside the process.
    if (process.env.REPORTPRESS_STATS) {
      console.error('REPORTPRESS_STATS ' + JSON.stringify({ sources: stats, maxRssKb: process.resourceUsage().maxRSS, uptimeMs: performance.now(), worker: !!worker }));
    }
    return failed ? 1 : 0;
  } finally {
    await worker?.close();
  }
}

async function ast(sources: string[], values: Options): Promise<number> {
  if (sources.length !== 1) return usage('ast takes exactly one source file');
  const source = sources[0]!;
  const bytes = await readSource(source);
  const options = { maxBytes: maxBytes(values), ...readSidecar(source) };
  const { publication, input } = publishDetailed(bytes, source, options);
  for (const message of publication.diagnostics) console.error(formatMessage(source, message));
  if (values.lines) {
    await new Promise<void>((resolve) => process.stdout.write(explainLines(input, publication).join('\n') + '\n', () => resolve()));
    return 0;
  }
  const tree = { ...publication.tree, data: { ...(publication.tree.data ?? {}), meta: publication.meta, figures: publication.figures } };
  const json = JSON.stringify(tree, values.positions ? undefined : (key, value) => (key === 'position' ? undefined : value), 1);
  await new Promise<void>((resolve) => process.stdout.write(json + '\n', () => resolve()));
  return 0;
}

/** Two sources whose publications would land in the same folder (names differing only in case count: not every file system tells them apart). */
function sameOutput(sources: string[]): [string, string, string] | undefined {
  const seen = new Map<string, string>();
  for (const source of sources) {
    const name = basename(source, extname(source));
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined && first !== source) return [first, source, name];
    seen.set(key, source);
  }
  return undefined;
}

function maxBytes(values: Options): number | undefined {
  const raw = values['max-size'];
  if (raw === undefined) return undefined;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-size takes a number of megabytes, not "${raw}"`);
  return mb * 1024 * 1024;
}

function usage(message: string): number {
  console.error(`reportpress: ${message}\nRun "reportpress --help" for usage.`);
  return 2;
}

/** One line per failure; a stack only when REPORTPRESS_DEBUG is set. */
export function report(error: unknown, source?: string): number {
  const { line } = describeFailure(error, source);
  console.error(line);
  if (!isReportError(error) && process.env.REPORTPRESS_DEBUG) console.error((error as Error)?.stack);
  return 1;
}

let interrupted = false;
/**
 * Ctrl-C (or SIGTERM): stop writing, remove temporary files, exit 130. `beforeExit` stops what
 * else runs (the PDF worker thread): exiting the process while a worker thread still runs is
 * a known way to crash Node on the way out.
 */
export function installSignalHandlers(beforeExit?: () => Promise<unknown> | undefined): void {
  const stop = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    let outcome = '';
    void cleanupPending()
      .then((state) => {
        const list = (dirs: string[]) => dirs.map((d) => `${d}/`).join(', ');
        if (state.unchanged.length) outcome += `; ${list(state.unchanged)} left as before`;
        if (state.switched.length) outcome += `; ${list(state.switched)} already holds the new set`;
        return beforeExit?.();
      })
      .catch(() => undefined)
      .finally(() => {
        console.error(`reportpress: interrupted (${signal})${outcome}; no partial files left`);
        process.exit(130);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
