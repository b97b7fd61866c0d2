/**
 * Bytes -> text. Chinese government sites still serve GBK/GB18030 next to UTF-8, so the
 * encoding is detected rather than assumed: a BOM wins, then strict UTF-8, then strict
 * GB18030 (a superset of GBK and GB2312). Anything that is neither, or that is not text at
 * all, is refused with a message naming the file.
 */
import { ReportError } from '../errors.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export interface DecodeOptions {
  maxBytes?: number;
}

export function decode(bytes: Uint8Array, file: string, options: DecodeOptions = {}): Decoded {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) {
    throw new ReportError({ file }, `file is ${megabytes(bytes.length)}, over the ${megabytes(max)} limit (raise it with --max-size)`);
  }
  if (bytes.length === 0) throw new ReportError({ file }, 'file is empty');

  const decoded = decodeText(bytes, file);
  if (decoded.text.trim() === '') throw new ReportError({ file }, 'file holds only whitespace');
  return decoded;
}

function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strict(bytes.subarray(3), 'utf-8', file);
  if (startsWith(bytes, [0xff, 0xfe])) return strict(bytes.subarray(2), 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return strict(bytes.subarray(2), 'utf-16be', file);

  // A NUL byte never occurs in UTF-8 or GB18030 text; it is the surest sign of a binary file,
  // unless the file is UTF-16 saved without a byte-order mark (see utf16WithoutBom).
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return checked({ text: utf16.text, encoding: utf16.encoding }, file);
    throw new ReportError({ file }, 'file is binary, not text');
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return checked({ text: utf8, encoding: 'utf-8' }, file);
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined) return checked({ text: gb, encoding: 'gb18030' }, file);
  throw new ReportError({ file }, 'text is neither UTF-8 nor GB18030/GBK and cannot be decoded');
}

/**
 * UTF-16 without a byte-order mark, as some Windows editors save it. Its line ends and ASCII
 * put a NUL in every other byte (CJK text has few). Both byte orders are tried; the one that
 * decodes strictly to more readable text wins, and checked() still refuses binary data that
 * happens to fit.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let best: { text: string; encoding: 'utf-16le' | 'utf-16be'; share: number } | undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = tryDecode(bytes, encoding);
    if (text === undefined) continue;
    const { plausible, total, controls } = readable(text);
    const share = plausible / Math.max(1, total);
    if (controls / Math.max(1, total) <= 0.01 && (!best || share > best.share)) best = { text, encoding, share };
  }
  // Not text in either order: binary, as the NUL bytes suggested.
  return best && best.share >= 0.9 ? best : undefined;
}

function strict(bytes: Uint8Array, encoding: Decoded['encoding'], file: string): Decoded {
  const text = tryDecode(bytes, encoding);
  if (text === undefined) throw new ReportError({ file }, `file starts with a ${encoding} byte-order mark but is not valid ${encoding}`);
  return checked({ text, encoding }, file);
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * GB18030 maps almost every byte sequence to some character, so a successful decode proves
 * little. Real report text is mostly common Han characters, CJK punctuation and ASCII; a
 * decode dominated by anything else (control characters, rare blocks) is not text.
 */
function checked(decoded: Decoded, file: string): Decoded {
  const { plausible, total, controls } = readable(decoded.text);
  if (total > 0 && (controls / total > 0.01 || plausible / total < 0.9)) {
    throw new ReportError({ file }, `file does not look like text (decoded as ${decoded.encoding}, ${Math.round((100 * plausible) / total)}% readable characters)`);
  }
  return decoded;
}

/** Characters that are common in report text, control characters, and all characters. */
function readable(text: string): { plausible: number; total: number; controls: number } {
  let plausible = 0;
  let total = 0;
  let controls = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls++;
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || c === 0xa0 || c === 0xb7 || (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f) || (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0x00c0 && c <= 0x024f) ||
      (c >= 0x0370 && c <= 0x03ff) || (c >= 0x2100 && c <= 0x23ff) || (c >= 0x25a0 && c <= 0x27bf)
    ) plausible++;
  }
  return { plausible, total, controls };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
}
