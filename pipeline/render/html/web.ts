/**
 * The web page `<name>.html`: the whole report in one self-contained file (inline CSS, no
 * script, nothing fetched: its Content-Security-Policy forbids any request), from the same
 * converted body as the EPUB. Under the page's own `<h1>` (the title) every heading moves one
 * level down; EPUB-only attributes are dropped.
 */
import type { Element } from 'hast';
import type { Template } from '../../templates/index.js';
import { limit, type OutlineEntry } from './outline.js';
import type { Prepared } from './prepare.js';
import { rewrite } from './rewrite.js';
import { SEMANTICS } from './sections.js';
import { serialize } from './serialize.js';
import { PAGE_POLICY, withPolicy } from './csp.js';

export function webPage(prepared: Prepared, template: Template): string {
  const { view, style } = prepared;
  const layout = template.layout;
  const sections = prepared.sections.map((section) => ({
    kind: section.kind,
    role: SEMANTICS[section.kind].role,
    ...(section.headingId ? { labelledby: section.headingId } : { label: view.title }),
    html: serialize(rewrite(section.hast, forWeb)),
  }));
  const css = `${prepared.stylesheet}\n${template.render('web/web.css.hbs', { style })}`;
  const page = template.render('web/page.html.hbs', {
    ...view,
    documentTitle: view.title,
    css,
    toc: { title: layout.toc.title, entries: tocEntries(limit(prepared.outline, layout.toc.depth)) },
    sections,
  });
  return withPolicy(page, PAGE_POLICY, template.find('web/page.html.hbs') ?? 'web/page.html.hbs');
}

function forWeb(el: Element): Element | undefined {
  const heading = /^h([1-6])$/.exec(el.tagName);
  const epubType = 'epub:type' in el.properties;
  if (!heading && !epubType) return undefined;
  const { 'epub:type': _dropped, ...properties } = el.properties;
  return { ...el, tagName: heading ? `h${Math.min(6, Number(heading[1]) + 1)}` : el.tagName, properties };
}

interface TocEntry {
  href: string;
  text: string;
  children: TocEntry[];
}

function tocEntries(entries: OutlineEntry[]): TocEntry[] {
  return entries.map((e) => ({ href: `#${e.id}`, text: e.text, children: tocEntries(e.children) }));
}
