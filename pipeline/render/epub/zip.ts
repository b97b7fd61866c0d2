/**
 * The EPUB's zip container (OCF 3): `mimetype` first and stored uncompressed, so a reader can
 * recognise the file from its first bytes; every other entry deflated. Byte for byte the same
 * for the same entries (shared/zip.ts: entries in the order given, one fixed timestamp, no
 * extra fields).
 */
import { zip as zipEntries } from '../shared/zip.js';

export interface Entry {
  path: string;
  data: Uint8Array | string;
}

export function zip(entries: Entry[], date: Date): Uint8Array {
  return zipEntries(
    entries.map((entry) => ({
      path: entry.path,
      data: typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data,
      store: entry.path === 'mimetype',
    })),
    date,
  );
}
