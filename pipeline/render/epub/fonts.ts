/**
 * Fonts in the EPUB, only when the layout asks (`epub.embedFonts: true`): a full CJK face is
 * 10-15 MB and readers have Chinese fonts of their own. Each face the styles use is added
 * under fonts/ with an `@font-face` rule named after the first family of the font's CSS
 * stack, so the stack picks the embedded face first without changing a rule. The font's
 * licence travels with it (the SIL OFL requires that), found beside the font file or at the
 * root of its npm package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Layout } from '../../templates/index.js';
import { STYLE_NAMES } from '../../templates/schema.js';
import { fontStack } from '../html/style.js';

export interface EmbeddedFont {
  /** Path inside the content folder (`fonts/NotoSerifSC_400Regular.ttf`). */
  href: string;
  data: Uint8Array;
  mediaType: string;
}

export interface FontLicence {
  href: string;
  text: string;
}

export interface Embedded {
  fonts: EmbeddedFont[];
  licences: FontLicence[];
  /** `@font-face` rules to put in front of the stylesheet. */
  css: string;
}

const LICENCE_NAMES = ['OFL.txt', 'LICENSE_FONT', 'LICENSE_OFL.txt', 'OFL', 'LICENSE.txt', 'LICENSE'];

export function embedFonts(layout: Layout, warn: (message: string) => void): Embedded {
  // Which faces are used: font key -> weights.
  const used = new Map<string, Set<400 | 700>>();
  for (const name of STYLE_NAMES) {
    const style = layout.styles[name];
    const weights = used.get(style.font) ?? new Set();
    weights.add(style.bold ? 700 : 400);
    used.set(style.font, weights);
  }
  const fonts: EmbeddedFont[] = [];
  const licences = new Map<string, FontLicence>();
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const [key, weights] of used) {
    const face = layout.fonts[key]!;
    const family = firstFamily(fontStack(layout, key));
    for (const weight of [...weights].sort()) {
      const file = weight === 700 && face.bold ? face.bold : face.regular;
      const href = `fonts/${basename(file)}`;
      if (!seen.has(href)) {
        seen.add(href);
        fonts.push({ href, data: readFileSync(file), mediaType: mediaType(file) });
        const licence = findLicence(file);
        if (licence && !licences.has(licence)) licences.set(licence, { href: `fonts/${licenceName(licence, licences.size)}`, text: readFileSync(licence, 'utf8') });
        if (!licence) warn(`no licence file found for the embedded font ${file}; add one beside it (OFL.txt)`);
      }
      rules.push(`@font-face { font-family: "${family}"; font-weight: ${weight}; font-style: normal; src: url(${href}); }`);
    }
  }
  return { fonts, licences: [...licences.values()], css: rules.join('\n') };
}

function firstFamily(stack: string): string {
  return stack.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
}

function mediaType(file: string): string {
  if (/\.otf$/i.test(file)) return 'font/otf';
  if (/\.woff2$/i.test(file)) return 'font/woff2';
  if (/\.woff$/i.test(file)) return 'font/woff';
  return 'font/ttf';
}

/** The licence beside the font, else in the folders above it up to its package root. */
function findLicence(file: string): string | undefined {
  let dir = dirname(file);
  for (let i = 0; i < 4; i++) {
    for (const name of LICENCE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(dir, 'package.json'))) break;
    dir = dirname(dir);
  }
  return undefined;
}

function licenceName(path: string, index: number): string {
  const stem = basename(dirname(path)).replace(/[^A-Za-z0-9._-]/g, '') || 'font';
  return `${stem}-${index + 1}-licence.txt`;
}
