/**
 * What the Handlebars layouts see besides the body: the report's metadata with the title
 * never missing, the cover lines of the layout already rendered, the speaker as one line.
 */
import type { Meta, Publication } from '../../model.js';
import type { Template } from '../../templates/index.js';
import { displayWords } from '../shared/words.js';
import { LABELS } from './labels.js';
import { xmlSafe, xmlSafeDeep } from './xml-chars.js';

export interface CoverLine {
  style: string;
  /** Rendered by the layout's Handlebars string, so already escaped. */
  html: string;
}

export interface View {
  lang: 'zh-CN';
  /** The report's title, or the source's file name when it has none. */
  title: string;
  meta: Meta;
  speakerLine?: string;
  cover: { enabled: boolean; lines: CoverLine[] };
  labels: typeof LABELS;
  /** The title and meeting line cut into words, for a title block that breaks only between them (<wbr>). */
  words: { title: string[]; subtitle?: string[] };
}

export function view(publication: Publication, template: Template): View {
  // Metadata reaches every file through the layouts: it must be XML-safe like the body.
  const meta = xmlSafeDeep(publication.meta);
  const title = meta.title?.trim() || xmlSafe(publication.name);
  const speakerLine = [meta.speaker?.role, meta.speaker?.name].filter((s) => s && s.trim()).join(' ') || undefined;
  const strings = { ...meta, title };
  const lines = template.layout.cover.lines
    .map((line) => ({ style: line.style, html: template.renderString(line.text, strings).trim() }))
    .filter((line) => line.html !== '');
  return {
    lang: 'zh-CN',
    title,
    meta,
    ...(speakerLine ? { speakerLine } : {}),
    cover: { enabled: template.layout.cover.enabled && lines.length > 0, lines },
    labels: LABELS,
    words: { title: displayWords(title), ...(meta.subtitle ? { subtitle: displayWords(meta.subtitle) } : {}) },
  };
}
