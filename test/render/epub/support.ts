/** Reading an EPUB back: its entries in order, and the raw zip headers where order matters. */
import { unzipSync } from 'fflate';

export interface ZipEntryHeader {
  name: string;
  method: number;
  extraLength: number;
}

/** Local file headers in file order (what a reader sniffing the first bytes sees). */
export function localHeaders(zip: Uint8Array): ZipEntryHeader[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: ZipEntryHeader[] = [];
  let at = 0;
  while (at + 30 <= zip.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    out.push({ name, method, extraLength });
    at += 30 + nameLength + extraLength + compressed;
  }
  return out;
}

export function unzip(zip: Uint8Array): Map<string, string> {
  const files = unzipSync(zip);
  return new Map(Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]));
}
