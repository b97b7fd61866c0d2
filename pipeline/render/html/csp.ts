/**
 * A Content-Security-Policy in every HTML file we write, whatever the template says: the
 * pages are static, so they may load their own stylesheet, fonts and images and run nothing.
 * Even a link or markup that slipped past every other check cannot run a script or fetch
 * anything from elsewhere. The policy is a <meta http-equiv> right after <head> (a template's
 * own policy, if any, still applies as well: browsers enforce every policy they are given).
 */
import { ReportError } from '../../errors.js';

/** For the EPUB-ready files: their stylesheet, fonts and images come from the package itself. */
export const BOOK_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:";
/** For single-file pages (web page, summary): everything is inline. */
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function withPolicy(html: string, policy: string, file: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new ReportError({ file }, 'the HTML has no <head> element to carry its Content-Security-Policy');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (html.includes(`content="${policy}"`)) return html;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n${meta}${html.slice(at)}`;
}
