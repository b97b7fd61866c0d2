/**
 * Characters the template's fonts cannot draw. The PDF writers embed the layout's faces and
 * nothing else: a character a style's face lacks is drawn from the layout's fallback font
 * (`fonts.fallback`, see fallback-font.ts) when that has it, and otherwise (an emoji, Thai,
 * Arabic, Hangul in the Noto faces) comes out as an empty box. Instead of a warning per
 * character from deep inside the PDF writer, the build names them once: each character with
 * its code, how often it occurs, its first line, and the fonts that lack it. With
 * `--strict-glyphs` that is an error and nothing is written. What the fallback font draws is
 * counted in a note: it is drawn, only in another design.
 */
import type { Nodes } from 'mdast';
import type { Publication } from '../../model.js';
import type { Layout } from '../../templates/layout.js';
import { fallbackFont, FALLBACK, INVISIBLE } from './fallback-font.js';
import { fontTables } from './fonts.js';
import { openSfnt } from './sfnt.js';

export interface Missing {
  char: string;
  count: number;
  line?: number;
  /** Font keys (under `fonts:` in layout.yaml) whose faces lack it. */
  fonts: string[];
}

export interface Coverage {
  /** Characters no face draws, the fallback font's included. */
  missing: Missing[];
  /** Characters a style's face lacks that the fallback font draws. */
  fallback: Missing[];
}

/** Whether every face of a font (regular and bold) has a code point; the files are opened on first use. */
function fontLookup(file: string, bold?: string): (cp: number) => boolean {
  let sfnts: Array<ReturnType<typeof openSfnt>> | undefined;
  return (cp) => {
    sfnts ??= [file, ...(bold ? [bold] : [])].map((f) => openSfnt(fontTables(f), f));
    return sfnts.every((s) => s.glyphOf(cp) !== 0);
  };
}

/** Per publication and layout: the build and the writers of one thread ask for it once. */
const memo = new WeakMap<Publication, WeakMap<Layout, Coverage>>();

export function characterCoverage(publication: Publication, layout: Layout): Coverage {
  let byLayout = memo.get(publication);
  if (!byLayout) memo.set(publication, (byLayout = new WeakMap()));
  let found = byLayout.get(layout);
  if (!found) byLayout.set(layout, (found = coverageOf(publication, layout)));
  return found;
}

/**
 * Characters the fallback font draws for this publication, for the writers whose readers pick
 * fonts themselves (DOCX, HTML, EPUB): empty when the layout has no fallback font, without
 * looking at the text.
 */
export function fallbackCharacters(publication: Publication, layout: Layout): Set<string> {
  if (!fallbackFont(layout)) return new Set();
  return new Set(characterCoverage(publication, layout).fallback.map((m) => m.char));
}

function coverageOf(publication: Publication, layout: Layout): Coverage {
  const used = new Set(Object.values(layout.styles).map((s) => s.font));
  const lookups = [...used].filter((key) => layout.fonts[key]).map((key) => ({ key, has: fontLookup(layout.fonts[key]!.regular, layout.fonts[key]!.bold) }));
  const spare = fallbackFont(layout);
  const fallbackHas = spare ? fontLookup(spare.regular, spare.bold) : undefined;
  const missing = new Map<number, Missing>();
  const fallback = new Map<number, Missing>();
  // Per code point: the fonts lacking it, and whether the fallback font draws it.
  const known = new Map<number, { lacking: string[]; drawn: boolean }>();
  const check = (text: string, line?: number) => {
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp < 0x7f || INVISIBLE.test(char)) continue;
      let seen = known.get(cp);
      if (!seen) {
        const lacking = lookups.filter((l) => !l.has(cp)).map((l) => l.key);
        const drawn = lacking.length > 0 && !!fallbackHas?.(cp);
        known.set(cp, (seen = { lacking: !lacking.length || drawn || !spare || lacking.includes(FALLBACK) ? lacking : [...lacking, FALLBACK], drawn }));
      }
      if (!seen.lacking.length) continue;
      const into = seen.drawn ? fallback : missing;
      const entry = into.get(cp);
      if (entry) entry.count++;
      else into.set(cp, { char, count: 1, line, fonts: seen.lacking });
    }
  };
  for (const value of Object.values(publication.meta)) check(typeof value === 'string' ? value : JSON.stringify(value));
  const stack: Nodes[] = [publication.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string') check(node.value, node.position?.start.line);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  const inOrder = (found: Map<number, Missing>) => [...found.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { missing: inOrder(missing), fallback: inOrder(fallback) };
}

const codeOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function listed(found: Missing[], each: (m: Missing) => string): string {
  const more = found.length > 8 ? ` and ${found.length - 8} more` : '';
  return found.slice(0, 8).map(each).join(', ') + more;
}

/** One line for the build summary: `3 characters cannot be drawn …: 😀 (U+1F600, 2×, line 5; …)`. */
export function describeMissing(missing: Missing[]): string {
  const shown = listed(missing, (m) => `${m.char} (${codeOf(m.char)}${m.count > 1 ? `, ${m.count}×` : ''}${m.line ? `, line ${m.line}` : ''}; not in ${m.fonts.join(', ')})`);
  return `${missing.length} character${missing.length === 1 ? '' : 's'} cannot be drawn with the template's fonts and show as empty boxes in the PDF: ${shown}`;
}

/** One line for the build summary's note: `2 characters (3×) are set in the fallback font (fonts.fallback): 𠮷 (U+20BB7, line 5), …`. */
export function describeFallback(fallback: Missing[]): string {
  const total = fallback.reduce((n, m) => n + m.count, 0);
  const shown = listed(fallback, (m) => `${m.char} (${codeOf(m.char)}${m.line ? `, line ${m.line}` : ''})`);
  const many = fallback.length === 1 ? 'character' : 'characters';
  return `${fallback.length} ${many}${total > fallback.length ? ` (${total}×)` : ''} the styles' own fonts lack ${fallback.length === 1 ? 'is' : 'are'} set in the fallback font (fonts.${FALLBACK}) in the PDF: ${shown}`;
}
