/**
 * Characters the template's fonts cannot draw. The PDF writers embed the layout's faces and
 * nothing else, so a character none of them has (an emoji, 𠮷 and the rest of CJK Extension B,
 * Thai, Arabic, Hangul in the Noto SC faces) comes out as an empty box. Instead of a warning
 * per character from deep inside the PDF writer, the build names them once: each character
 * with its code, how often it occurs, its first line, and the faces that lack it. With
 * `--strict-glyphs` that is an error and nothing is written.
 */
import type { Nodes } from 'mdast';
import type { Publication } from '../../model.js';
import type { Layout } from '../../templates/layout.js';
import { fontTables } from './fonts.js';
import { openSfnt } from './sfnt.js';

export interface Missing {
  char: string;
  count: number;
  line?: number;
  /** Font keys (under `fonts:` in layout.yaml) whose faces lack it. */
  fonts: string[];
}

/** Characters that are drawn without a glyph of their own: spaces, controls, joiners. */
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufe00-\ufe0f\ufeff]/u;

export function missingCharacters(publication: Publication, layout: Layout): Missing[] {
  const used = new Set(Object.values(layout.styles).map((s) => s.font));
  const lookups = [...used].filter((key) => layout.fonts[key]).map((key) => {
    const face = layout.fonts[key]!;
    const sfnts = [face.regular, ...(face.bold ? [face.bold] : [])].map((file) => openSfnt(fontTables(file), file));
    return { key, has: (cp: number) => sfnts.every((s) => s.glyphOf(cp) !== 0) };
  });
  const found = new Map<number, Missing>();
  const known = new Map<number, string[]>();
  const check = (text: string, line?: number) => {
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp < 0x7f || INVISIBLE.test(char)) continue;
      let lacking = known.get(cp);
      if (!lacking) known.set(cp, (lacking = lookups.filter((l) => !l.has(cp)).map((l) => l.key)));
      if (!lacking.length) continue;
      const entry = found.get(cp);
      if (entry) entry.count++;
      else found.set(cp, { char, count: 1, line, fonts: lacking });
    }
  };
  for (const value of Object.values(publication.meta)) check(typeof value === 'string' ? value : JSON.stringify(value));
  const stack: Nodes[] = [publication.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string') check(node.value, node.position?.start.line);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return [...found.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** One line for the build summary: `3 characters cannot be drawn …: 𠮷 (U+20BB7, 2×, line 5; …)`. */
export function describeMissing(missing: Missing[]): string {
  const shown = missing.slice(0, 8).map((m) => {
    const code = `U+${m.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `${m.char} (${code}${m.count > 1 ? `, ${m.count}×` : ''}${m.line ? `, line ${m.line}` : ''}; not in ${m.fonts.join(', ')})`;
  });
  const more = missing.length > 8 ? ` and ${missing.length - 8} more` : '';
  return `${missing.length} character${missing.length === 1 ? '' : 's'} cannot be drawn with the template's fonts and show as empty boxes in the PDF: ${shown.join(', ')}${more}`;
}
