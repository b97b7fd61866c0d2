/**
 * Shared by the html and epub tests: rendering a publication the way the build does, and
 * reading the XHTML back with a strict XML parser.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Publication } from '../../../pipeline/model.js';
import { publish } from '../../../pipeline/publish.js';
import { publicationDate } from '../../../pipeline/render/shared/dates.js';
import type { OutputFile, RenderContext, Writer } from '../../../pipeline/render/types.js';
import type { Template } from '../../../pipeline/templates/index.js';
import { template as shared } from '../../helpers.js';

export function template(name = 'default'): Template {
  return shared(name);
}

export interface Rendered {
  files: Map<string, Uint8Array | string>;
  warnings: string[];
}

export async function render(writer: Writer, publication: Publication, tpl: Template = template()): Promise<Rendered> {
  const warnings: string[] = [];
  const context: RenderContext = { template: tpl, date: publicationDate(publication.meta, {}), warn: (m) => warnings.push(m) };
  const out: OutputFile[] = await writer(publication, context);
  return { files: new Map(out.map((f) => [f.path, f.data])), warnings };
}

/** A fresh publication (not the cached one of test/helpers.ts): the writers memoise per object. */
export function freshPublication(path: string, text?: string): Publication {
  return publish(text === undefined ? readFileSync(path) : new TextEncoder().encode(text), path);
}

export function asText(data: Uint8Array | string | undefined): string {
  expect(data, 'file missing').toBeDefined();
  return typeof data === 'string' ? data : new TextDecoder().decode(data);
}

/**
 * Parses XML; any error or warning from the parser fails the test with the file's name, but
 * for xmldom's guess that U+FFFD means a decoding problem (the writer puts it there on purpose).
 */
export function parseXml(text: string, name: string): Document {
  const problems: string[] = [];
  const onError = (level: string, message: string) => {
    if (level === 'warning' && /replacement character/.test(message)) return;
    problems.push(`${level}: ${message}`);
  };
  const doc = new DOMParser({ onError }).parseFromString(text, 'application/xhtml+xml');
  expect(problems, `${name} is not well-formed XML`).toEqual([]);
  return doc;
}

export function elements(doc: Document | Element, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag)) as Element[];
}

/** Text as a reader gets it (the text nodes, in document order), without <head>. */
export function bodyText(doc: Document): string {
  const body = elements(doc, 'body')[0];
  return body ? (body.textContent ?? '') : '';
}
