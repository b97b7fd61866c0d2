/**
 * Source bytes -> Publication: read, parse, normalise. Pure (no I/O), so it can be tested on
 * strings and run on several sources at once.
 */
import { basename, extname } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { read, type ReadResult } from './read/index.js';
import type { DecodeOptions } from './read/decode.js';
import { parseSidecar } from './read/sidecar.js';
import { parseMarkdown, parseText } from './parse/index.js';
import { reportPreset } from './normalise/index.js';
import { emptyFigures, type Publication } from './model.js';
import { makeSafe } from './safe/index.js';

const normaliser = unified().use(reportPreset);

export interface PublishOptions extends DecodeOptions {
  /** The source's sidecar (`<name>.yaml`), read by the caller: the user's corrections. */
  sidecar?: { path: string; text: string };
}

export function publish(bytes: Uint8Array, path: string, options: PublishOptions = {}): Publication {
  return publishDetailed(bytes, path, options).publication;
}

/** The publication and what the read stage saw on the way (for `ast --lines`). */
export function publishDetailed(bytes: Uint8Array, path: string, options: PublishOptions = {}): { publication: Publication; input: ReadResult } {
  const markdown = /\.(md|markdown)$/i.test(path);
  const sidecar = options.sidecar ? parseSidecar(options.sidecar.text, options.sidecar.path, 1, !markdown) : undefined;
  const input = read(bytes, path, { ...options, ...(sidecar ? { keep: sidecar.keep, remove: sidecar.remove } : {}), page: !markdown });
  const file = new VFile({ path });
  if (sidecar) file.data.overrides = sidecar.meta;
  for (const removal of input.removed) {
    const place = { start: { line: removal.from, column: 1 }, end: { line: removal.to, column: 1 } };
    // A second copy is worth a warning: the user may want the other one (a sidecar can say so).
    if (removal.reason === 'second copy of the report') file.message(`removed a second copy of the report (lines ${removal.from}-${removal.to})`, { place, ruleId: 'second-copy', source: 'reportpress' });
    else file.info(`removed page chrome (${removal.reason})`, { place, ruleId: 'page', source: 'reportpress' });
  }
  const parsed: Root = markdown ? parseMarkdown(input, file) : parseText(input, file);
  makeSafe(parsed, file);
  const tree = normaliser.runSync(parsed, file) as Root;
  const publication: Publication = {
    name: basename(path, extname(path)),
    path,
    tree,
    meta: file.data.meta ?? {},
    figures: file.data.figures ?? emptyFigures(),
    diagnostics: file.messages,
  };
  return { publication, input };
}
