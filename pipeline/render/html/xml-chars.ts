/**
 * XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and lone surrogates, even as character
 * references, and a scraped page can carry any of them: one such character makes a whole
 * XHTML file unreadable for an EPUB reader. They become U+FFFD (the replacement character).
 */
const SOURCE = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const ANY = new RegExp(SOURCE);
const ALL = new RegExp(SOURCE, 'g');

export function hasNonXml(value: string): boolean {
  return ANY.test(value);
}

export function countNonXml(value: string): number {
  return value.match(ALL)?.length ?? 0;
}

export function xmlSafe(value: string): string {
  return ANY.test(value) ? value.replace(ALL, '\uFFFD') : value;
}

/** The same for every string inside a plain object (metadata). */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  return value;
}
