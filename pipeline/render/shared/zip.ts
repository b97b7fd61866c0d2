/**
 * A minimal, deterministic zip writer (PKWARE APPNOTE 6.3: local headers, central directory,
 * end record; deflate or store; no data descriptors, no zip64, no extra fields), on Node's
 * native zlib.
 *
 * Why not fflate's zipSync: it is pure JavaScript, and its deflate spends 50-250 ms being
 * compiled on the first call of a process, which is most of a one-shot build's DOCX time;
 * zlib's native deflate takes ~10 ms for the same parts. The bytes depend only on the entries,
 * their order, the timestamp and the zlib that Node bundles. Used by the DOCX and EPUB writers.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** Stored uncompressed whatever deflate would gain (an EPUB's mimetype must be). */
  store?: boolean;
}

/** DOS date and time fields of an instant, from its UTC fields (no time-zone dependence). */
function dosTime(date: Date): { time: number; date: number } {
  const d = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export function zip(entries: ZipEntry[], mtime: Date, level = 6): Uint8Array {
  const stamp = dosTime(mtime);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const deflated = entry.store ? undefined : deflateRawSync(entry.data, { level });
    const stored = !deflated || deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const crc = crc32(entry.data);
    // Fields shared by the local header and the central directory record, from "version needed".
    const common = (view: DataView, at: number) => {
      view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
      view.setUint16(at + 2, 0x0800, true); // UTF-8 names
      view.setUint16(at + 4, stored ? 0 : 8, true);
      view.setUint16(at + 6, stamp.time, true);
      view.setUint16(at + 8, stamp.date, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, body.length, true);
      view.setUint32(at + 18, entry.data.length, true);
      view.setUint16(at + 22, name.length, true);
      view.setUint16(at + 24, 0, true); // extra field length
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    common(lv, 4);
    local.set(name, 30);
    chunks.push(local, body);

    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // version made by: 2.0, MS-DOS attributes
    common(cv, 6);
    // comment length, disk number, internal and external attributes: all 0
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    central.push(record);
    offset += local.length + body.length;
  }
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, end]);
}
