/**
 * The contract between the build and the writers. A writer is a pure function of the
 * publication and the template: it returns files (paths relative to `output/<name>/`) and
 * never touches the disk; the build writes them atomically.
 */
import type { Publication } from '../model.js';
import type { Template } from '../templates/index.js';

export interface OutputFile {
  /** Relative to the publication's output folder, with forward slashes (`html/nav.xhtml`). */
  path: string;
  data: Uint8Array | string;
}

export interface RenderContext {
  template: Template;
  /** The instant stamped into files (PDF CreationDate, DOCX/EPUB modified): see dates.ts. */
  date: Date;
  /** Diagnostics from writers go here (unknown node types, overfull summary, …). */
  warn: (message: string) => void;
}

export type Writer = (publication: Publication, context: RenderContext) => Promise<OutputFile[]>;
