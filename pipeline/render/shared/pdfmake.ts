/**
 * pdfmake, set up once per process for our use: fonts come from the layout (read once, WOFF
 * turned into TrueType, and handed to pdfmake's in-memory file system, so nothing is read by
 * path at render time),
 * URL and local file access are refused (a build loads nothing remote), and the document is
 * stamped with our date rather than the wall clock.
 *
 * Shared by the PDF and summary writers.
 */
import { createRequire } from 'node:module';
import type { Layout } from '../../templates/index.js';
import { fontData } from './fonts.js';

const require = createRequire(import.meta.url);

/* pdfmake 0.3 ships no types for its Node entry; this is the part we use. */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object, options?: object): { getBuffer(): Promise<Buffer> };
}

let instance: PdfMake | undefined;
const loaded = new Set<string>();

function pdfmake(): PdfMake {
  if (!instance) {
    instance = require('pdfmake') as PdfMake;
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy(() => false);
  }
  return instance;
}

/** Font family name pdfmake knows a layout font by. */
export const familyOf = (key: string) => `f-${key}`;

/** Registers the layout's fonts (files read once per process) and returns pdfmake. */
export function pdfmakeFor(layout: Layout): PdfMake {
  const pm = pdfmake();
  const fonts: Record<string, Record<string, string>> = {};
  for (const [key, face] of Object.entries(layout.fonts)) {
    for (const file of [face.regular, face.bold]) {
      if (file && !loaded.has(file)) {
        pm.virtualfs.writeFileSync(file, fontData(file));
        loaded.add(file);
      }
    }
    const bold = face.bold ?? face.regular;
    fonts[familyOf(key)] = { normal: face.regular, bold, italics: face.regular, bolditalics: bold };
  }
  pm.setFonts(fonts);
  return pm;
}

/** Renders a pdfmake document definition to bytes. */
export async function renderPdf(layout: Layout, doc: object): Promise<Uint8Array> {
  const pm = pdfmakeFor(layout);
  return new Uint8Array(await pm.createPdf(doc).getBuffer());
}
