/**
 * Shared by the PDF tests: render a report with a template (cached per test file), and read
 * the PDF back with a real reader (pdfjs): pages, lines of text with their positions,
 * outline, destinations, annotations.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { publication, template } from '../../helpers.js';
import type { Template } from '../../../pipeline/templates/index.js';
import { write } from '../../../pipeline/render/pdf/index.js';
import { publicationDate } from '../../../pipeline/render/shared/dates.js';
import type { Publication } from '../../../pipeline/model.js';

export type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

export interface Rendered {
  bytes: Uint8Array;
  warnings: string[];
  publication: Publication;
}

export { template };

export async function renderPublication(pub: Publication, tpl: Template): Promise<Rendered> {
  const warnings: string[] = [];
  const [file] = await write(pub, { template: tpl, date: publicationDate(pub.meta, {}), warn: (m) => warnings.push(m) });
  return { bytes: file!.data as Uint8Array, warnings, publication: pub };
}

const cache = new Map<string, Promise<Rendered>>();
/** A fixture rendered with a template, once per test file. */
export function render(path: string, templateName = 'default'): Promise<Rendered> {
  const key = `${templateName}\0${path}`;
  let r = cache.get(key);
  if (!r) {
    r = renderPublication(publication(path), template(templateName));
    cache.set(key, r);
  }
  return r;
}

export async function open(bytes: Uint8Array): Promise<PdfDocument> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  return pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
}

export interface TextLine {
  text: string;
  /** Left and right ends and the baseline, in PDF points from the bottom left. */
  x: number;
  right: number;
  y: number;
  /** Font size. */
  size: number;
}

/** The lines of a page as a reader sees them: text items on one baseline, left to right. */
export async function pageLines(doc: PdfDocument, pageNumber: number): Promise<TextLine[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const byY = new Map<number, Array<{ str: string; x: number; w: number; size: number }>>();
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    const y = Math.round(item.transform[5]! * 10) / 10;
    const list = byY.get(y) ?? [];
    list.push({ str: item.str, x: item.transform[4]!, w: item.width, size: Math.abs(item.transform[3]!) });
    byY.set(y, list);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, items]) => {
      items.sort((a, b) => a.x - b.x);
      return {
        text: items.map((i) => i.str).join(''),
        x: items[0]!.x,
        right: Math.max(...items.map((i) => i.x + i.w)),
        y,
        size: Math.max(...items.map((i) => i.size)),
      };
    });
}

/** All text in content-stream order (the order pdftotext -raw reads; table cells one by one). */
export async function streamText(doc: PdfDocument): Promise<string> {
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  return parts.join('');
}

export async function allLines(doc: PdfDocument): Promise<TextLine[][]> {
  const pages: TextLine[][] = [];
  for (let p = 1; p <= doc.numPages; p++) pages.push(await pageLines(doc, p));
  return pages;
}

export interface OutlineEntry {
  title: string;
  depth: number;
  dest: unknown;
}

export async function outline(doc: PdfDocument): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = [];
  const visit = (items: Array<{ title: string; dest: unknown; items: any[] }> | null, depth: number) => {
    for (const item of items ?? []) {
      out.push({ title: item.title, depth, dest: item.dest });
      visit(item.items, depth + 1);
    }
  };
  visit((await doc.getOutline()) as any, 1);
  return out;
}

/** Page number (1-based) a named destination or explicit destination points to. */
export async function destinationPage(doc: PdfDocument, dest: unknown): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as any[]);
  if (!explicit) throw new Error(`no destination ${String(dest)}`);
  return (await doc.getPageIndex(explicit[0])) + 1;
}

export interface Glyph {
  char: string;
  /** Where the glyph's origin is drawn, in PDF points, and its font size. */
  x: number;
  y: number;
  size: number;
  /** The glyph's own advance in em (the font's width, before any adjustment). */
  advance: number;
  /** The embedded font's name (`ABCDEF+NotoSerifSC-Regular`). */
  font: string;
  /** The font has a glyph for it (false: drawn as .notdef, an empty box). */
  inFont: boolean;
}

/**
 * Every glyph of a page where a viewer draws it: pdfjs's operator list read as a PDF text
 * state (text matrix, font size, character spacing, TJ adjustments). Enough for what pdfkit
 * writes (no word spacing, horizontal scaling or rotated text).
 */
export async function glyphs(doc: PdfDocument, pageNumber: number): Promise<Glyph[]> {
  const page = await doc.getPage(pageNumber);
  const { fnArray, argsArray } = await page.getOperatorList();
  const OPS = pdfjs.OPS;
  const out: Glyph[] = [];
  let x = 0;
  let y = 0;
  let size = 0;
  let cs = 0;
  let font = '';
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as any[];
    switch (fnArray[i]) {
      case OPS.beginText:
        cs = 0;
        break;
      case OPS.setTextMatrix: {
        const m = args[0] as ArrayLike<number>;
        x = m[4]!;
        y = m[5]!;
        break;
      }
      case OPS.setFont:
        size = args[1] as number;
        font = (page.commonObjs.get(args[0] as string) as { name: string }).name;
        break;
      case OPS.setCharSpacing:
        cs = args[0] as number;
        break;
      case OPS.showText:
        for (const g of args[0] as Array<number | { unicode: string; width: number; isInFont: boolean }>) {
          if (typeof g === 'number') x -= (g / 1000) * size;
          else {
            out.push({ char: g.unicode, x, y, size, advance: g.width / 1000, font, inFont: g.isInFont });
            x += (g.width / 1000) * size + cs;
          }
        }
        break;
    }
  }
  return out;
}
