/**
 * Font files as the PDF engine wants them: TrueType/OpenType bytes, read once per process.
 *
 * A WOFF file (the form some open CJK fonts are published in on npm, e.g. LXGW WenKai) is a
 * TrueType font whose tables are zlib-compressed one by one. pdfkit can read it, but then
 * decompresses tables again and again while laying out; turning it back into plain TrueType
 * once, here, makes it as fast as any .ttf and lets pdfkit embed a subset as usual.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../paths.js';

const cache = new Map<string, Buffer>();
/** Converted fonts are kept here between runs (converting a 10 MB WOFF takes a quarter second). */
const DISK_CACHE = join(PACKAGE_ROOT, 'node_modules/.cache/reportpress/fonts');

export function fontData(path: string): Buffer {
  let data = cache.get(path);
  if (!data) {
    const raw = readFileSync(path);
    data = raw.subarray(0, 4).toString('latin1') === 'wOFF' ? convertedWoff(raw, path) : raw;
    cache.set(path, data);
  }
  return data;
}

function convertedWoff(raw: Buffer, path: string): Buffer {
  const key = createHash('sha256').update(raw).digest('hex').slice(0, 24);
  const file = join(DISK_CACHE, `${key}.ttf`);
  try {
    if (statSync(file).isFile()) return readFileSync(file);
  } catch {
    // not cached yet
  }
  const sfnt = woffToSfnt(raw, path);
  try {
    mkdirSync(DISK_CACHE, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, sfnt);
    renameSync(temp, file);
  } catch {
    // A read-only install still works, only slower.
  }
  return sfnt;
}

/** WOFF 1.0 (W3C) -> the sfnt it wraps. */
export function woffToSfnt(woff: Buffer, path = 'font'): Buffer {
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const tag = woff.readUInt32BE(entry);
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const checksum = woff.readUInt32BE(entry + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`${path}: damaged WOFF table ${tag.toString(16)}`);
    tables.push({ tag, checksum, data });
  }
  // sfnt tables must be sorted by tag and 4-byte aligned.
  tables.sort((a, b) => a.tag - b.tag);
  const power = 2 ** Math.floor(Math.log2(numTables));
  const headerSize = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let at = headerSize;
  tables.forEach((t, i) => {
    const record = 12 + i * 16;
    out.writeUInt32BE(t.tag, record);
    out.writeUInt32BE(t.checksum, record + 4);
    out.writeUInt32BE(at, record + 8);
    out.writeUInt32BE(t.data.length, record + 12);
    t.data.copy(out, at);
    at += (t.data.length + 3) & ~3;
  });
  return out;
}
