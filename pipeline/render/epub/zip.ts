/**
 * The EPUB's zip container, byte for byte the same for the same entries: entries in the order
 * given, one fixed timestamp, no extra fields. `mimetype` must come first and be stored
 * uncompressed (OCF 3), so a reader can recognise the file from its first bytes.
 */
import { zipSync, type Zippable } from 'fflate';

export interface Entry {
  path: string;
  data: Uint8Array | string;
}

const encoder = new TextEncoder();

export function zip(entries: Entry[], date: Date): Uint8Array {
  const mtime = dosTime(date);
  const files: Zippable = {};
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    files[entry.path] = [data, { level: entry.path === 'mimetype' ? 0 : 6, mtime, os: 0, attrs: 0 }];
  }
  return zipSync(files);
}

/**
 * Zip stores local wall-clock fields and fflate reads them with the local getters, so the
 * instant is rebuilt from its UTC fields in local time: the entry shows the publication's UTC
 * date and time whatever the build machine's time zone. Where that local time does not exist
 * (a daylight-saving gap), noon of the same day is used.
 */
function dosTime(date: Date): Date {
  const y = Math.min(Math.max(date.getUTCFullYear(), 1980), 2099);
  const fields = [y, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()] as const;
  const local = new Date(...fields);
  const same = local.getFullYear() === y && local.getMonth() === fields[1] && local.getDate() === fields[2] && local.getHours() === fields[3] && local.getMinutes() === fields[4];
  return same ? local : new Date(y, fields[1], fields[2], 12, 0, 0);
}
