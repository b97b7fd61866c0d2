/**
 * pdfmake, set up once per process for our use: fonts come from the layout (read once, WOFF
 * turned into TrueType, and handed to pdfmake from memory, so nothing is read by path at
 * render time), URL and local file access are refused (a build loads nothing remote), and
 * the document is stamped with our date rather than the wall clock.
 *
 * Two things make it faster without changing a byte it writes:
 *   - a face's file is read only when pdfmake first sets text in it (the official layout
 *     lists nine faces, some 130 MB, of which a document uses a few);
 *   - each font pdfkit opens gets the fast path around OpenType shaping (fast-fonts.ts) for
 *     text shaping cannot change.
 *
 * Shared by the PDF and summary writers.
 */
import type { Layout } from '../templates/index.js';
import { fontData, fontsRead } from '../render/shared/fonts.js';
import { fastFace, installFastPdfkitFont, readLocaFast, type PdfkitFont } from './fast-fonts.js';
import { installFastSubset, type TtfSubset } from './fast-subset.js';
import { halfWidths } from './half-width.js';
import { load } from './packages.js';
import { fastPathOn, hasMembers, took } from './status.js';

/* pdfmake 0.3 ships no types for its Node entry; this is the part we use. */
interface VirtualFs {
  existsSync(name: string): boolean;
  readFileSync(name: string, options?: unknown): Buffer;
  writeFileSync(name: string, data: Buffer | string, options?: unknown): void;
}
interface PdfMake {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object, options?: object): { getBuffer(): Promise<Buffer> };
}
/* pdfmake's subclass of the pdfkit document: the one place each font passes through. */
interface PdfMakeDocument {
  provideFont(family: string, bold: boolean, italics: boolean): (PdfkitFont & { subset?: TtfSubset }) | undefined;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
}

let instance: PdfMake | undefined;
/** pdfmake's own file system, where font files go when they are not read lazily. */
let files: VirtualFs | undefined;
/** Font files a layout named: pdfmake finds them in its file system, read on first use. */
const fontFiles = new Set<string>();
/** Font files written into pdfmake's own file system (the slow path of lazyFonts). */
const written = new Set<string>();
let lazy = false;

function pdfmake(): PdfMake {
  if (!instance) {
    instance = load<PdfMake>('pdfmake');
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy(() => false);
    files = instance.virtualfs;
    if (fastPathOn('lazyFonts') && hasMembers(files, "pdfmake's virtualfs", ['existsSync', 'readFileSync', 'writeFileSync'], 'lazyFonts')) {
      instance.virtualfs = lazyFonts(files);
      lazy = true;
    }
    hookFonts();
    // Before pdfkit opens its first face (it reads loca at once).
    readLocaFast();
  }
  return instance;
}

/** pdfmake's in-memory file system, with the layouts' font files read only when opened. */
function lazyFonts(files: VirtualFs): VirtualFs {
  const lazy = (name: string) => fastPathOn('lazyFonts') && fontFiles.has(name) && !written.has(name);
  return {
    existsSync: (name) => lazy(name) || files.existsSync(name),
    readFileSync: (name, options) => {
      if (!lazy(name)) return files.readFileSync(name, options);
      took('lazyFonts');
      return fontData(name);
    },
    writeFileSync: (name, data, options) => files.writeFileSync(name, data, options),
  };
}

/**
 * pdfmake creates the pdfkit document, and pdfkit the fontkit font of each face, inside
 * `createPdf`, with no hook of their own; pdfmake's `provideFont` is where each face is
 * opened, once per document. Wrapping it (once per process) lets us give each new font
 * object of one of our faces half-width punctuation and the fast paths; fonts not from a
 * layout are left alone.
 */
function hookFonts(): void {
  const proto = (load('pdfmake', 'js/PDFDocument') as { default: { prototype: PdfMakeDocument } }).default.prototype;
  if (!hasMembers(proto, "pdfmake's PDFDocument", ['provideFont', 'getFontFile'], 'half-width punctuation is left to the fonts and the shaping fast paths are off')) return;
  const provide = proto.provideFont;
  const seen = new WeakSet<object>();
  proto.provideFont = function (this: PdfMakeDocument, family, bold, italics) {
    const font = provide.call(this, family, bold, italics);
    // pdfmake asks for the font of every inline; the font object is new once per document.
    if (font && !seen.has(font)) {
      seen.add(font);
      const file = this.getFontFile(family, bold, italics);
      if (font.font && typeof file === 'string' && fontFiles.has(file)) {
        installFastPdfkitFont(font, fastFace(file));
        if (font.subset) installFastSubset(font.subset, fontData(file));
        halfWidths(font);
      }
    }
    return font;
  };
}

/** Font family name pdfmake knows a layout font by. */
export const familyOf = (key: string) => `f-${key}`;

/** Registers the layout's fonts (files read once per process, when first used) and returns pdfmake. */
export function pdfmakeFor(layout: Layout): PdfMake {
  const pm = pdfmake();
  const fonts: Record<string, Record<string, string>> = {};
  for (const [key, face] of Object.entries(layout.fonts)) {
    for (const file of [face.regular, face.bold]) if (file) fontFiles.add(file);
    const bold = face.bold ?? face.regular;
    fonts[familyOf(key)] = { normal: face.regular, bold, italics: face.regular, bolditalics: bold };
  }
  // Without the lazy file system, pdfmake gets every file of the layout up front.
  if (!lazy || !fastPathOn('lazyFonts')) {
    for (const file of fontFiles) {
      if (written.has(file)) continue;
      files!.writeFileSync(file, fontData(file));
      written.add(file);
    }
  }
  pm.setFonts(fonts);
  return pm;
}

/** Renders a pdfmake document definition to bytes. */
export async function renderPdf(layout: Layout, doc: object): Promise<Uint8Array> {
  await fontsRead();
  const pm = pdfmakeFor(layout);
  return new Uint8Array(await pm.createPdf(doc).getBuffer());
}
