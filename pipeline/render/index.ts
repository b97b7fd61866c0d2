/**
 * The formats and their writers. Each writer is loaded only when its format is asked for,
 * so a build of the Markdown alone never pays for pdfmake or docx.
 */
import type { Writer } from './types.js';

export const FORMATS = ['md', 'html', 'epub', 'docx', 'pdf', 'summary'] as const;
export type Format = (typeof FORMATS)[number];

const loaders: Record<Format, () => Promise<{ write: Writer }>> = {
  md: () => import('./markdown/index.js'),
  html: () => import('./html/index.js'),
  epub: () => import('./epub/index.js'),
  docx: () => import('./docx/index.js'),
  pdf: () => import('./pdf/index.js'),
  summary: () => import('./summary/index.js'),
};

export async function writerFor(format: Format): Promise<Writer> {
  return (await loaders[format]()).write;
}

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}
