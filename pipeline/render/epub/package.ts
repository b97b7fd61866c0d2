/**
 * The package document (OPF): metadata, manifest and spine. Built as a string here rather
 * than through a template: it is packaging, not layout, and every value in it is escaped.
 */
import type { Meta } from '../../model.js';
import type { XhtmlBook } from '../html/book.js';
import { esc, w3cInstant } from './xml.js';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface PackageInput {
  uuid: string;
  title: string;
  meta: Meta;
  modified: Date;
  book: XhtmlBook;
  /** Everything besides the XHTML documents (stylesheet, NCX, fonts, licences). */
  resources: ManifestItem[];
  summary: string;
}

export function packageDocument(input: PackageInput): string {
  const { meta, book } = input;
  const creator = meta.speaker?.name || meta.issuer;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="zh-CN" dir="ltr">',
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:identifier id="uid">urn:uuid:${input.uuid}</dc:identifier>`,
    `<dc:title id="title">${esc(input.title)}</dc:title>`,
    '<dc:language>zh-CN</dc:language>',
    ...(creator ? [`<dc:creator id="creator">${esc(creator)}</dc:creator>`, '<meta refines="#creator" property="role" scheme="marc:relators">aut</meta>'] : []),
    ...(meta.issuer ? [`<dc:publisher>${esc(meta.issuer)}</dc:publisher>`] : []),
    ...(meta.date ? [`<dc:date>${esc(meta.date)}</dc:date>`] : []),
    ...(meta.subtitle ? [`<dc:description>${esc(meta.subtitle)}</dc:description>`] : []),
    ...(meta.url ? [`<dc:source>${esc(meta.url)}</dc:source>`] : []),
    `<meta property="dcterms:modified">${w3cInstant(input.modified)}</meta>`,
    // Accessibility (EPUB Accessibility 1.1, schema.org properties).
    '<meta property="schema:accessMode">textual</meta>',
    '<meta property="schema:accessModeSufficient">textual</meta>',
    ...['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'].map((f) => `<meta property="schema:accessibilityFeature">${f}</meta>`),
    '<meta property="schema:accessibilityHazard">none</meta>',
    `<meta property="schema:accessibilitySummary">${esc(input.summary)}</meta>`,
    '</metadata>',
    '<manifest>',
    ...book.documents.map((d) => item({ id: d.id, href: d.href, mediaType: 'application/xhtml+xml', ...(d.role === 'nav' ? { properties: 'nav' } : {}) })),
    ...input.resources.map(item),
    '</manifest>',
    `<spine${input.resources.some((r) => r.id === 'ncx') ? ' toc="ncx"' : ''} page-progression-direction="ltr">`,
    ...book.documents.filter((d) => d.inSpine).map((d) => `<itemref idref="${esc(d.id)}"/>`),
    '</spine>',
    '</package>',
    '',
  ];
  return lines.join('\n');
}

function item(i: ManifestItem): string {
  return `<item id="${esc(i.id)}" href="${esc(i.href)}" media-type="${i.mediaType}"${i.properties ? ` properties="${i.properties}"` : ''}/>`;
}
