/**
 * Source bytes -> Publication: read, parse, normalise. Pure (no I/O), so it can be tested on
 * strings and run on several sources at once.
 */
import { basename, extname } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { read } from './read/index.js';
import type { DecodeOptions } from './read/decode.js';
import { parseMarkdown, parseText } from './parse/index.js';
import { reportPreset } from './normalise/index.js';
import { emptyFigures, type Publication } from './model.js';
import { makeSafe } from './safe/index.js';

const normaliser = unified().use(reportPreset);

export interface PublishOptions extends DecodeOptions {}

export function publish(bytes: Uint8Array, path: string, options: PublishOptions = {}): Publication {
  const input = read(bytes, path, options);
  const file = new VFile({ path });
  const markdown = /\.(md|markdown)$/i.test(path);
  const parsed: Root = markdown ? parseMarkdown(input, file) : parseText(input, file);
  makeSafe(parsed, file);
  const tree = normaliser.runSync(parsed, file) as Root;
  return {
    name: basename(path, extname(path)),
    path,
    tree,
    meta: file.data.meta ?? {},
    figures: file.data.figures ?? emptyFigures(),
    diagnostics: file.messages,
  };
}
