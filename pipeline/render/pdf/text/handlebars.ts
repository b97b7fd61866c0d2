/**
 * Layout strings are Handlebars, which escapes for HTML (`&` -> `&amp;`); a PDF shows text,
 * so the escapes are undone.
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`', '&#x3D;': '=' };

export function plainText(rendered: string): string {
  return rendered.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (e) => ENTITIES[e]!);
}
