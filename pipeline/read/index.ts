/**
 * The read stage: bytes -> cleaned blocks of text, plus what the web page said about itself.
 * Pure: the caller does the file I/O.
 */
import type { Meta } from '../model.js';
import { decode, type DecodeOptions, type Decoded } from './decode.js';
import { splitLines } from './lines.js';
import { removeCruft } from './cruft.js';
import { toBlocks, type Block } from './blocks.js';

export type { Block } from './blocks.js';
export type { Line } from './lines.js';
export { DEFAULT_MAX_BYTES } from './decode.js';

export interface ReadResult {
  encoding: Decoded['encoding'];
  /**
   * The decoded text with every line end splitLines knows (CRLF, CR, U+2028/2029) made LF, so
   * that line numbers in `removed`, in blocks and in the Markdown parser's positions agree.
   */
  text: string;
  blocks: Block[];
  pageMeta: Meta;
  /** Source lines dropped as web-page chrome. */
  removed: number[];
}

export function read(bytes: Uint8Array, file: string, options: DecodeOptions = {}): ReadResult {
  const { text, encoding } = decode(bytes, file, options);
  const lines = splitLines(text);
  const { lines: kept, pageMeta, removed } = removeCruft(lines);
  return {
    encoding,
    text: text.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(/^\ufeff/, ''),
    blocks: toBlocks(kept),
    pageMeta,
    removed,
  };
}
