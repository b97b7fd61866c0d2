/**
 * Text the layout's faces lack, in the DOCX: Word and LibreOffice pick fonts themselves, so
 * nothing is embedded, but a run of such characters names the fallback font's Word names
 * (layout `fonts.fallback.word`: SimSun-ExtB, Noto Serif CJK JP) instead of the style's,
 * which Word would otherwise ask first and find lacking. Text without such characters keeps
 * its runs exactly as before.
 */
import { TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Publication } from '../../model.js';
import type { Layout } from '../../templates/index.js';
import { fallbackCharacters } from '../shared/coverage.js';
import { FALLBACK } from '../shared/fallback-font.js';
import { runFont } from './fonts.js';

export interface FallbackRuns {
  /** Characters (whole code points) the fallback font draws. */
  chars: Set<string>;
  font: NonNullable<IRunOptions['font']>;
}

/** What the document needs of the fallback font; undefined when its faces cover the text. */
export function fallbackRuns(publication: Publication, layout: Layout): FallbackRuns | undefined {
  const font = runFont(layout, FALLBACK);
  if (!font) return undefined;
  const chars = fallbackCharacters(publication, layout);
  return chars.size ? { chars, font } : undefined;
}

/** Runs of `text`, stretches of fallback characters in runs of their own naming the fallback font. */
export function textRuns(text: string, options: IRunOptions, fallback: FallbackRuns | undefined): ParagraphChild[] {
  if (!fallback || ![...text].some((c) => fallback.chars.has(c))) return [new TextRun({ text, ...options })];
  const runs: ParagraphChild[] = [];
  let piece = '';
  let inFallback = false;
  const flush = () => {
    if (piece) runs.push(new TextRun({ text: piece, ...options, ...(inFallback ? { font: fallback.font } : {}) }));
    piece = '';
  };
  for (const char of text) {
    const wanted = fallback.chars.has(char);
    if (wanted !== inFallback) {
      flush();
      inFallback = wanted;
    }
    piece += char;
  }
  flush();
  return runs;
}
