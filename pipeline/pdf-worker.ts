/**
 * The PDF worker thread's entry (see worker.ts), bundled on its own (dist/reportpress-pdf.cjs):
 * the PDF writer, the template loader and nothing else, so the thread loads a third of the
 * code the main thread does.
 */
import { serveFormat } from './worker.js';

/** @param rendered called after each publication is rendered (bin saves its code caches then) */
export function serve(rendered?: () => void): void {
  serveFormat(async (format) => {
    if (format !== 'pdf') throw new Error(`this worker renders the PDF, not ${format}`);
    return import('./render/pdf/index.js');
  }, rendered);
}
