/**
 * The read stage: bytes -> the report found in the page, as blocks of text, plus its front
 * lines and what the web page said about itself. Pure: the caller does the file I/O.
 */
import type { Meta } from '../model.js';
import { decode, type DecodeOptions, type Decoded } from './decode.js';
import { splitLines } from './lines.js';
import { locate, type Front, type LocateOptions, type Removal } from './locate.js';
import { toBlocks, type Block } from './blocks.js';

export type { Block } from './blocks.js';
export type { Line } from './lines.js';
export type { Front, Removal, RemovalReason } from './locate.js';
export { DEFAULT_MAX_BYTES } from './decode.js';

export interface ReadOptions extends DecodeOptions, LocateOptions {
  /** False for a Markdown source: it is the report itself, not a page around it. */
  page?: boolean;
}

export interface ReadResult {
  encoding: Decoded['encoding'];
  /**
   * The decoded text with every line end splitLines knows (CRLF, CR, U+2028/2029) made LF, so
   * that line numbers in `removed`, in blocks and in the Markdown parser's positions agree.
   */
  text: string;
  blocks: Block[];
  /** The report's front lines (title, meeting, speaker) and what they say. */
  front: Front;
  pageMeta: Meta;
  /** Source line ranges dropped as the web page around the report, with the reason. */
  removed: Removal[];
}

export function read(bytes: Uint8Array, file: string, options: ReadOptions = {}): ReadResult {
  const { text, encoding } = decode(bytes, file, options);
  const lines = splitLines(text);
  const { body, front, pageMeta, removed } = options.page === false ? { body: lines, front: { meta: {}, lines: [] }, pageMeta: {}, removed: [] } : locate(lines, options);
  return {
    encoding,
    text: text.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(/^\ufeff/, ''),
    blocks: toBlocks(body),
    front,
    pageMeta,
    removed,
  };
}
