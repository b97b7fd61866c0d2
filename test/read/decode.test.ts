import { describe, expect, it } from 'vitest';
import { decode } from '../../pipeline/read/decode.js';
import { ReportError } from '../../pipeline/errors.js';
import { gb18030 } from '../helpers.js';

const text = '各位代表：\n现在，我代表人民政府，向大会报告工作。地区生产总值3070.56亿元。\n';
const utf8 = new TextEncoder().encode(text);
function refused(bytes: Uint8Array, pattern: RegExp, options = {}) {
  try {
    decode(bytes, 'in.txt', options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).format()).toMatch(/^in\.txt: error: /);
    expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('not refused');
}

describe('decode', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decode(utf8, 'in.txt')).toEqual({ text, encoding: 'utf-8' });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'in.txt')).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads GB18030/GBK when the bytes are not UTF-8', () => {
    const bytes = gb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decode(bytes, 'in.txt')).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(decode(le, 'in.txt').text).toBe(text);
  });

  it('refuses empty, whitespace-only, binary, undecodable and oversized input', () => {
    refused(new Uint8Array(), /empty/);
    refused(new TextEncoder().encode(' \n\u3000\t\n'), /whitespace/);
    refused(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), /binary/);
    refused(new Uint8Array(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f))), /decoded|not look like text/);
    refused(utf8, /limit/, { maxBytes: 10 });
  });
});

describe('UTF-16 without a byte-order mark (issue 17)', () => {
  const withOne = '一、总体要求\n各位代表：地区生产总值增长5%。\n';
  it('is decoded in either byte order, even with 一 (U+4E00, a NUL low byte)', () => {
    const le = new Uint8Array(Buffer.from(withOne, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(decode(le, 'in.txt')).toEqual({ text: withOne, encoding: 'utf-16le' });
    expect(decode(be, 'in.txt')).toEqual({ text: withOne, encoding: 'utf-16be' });
  });

  it('still calls binary data with NUL bytes binary', () => {
    const junk = new Uint8Array(4000);
    for (let i = 0; i < junk.length; i++) junk[i] = i % 3 === 0 ? 0 : (i * 7919) % 256;
    refused(junk, /binary/);
  });
});

describe('CJK Extension B and later (issue 17)', () => {
  it('counts as text: names such as 𠮷 are common', () => {
    const names = '𠮷𡈽𠀋𪚲𫝀'.repeat(20) + '\n各位代表。\n';
    expect(decode(new TextEncoder().encode(names), 'in.txt').text).toBe(names);
  });
});
