/**
 * Shared by the DOCX tests: render a publication with a template, open the package, and read
 * its XML parts the way a client does (fflate + @xmldom/xmldom).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import type { Root } from 'mdast';
import { template } from '../../helpers.js';
import type { Template } from '../../../pipeline/templates/index.js';
import { publicationDate } from '../../../pipeline/render/shared/dates.js';
import { write } from '../../../pipeline/render/docx/index.js';
import type { Publication } from '../../../pipeline/model.js';
import { emptyFigures } from '../../../pipeline/model.js';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export { template };

export interface Rendered {
  bytes: Uint8Array;
  parts: Record<string, Uint8Array>;
  warnings: string[];
  xml(path: string): XmlDocument;
  text(path: string): string;
}

export async function render(pub: Publication, templateName = 'default', date?: Date): Promise<Rendered> {
  const warnings: string[] = [];
  const [file] = await write(pub, { template: template(templateName), date: date ?? publicationDate(pub.meta, {}), warn: (m) => warnings.push(m) });
  const bytes = file!.data as Uint8Array;
  const parts = unzipSync(bytes);
  const cache = new Map<string, XmlDocument>();
  return {
    bytes,
    parts,
    warnings,
    text: (path) => strFromU8(parts[path]!),
    xml(path) {
      let doc = cache.get(path);
      if (!doc) {
        if (!parts[path]) throw new Error(`no ${path} in the package`);
        doc = new DOMParser().parseFromString(strFromU8(parts[path]!), 'text/xml');
        cache.set(path, doc);
      }
      return doc;
    },
  };
}

/** A publication from a hand-made tree. */
export function synthetic(children: Root['children'], meta: Publication['meta'] = { title: '测试报告' }): Publication {
  return { name: 'synthetic', path: 'synthetic.md', tree: { type: 'root', children }, meta, figures: emptyFigures(), diagnostics: [] };
}

export function elements(node: XmlDocument | Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name)) as Element[];
}

export const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

/** The first child element named `name` (w: namespace). */
export function child(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W) return n as Element;
  return undefined;
}

/** The w:style element of a style id. */
export function style(doc: XmlDocument, id: string): Element | undefined {
  return elements(doc, 'style').find((s) => attr(s, 'styleId') === id);
}

/** Paragraph style id of a w:p. */
export const pStyle = (p: Element): string | null => attr(child(child(p, 'pPr'), 'pStyle'), 'val');

/** The text of a paragraph: its w:t, w:tab as a tab, w:br as a line break; field instructions left out. */
export function paragraphText(p: Element): string {
  let out = '';
  const visit = (node: Element) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.namespaceURI === W && el.localName === 't') out += el.textContent ?? '';
      else if (el.namespaceURI === W && el.localName === 'tab' && (el.parentNode as Element)?.localName === 'r') out += '\t';
      else if (el.namespaceURI === W && el.localName === 'br') out += '\n';
      else if (!(el.namespaceURI === W && (el.localName === 'instrText' || el.localName === 'pPr' || el.localName === 'rPr'))) visit(el);
    }
  };
  visit(p);
  return out;
}

/** Body paragraphs (w:p anywhere in w:body, tables and the TOC included) in document order. */
export function paragraphs(doc: XmlDocument): Element[] {
  return elements(doc, 'p');
}
