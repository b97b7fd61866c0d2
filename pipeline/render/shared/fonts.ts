/**
 * Font files as the PDF engine wants them: TrueType/OpenType bytes, read once per process.
 *
 * A WOFF file (the form some open CJK fonts are published in on npm, e.g. LXGW WenKai) is a
 * TrueType font whose tables are zlib-compressed one by one. pdfkit can read it, but then
 * decompresses tables again and again while laying out; turning it back into plain TrueType
 * once, here, makes it as fast as any .ttf and lets pdfkit embed a subset as usual.
 *
 * Our own measuring needs only a face's small tables (fontTables); pdfkit needs the whole
 * file, which the PDF writer reads in the background meanwhile (prefetchFont, fontsRead).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, read as fsRead, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { inflateSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../paths.js';

/** Whole files, as pdfkit needs them. */
const whole = new Map<string, Buffer>();
/** Files being read in the background. */
const reading = new Map<string, Promise<void>>();
/** Files with every table but the outlines (see fontTables). */
const tables = new Map<string, Buffer>();
/** Converted fonts are kept here between runs (converting a 10 MB WOFF takes a quarter second). */
const DISK_CACHE = join(PACKAGE_ROOT, 'node_modules/.cache/reportpress/fonts');

/** The whole font, as TrueType: read once per process (and shared between its threads). */
export function fontData(path: string): Buffer {
  arrived();
  let data = whole.get(path);
  if (!data) {
    const sfnt = sfntFile(path);
    data = sfnt ? readFileSync(sfnt) : convertedWoff(path);
    keep(path, data);
  }
  return whole.get(path)!;
}

/*
 * A build renders the PDF in a worker thread and the summary here, from the same font files
 * (tens of megabytes). The worker's copies are shared with this thread rather than read
 * again: it keeps them in shared memory and posts them on a channel, which this thread
 * drains, without waiting, whenever it needs a font.
 */
let sendTo: MessagePort | undefined;
let takeFrom: MessagePort | undefined;

/** Whole font files this thread reads go to the thread at the other end of `port`, without copying. */
export function shareFontsTo(port: MessagePort): void {
  sendTo = port;
}

/** Whole font files another thread posts on `port` are used instead of reading them again. */
export function takeFontsFrom(port: MessagePort): void {
  takeFrom = port;
}

/** A buffer for a whole file: in shared memory when it will be shared. */
function allocate(size: number): Buffer {
  return sendTo ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
}

function keep(path: string, data: Buffer): void {
  if (sendTo && !(data.buffer instanceof SharedArrayBuffer)) {
    const copy = allocate(data.length);
    data.copy(copy);
    data = copy;
  }
  whole.set(path, data);
  sendTo?.postMessage({ path, data: data.buffer });
}

function arrived(): void {
  if (!takeFrom) return;
  for (let m = receiveMessageOnPort(takeFrom); m; m = receiveMessageOnPort(takeFrom)) {
    const { path, data } = m.message as { path: string; data: SharedArrayBuffer };
    if (!whole.has(path)) whole.set(path, Buffer.from(data));
  }
}

/**
 * Starts reading a font file in the background (in libuv's thread pool, beside the main
 * thread): a CJK face is 10 to 16 MB, a few milliseconds each to read, and the PDF writer
 * has its own line breaking to do before pdfkit needs the files. `fontsRead` waits for them.
 * A file that fails to read here is read again when needed, and fails there with its error.
 */
export function prefetchFont(path: string): void {
  arrived();
  if (whole.has(path) || reading.has(path)) return;
  let fd: number;
  let size: number;
  try {
    const sfnt = sfntFile(path);
    if (!sfnt) return;
    // Opened here, so the read itself is the one operation left to the thread pool: the main
    // thread is busy until the document is set, and could not start another step before.
    fd = openSync(sfnt, 'r');
    size = fstatSync(fd).size;
  } catch {
    return;
  }
  const data = allocate(size);
  const read = new Promise<void>((done) => {
    const from = (at: number): void =>
      fsRead(fd, data, at, size - at, at, (error, n) => {
        if (!error && n > 0 && at + n < size) return from(at + n);
        closeSync(fd);
        if (!error && at + n === size && !whole.has(path)) keep(path, data);
        done();
      });
    from(0);
  });
  reading.set(path, read);
}

/** Resolves when every background read has finished. */
export async function fontsRead(): Promise<void> {
  const pending = [...reading.values()];
  reading.clear();
  await Promise.all(pending);
}

/**
 * The font with every table but its outlines (glyf), for reading metrics and shaping tables:
 * a few hundred kilobytes read instead of the whole file, at the same offsets (the buffer
 * has the file's length; the outlines' pages are never touched, so they take no memory).
 * The whole file when it has already been read.
 */
export function fontTables(path: string): Buffer {
  arrived();
  let data = whole.get(path) ?? tables.get(path);
  if (!data) {
    const sfnt = sfntFile(path);
    data = sfnt ? readTables(sfnt) : fontData(path);
    tables.set(path, data);
  }
  return data;
}

/**
 * The TrueType/OpenType file to read for `path`: the file itself, or for a WOFF its converted
 * copy in the disk cache; undefined when that copy does not exist yet. A WOFF's copy is found
 * by the file's path, size and modification time, so a cached face is used without reading
 * (or hashing) the WOFF itself.
 */
function sfntFile(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    readSync(fd, magic, 0, 4, 0);
    if (magic.toString('latin1') !== 'wOFF') return path;
    const { size, mtimeMs } = fstatSync(fd);
    const file = cachedCopy(path, size, mtimeMs);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not converted yet
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function cachedCopy(path: string, size: number, mtimeMs: number): string {
  const key = createHash('sha256').update(`${resolve(path)}\0${size}\0${Math.trunc(mtimeMs)}`).digest('hex').slice(0, 24);
  return join(DISK_CACHE, `${key}.ttf`);
}

function convertedWoff(path: string): Buffer {
  const raw = readFileSync(path);
  const { size, mtimeMs } = statSync(path);
  const file = cachedCopy(path, size, mtimeMs);
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

/** Every table of a font file but glyf, at its offset in a buffer of the file's length. */
function readTables(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const data = Buffer.alloc(size);
    const read = (offset: number, length: number) => {
      const end = Math.min(offset + length, size);
      for (let at = offset; at < end; ) {
        const n = readSync(fd, data, at, end - at, at);
        if (n <= 0) break;
        at += n;
      }
    };
    read(0, 12);
    // A collection (ttcf) or anything else unexpected: read it all.
    const version = data.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) {
      read(12, size - 12);
      return data;
    }
    const count = data.readUInt16BE(4);
    read(12, 16 * count);
    for (let i = 0; i < count; i++) {
      const record = 12 + 16 * i;
      if (data.toString('latin1', record, record + 4) === 'glyf') continue;
      read(data.readUInt32BE(record + 8), data.readUInt32BE(record + 12));
    }
    return data;
  } finally {
    closeSync(fd);
  }
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
