/**
 * hast -> markup that is both well-formed XML (for the EPUB) and good HTML (for the web page):
 * void elements closed (`<br />`), no omitted tags, every attribute quoted, and characters
 * escaped as numeric references (XML knows none of HTML's named ones). Raw HTML is never
 * passed through.
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';

export function serialize(nodes: ElementContent[]): string {
  const html = toHtml({ type: 'root', children: nodes }, {
    allowDangerousHtml: false,
    closeSelfClosing: true,
    closeEmptyElements: false,
    omitOptionalTags: false,
    collapseEmptyAttributes: false,
    preferUnquoted: false,
    quote: '"',
    quoteSmart: false,
    characterReferences: { useNamedReferences: false },
  });
  // `]]>` may not appear in XML character data and hast-util-to-html does not escape `>`.
  return html.replaceAll(']]>', ']]&#x3E;');
}
