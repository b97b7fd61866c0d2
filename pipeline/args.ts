/**
 * The command line's options and how they are read: one table, one parser. The CLI uses it,
 * and so does bin/reportpress.js, which must know before the pipeline loads whether a build
 * wants the PDF worker thread; reading the arguments twice by hand once lost the worker for
 * `--formats all`. Small and free of the pipeline's packages, so bin/ loads it in a moment.
 */
import { parseArgs } from 'node:util';
import { FORMATS, type Format } from './render/index.js';

export interface Options {
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

export interface CommandLine {
  command: string | undefined;
  /** The words after the command (sources, folders). */
  args: string[];
  values: Options;
}

/** Throws a UsageError when the arguments are not ours. */
export function parseCommandLine(argv: string[]): CommandLine {
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
    throw new UsageError((error as Error).message);
  }
  const [command, ...args] = parsed.positionals;
  return { command, args, values: parsed.values };
}

/** `--formats` as a list: every format when absent or `all`; a UsageError names unknown ones. */
export function parseFormats(list: string | undefined): Format[] {
  if (!list || list.trim() === 'all') return [...FORMATS];
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(FORMATS as readonly string[]).includes(n));
  if (unknown.length) throw new UsageError(`unknown format ${unknown.map((u) => `"${u}"`).join(', ')} (formats: ${FORMATS.join(', ')})`);
  return [...new Set(names)] as Format[];
}

/** The commands that build publications (and so may render the PDF beside the other formats). */
export const BUILDING_COMMANDS = ['build', 'sync'];

/**
 * Whether a command line builds the PDF and at least one other format, which is when the PDF
 * is rendered in a worker thread (worker.ts). False for anything the parser rejects: the CLI
 * reports that.
 */
export function wantsPdfBeside(argv: string[]): boolean {
  try {
    const { command, values } = parseCommandLine(argv);
    if (!command || !BUILDING_COMMANDS.includes(command) || values.help || values.version) return false;
    const formats = parseFormats(values.formats);
    return formats.includes('pdf') && formats.length > 1;
  } catch {
    return false;
  }
}

export class UsageError extends Error {}
