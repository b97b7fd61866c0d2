/**
 * The layout's fallback font: the entry `fonts.fallback`, whose faces draw the characters a
 * style's own face lacks (the default layout points it at Noto Serif JP, which has the CJK
 * Extension B characters common in personal names, 𠮷 among them, that the Noto SC faces
 * lack). Only a layout's styles name the faces they are set in; this one is reached by
 * character, never by style, and is opened only when some character needs it.
 */
import type { FontFace, Layout } from '../../templates/index.js';

/** The key under `fonts:` that names the fallback font. */
export const FALLBACK = 'fallback';

/** The layout's fallback font, unless it has none. */
export function fallbackFont(layout: Layout): FontFace | undefined {
  return layout.fonts[FALLBACK];
}

/** The face of the fallback font that stands in for a regular or bold face. */
export function fallbackFile(font: FontFace, bold: boolean): string {
  return bold && font.bold ? font.bold : font.regular;
}

/**
 * Characters drawn without a glyph of their own (spaces, controls, joiners, variation
 * selectors): no face is expected to have them, so none is looked for.
 */
export const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufe00-\ufe0f\ufeff]/u;
