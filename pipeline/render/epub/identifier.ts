/**
 * The EPUB's dc:identifier: a name-based UUID (RFC 9562 version 5, SHA-1) of the report's
 * metadata and text. The same report always gets the same identifier, so a reading system
 * sees a rebuilt EPUB as the same book; another report, or a changed text, gets another.
 */
import { createHash } from 'node:crypto';

/** The RFC 9562 URL namespace, with this project's name under it as our own namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const NAMESPACE = uuidV5(URL_NAMESPACE, 'https://reportpress/epub/identifier');

export function contentUuid(parts: string[]): string {
  return uuidV5(NAMESPACE, parts.join('\u0000'));
}

export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
