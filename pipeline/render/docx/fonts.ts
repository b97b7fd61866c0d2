/**
 * Fonts by layout key -> what Word needs: the name set on the text (`w:rFonts`, the same name
 * for Latin and East Asian text, as the layout names one face per role), and a font table that
 * declares each name with its alternatives (`w:altName`), charset and family, so Word and
 * LibreOffice pick a similar face when the first choice is not installed.
 */
import type { IFontAttributesProperties } from 'docx';
import type { Layout } from '../../templates/index.js';

/** The run fonts of a layout font key, or undefined when the layout names no Word font for it. */
export function runFont(layout: Layout, key: string): IFontAttributesProperties | undefined {
  const name = layout.fonts[key]?.word[0];
  // `hint: eastAsia` makes Word set the characters both scripts share (“ ” … —) as Chinese.
  return name ? { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' } : undefined;
}

/** Layout font keys that have no Word name (their text falls back to the document default). */
export function unnamedFonts(layout: Layout, used: Iterable<string>): string[] {
  return [...new Set(used)].filter((key) => !layout.fonts[key]?.word[0]);
}

/** Names that look like a sans-serif (黑体) face; the rest are taken as serif (宋体, 仿宋, 楷体). */
const SANS = /sans|hei|黑|雅黑|yahei|gothic|arial|helvetica/i;
const MONO = /mono|courier|consol/i;

/**
 * `word/fontTable.xml`: one entry per font the styles use, first name as `w:name`, the others
 * as a comma-separated `w:altName` (the form Word writes for 仿宋_GB2312 -> 仿宋), charset 86
 * (GB2312) for Chinese faces.
 */
export function fontTableXml(layout: Layout, used: Iterable<string>): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const key of used) {
    const names = layout.fonts[key]?.word ?? [];
    const [name, ...alternatives] = names;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const family = MONO.test(names.join(' ')) ? 'modern' : SANS.test(names.join(' ')) ? 'swiss' : 'roman';
    const alt = alternatives.length ? `<w:altName w:val="${escapeXml(alternatives.join(','))}"/>` : '';
    entries.push(`<w:font w:name="${escapeXml(name)}">${alt}<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
