/**
 * The command line: arguments, progress, exit codes; nothing else.
 *
 *   0  everything built
 *   1  a source or template could not be built (message names the file)
 *   2  the command line itself is wrong
 *   130 interrupted
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isReportError } from './errors.js';
import { describeFailure } from './failure.js';
import { sourceDateEpochProblem } from './render/shared/dates.js';
import { cleanupPending, formatMessage, readSource } from './build.js';
import { parseCommandLine, parseFormats, UsageError, type Options } from './args.js';
import { FORMATS } from './render/index.js';
import { publishDetailed } from './publish.js';
import { explainLines } from './explain.js';
import { readSidecar } from './sidecar-file.js';
import { PACKAGE_ROOT } from './paths.js';
import { DEFAULT_MAX_BYTES } from './read/index.js';
import type { MessagePort, Worker } from 'node:worker_threads';
import { BuildSession } from './session.js';
import { clean } from './record.js';
import { plan } from './plan.js';
import { makeRules, writeIfChanged } from './make-rules.js';
import { checkEngine } from './engine/index.js';

const HELP = `reportpress: Chinese government work reports -> PDF, DOCX, EPUB, HTML, Markdown and a one-page summary

Usage:
  reportpress build <source...> [options]   build publications into <out>/<name>/
  reportpress sync <source-dir> [options]   build what is stale in <out>, remove outputs of removed sources
  reportpress clean [--out DIR]             remove every publication recorded in <out>
  reportpress make-rules <file> <source-dir> [options]   (for make) write whether sync has work
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
Messages read file:line:column: warning|error: text.
A build leaves <out>/<name>/ holding exactly the formats asked for, and records what made it
in <out>/.reportpress/ (sync and make compare that record with the disk).`;

export interface Launch {
  /**
   * A worker thread already loading the PDF writer (started by bin/reportpress.js before it
   * loaded the pipeline; see worker.ts). A build with PDF and other formats renders the PDF
   * in it; otherwise it is stopped.
   */
  pdfWorker?: Worker;
  /** Where that worker shares the font files it reads. */
  fontPort?: MessagePort;
  /** Whether stderr is a terminal (progress lines); by default this thread's stderr's say. */
  interactive?: boolean;
}

export { onSwitched } from './output/commit.js';

export async function main(argv: string[], launch: Launch = {}): Promise<number> {
  let line;
  try {
    line = parseCommandLine(argv);
  } catch (error) {
    await launch.pdfWorker?.terminate();
    return usage((error as Error).message);
  }
  const { values, command, args } = line;

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
      case 'build': {
        if (args.length === 0) return usage('build needs at least one source file');
        const clash = sameOutput(args);
        if (clash) return usage(`${shown(clash[0])} and ${shown(clash[1])} would both be written to ${join(values.out, clash[2])}/; build them into different --out folders or rename one`);
        return await build(args, values, launch);
      }
      case 'sync':
        if (args.length !== 1) return usage('sync takes one source folder');
        return await build(args, values, launch, args[0]);
      case 'make-rules': {
        if (args.length !== 2) return usage('make-rules takes the rules file and the source folder');
        const todo = await plan({ sourceDir: args[1]!, out: values.out, template: values.template, formats: parseFormats(values.formats) });
        const changed = writeIfChanged(args[0]!, makeRules(todo));
        // Under make -n (the Makefile says so): what sync would do. When the rules changed,
        // make reads them and runs us again, and that run says it.
        if (process.env.REPORTPRESS_EXPLAIN === '1' && !changed) {
          for (const s of todo.build) console.log(`reportpress: would build ${shown(s.source)} (${s.reason})`);
          for (const r of todo.remove) console.log(`reportpress: would remove ${shown(join(values.out, r.name))}/ (its source is gone)`);
          for (const r of todo.refused) console.log(`reportpress: would refuse ${shown(r.source)}`);
        }
        return 0;
      }
      case 'clean': {
        const n = clean(values.out);
        if (!values.quiet) console.error(`removed ${n} publication folder${n === 1 ? '' : 's'} from ${values.out}`);
        return 0;
      }
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

/** `build` (the named sources) or `sync` (what is stale in `sourceDir`): one session for all. */
async function build(sources: string[], values: Options, launch: Launch, sourceDir?: string): Promise<number> {
  const formats = parseFormats(values.formats);
  const epochProblem = sourceDateEpochProblem();
  if (epochProblem) return usage(epochProblem);
  const limit = maxBytes(values);
  // The PDF engine's version check, said once here even when the PDF is set in the worker.
  if (formats.includes('pdf') || formats.includes('summary')) checkEngine();
  const todo = sourceDir === undefined ? undefined : await plan({ sourceDir, out: values.out, template: values.template, formats });
  const interactive = launch.interactive ?? !!process.stderr.isTTY;
  const thread = launch.pdfWorker && { worker: launch.pdfWorker, fontPort: launch.fontPort };
  const options = { out: values.out, formats, template: values.template, maxBytes: limit, strictGlyphs: values['strict-glyphs'], quiet: values.quiet, interactive, report };
  const session = await BuildSession.open(options, thread, todo ? todo.build.length > 0 : true);
  try {
    const result = todo ? await session.sync(sourceDir!, todo) : await session.build(sources);
    // For `make bench`: stage timings and peak memory, measured inside the process.
    if (process.env.REPORTPRESS_STATS) {
      console.error('REPORTPRESS_STATS ' + JSON.stringify({ sources: result.stats, maxRssKb: process.resourceUsage().maxRSS, uptimeMs: process.uptime() * 1000, worker: session.threaded }));
    }
    return result.failed ? 1 : 0;
  } finally {
    await session.close();
  }
}

/**
 * Two sources whose publications would land in the same folder (names differing only in case
 * count: not every file system tells them apart).
 */
function sameOutput(sources: string[]): [string, string, string] | undefined {
  const seen = new Map<string, string>();
  for (const source of sources) {
    const name = basename(source, extname(source));
    const first = seen.get(name.toLowerCase());
    if (first !== undefined && first !== source) return [first, source, name];
    seen.set(name.toLowerCase(), source);
  }
  return undefined;
}

/** A path for a message, with control characters (a newline in a name) made visible. */
function shown(path: string): string {
  return /[\u0000-\u001f\u007f]/.test(path) ? JSON.stringify(path) : path;
}

async function ast(sources: string[], values: Options): Promise<number> {
  if (sources.length !== 1) return usage('ast takes exactly one source file');
  const source = sources[0]!;
  const bytes = await readSource(source);
  const { publication, input } = publishDetailed(bytes, source, { maxBytes: maxBytes(values), ...readSidecar(source) });
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
