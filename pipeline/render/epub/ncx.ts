/**
 * toc.ncx, the EPUB 2 table of contents. EPUB 3 readers use nav.xhtml; the NCX is for the
 * older reading systems and converters still common with Chinese readers, and costs a few KB.
 */
import type { OutlineEntry } from '../html/outline.js';
import { esc } from './xml.js';

/** `start` is where a report without headings is entered (the NCX needs one point at least). */
export function ncx(uuid: string, title: string, outline: OutlineEntry[], start: string): string {
  let order = 0;
  let deepest = 0;
  const point = (e: OutlineEntry, level: number): string => {
    // Numbered before the children: playOrder is document order.
    const n = ++order;
    deepest = Math.max(deepest, level);
    const children = e.children.map((c) => point(c, level + 1)).join('');
    return `<navPoint id="np-${n}" playOrder="${n}"><navLabel><text>${esc(e.text)}</text></navLabel><content src="${esc(`${e.section}.xhtml#${e.id}`)}"/>${children}</navPoint>\n`;
  };
  const map = outline.length
    ? outline.map((e) => point(e, 1)).join('')
    : `<navPoint id="np-1" playOrder="1"><navLabel><text>${esc(title)}</text></navLabel><content src="${esc(start)}"/></navPoint>\n`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="zh-CN">',
    '<head>',
    `<meta name="dtb:uid" content="urn:uuid:${uuid}"/>`,
    `<meta name="dtb:depth" content="${Math.max(1, deepest)}"/>`,
    '<meta name="dtb:totalPageCount" content="0"/>',
    '<meta name="dtb:maxPageNumber" content="0"/>',
    '</head>',
    `<docTitle><text>${esc(title)}</text></docTitle>`,
    '<navMap>',
    map + '</navMap>',
    '</ncx>',
    '',
  ].join('\n');
}
