/** Escaping for the package documents this writer builds as strings. */
import { xmlSafe } from '../html/xml-chars.js';

export function esc(value: string): string {
  return xmlSafe(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** CCYY-MM-DDThh:mm:ssZ, the only form dcterms:modified accepts. */
export function w3cInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
