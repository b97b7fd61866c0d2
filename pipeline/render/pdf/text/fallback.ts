/**
 * Runs of text cut where the run's face has no glyph: the characters it lacks are set in the
 * fallback font (layout `fonts.fallback`, see shared/fallback-font.ts) when that has them,
 * each stretch as a span of its own in a style derived from the run's (same size, colour,
 * tracking and weight; the fallback's face). Line breaking, punctuation compression and
 * justification then work on the cut spans as on any others, and pdfmake embeds the fallback
 * face as a subset like the rest.
 *
 * A character no face has stays in its own run (an empty box; the build names it: see
 * shared/coverage.ts). Text the faces cover is returned as it came, so a document that needs
 * no fallback is set exactly as before and never opens the fallback font.
 */
import { INVISIBLE } from '../../shared/fallback-font.js';
import type { TextStyle } from '../styles.js';
import type { Span } from './lines.js';

export function withFallback(spans: Span[]): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const cut = cutSpan(span);
    if (cut === span && !out) continue;
    out ??= spans.slice(0, k);
    if (Array.isArray(cut)) out.push(...cut);
    else out.push(cut);
  }
  return out ?? spans;
}

/** The span itself when its face draws all of it, else the span cut into runs by face. */
function cutSpan(span: Span): Span | Span[] {
  const { text, style } = span;
  const face = style.face;
  let pieces: Span[] | undefined;
  let fallback: TextStyle | undefined | null = null;
  // Start of the run not yet emitted, and whether it is in the fallback face.
  let from = 0;
  let inFallback = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let toFallback = false;
    if (!face.covers(cp) && !INVISIBLE.test(String.fromCodePoint(cp))) {
      if (fallback === null) fallback = style.fallback?.();
      toFallback = fallback !== undefined && fallback.face.covers(cp);
    }
    if (toFallback !== inFallback) {
      pieces ??= [];
      if (i > from) pieces.push({ ...span, text: text.slice(from, i), style: inFallback ? fallback! : style });
      from = i;
      inFallback = toFallback;
    }
    i += width;
  }
  if (!pieces) return span;
  if (text.length > from) pieces.push({ ...span, text: text.slice(from), style: inFallback ? fallback! : style });
  return pieces;
}
