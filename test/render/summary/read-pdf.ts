/**
 * Reading a summary back the way a reader's tools do: pdfjs for the pages, the text and the
 * size of every piece of type; the file's font dictionaries for embedding.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: number;
  /** Width and height of page 1 in points. */
  size: [number, number];
  /** Text of page 1, pieces joined as they come, a newline where pdfjs ends a line. */
  text: string;
  /** Font size of every non-blank piece of text on page 1, in points. */
  sizes: number[];
  /** BaseFont names of the fonts the file uses. */
  fonts: string[];
  /** Fonts with an embedded font program (FontFile2/FontFile3). */
  embedded: number;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const { width, height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  let text = '';
  const sizes: number[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : '');
    if (item.str.trim()) sizes.push(Math.hypot(item.transform[2]!, item.transform[3]!));
  }
  const raw = Buffer.from(bytes).toString('latin1');
  const fonts = [...raw.matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1]!);
  const embedded = [...raw.matchAll(/\/FontFile[23] /g)].length;
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, size: [width, height], text, sizes, fonts: [...new Set(fonts)], embedded };
}

/** Numbers of two or more characters in `text` (NFKC) that `source` does not contain: the acceptance rule. */
export function inventedNumbers(text: string, source: string): string[] {
  const numbers = (s: string) => s.normalize('NFKC').match(/\d+(?:\.\d+)?/g) ?? [];
  const known = new Set(numbers(source));
  return [...new Set(numbers(text).filter((n) => n.length > 1 && !known.has(n)))].sort();
}

/** An HTML page's text as the acceptance check reads it: tags, style and script removed. */
export function htmlText(html: string): string {
  return html.replace(/<(style|script)[^>]*>.*?<\/\1>|<[^>]+>/gs, ' ');
}
