/**
 * The EPUB-ready document set (the html/ folder): cover and title page first, the navigation
 * document, one XHTML file per top-level section, the stylesheet. The epub writer packages
 * exactly these files, so html/ is what the EPUB holds, file for file.
 */
import type { Element } from 'hast';
import type { Publication } from '../../model.js';
import type { RenderContext } from '../types.js';
import type { OutlineEntry } from './outline.js';
import { prepare, type Prepared } from './prepare.js';
import { ids, rewrite } from './rewrite.js';
import { SEMANTICS, type Section, type SectionKind } from './sections.js';
import { serialize } from './serialize.js';
import { BOOK_POLICY, withPolicy } from './csp.js';

export const STYLESHEET = 'style.css';

export interface XhtmlDocument {
  /** Manifest id. */
  id: string;
  /** File name inside html/ (and the EPUB's content folder). */
  href: string;
  role: 'cover' | 'titlepage' | 'nav' | SectionKind;
  title: string;
  content: string;
  /** In the reading order (the nav is only when the layout asks for a printed TOC). */
  inSpine: boolean;
}

export interface Landmark {
  type: string;
  href: string;
  label: string;
}

export interface XhtmlBook {
  prepared: Prepared;
  /** In reading order; the nav document is among them even when it is not in the spine. */
  documents: XhtmlDocument[];
  stylesheet: { href: string; content: string };
  landmarks: Landmark[];
}

const memo = new WeakMap<Prepared, XhtmlBook>();

export function xhtmlBook(publication: Publication, context: RenderContext): XhtmlBook {
  const prepared = prepare(publication, context);
  let book = memo.get(prepared);
  if (!book) memo.set(prepared, (book = build(prepared, context)));
  return book;
}

const fileOf = (section: Section) => `${section.name}.xhtml`;

function build(prepared: Prepared, context: RenderContext): XhtmlBook {
  const { template } = context;
  const layout = template.layout;
  const { view, sections } = prepared;
  const common = { ...view, stylesheet: STYLESHEET };
  const documents: XhtmlDocument[] = [];

  if (view.cover.enabled) {
    documents.push({ id: 'cover', href: 'cover.xhtml', role: 'cover', title: view.title, inSpine: true, content: template.render('html/cover.xhtml.hbs', { ...common, documentTitle: view.title }) });
  }
  documents.push({ id: 'titlepage', href: 'titlepage.xhtml', role: 'titlepage', title: view.title, inSpine: true, content: template.render('html/titlepage.xhtml.hbs', { ...common, documentTitle: view.title }) });

  // Where every id lives, so a link into another file gets that file's name.
  const home = new Map<string, string>();
  for (const section of sections) for (const id of ids(section.hast)) if (!home.has(id)) home.set(id, fileOf(section));

  const missing = new Set<string>();
  const chapters = sections.map((section): XhtmlDocument => {
    const file = fileOf(section);
    const body = serialize(rewrite(section.hast, (el) => crossFile(el, file, home, missing)));
    const semantics = SEMANTICS[section.kind];
    const title = section.title ? `${section.title} - ${view.title}` : view.title;
    const content = template.render('html/chapter.xhtml.hbs', {
      ...common,
      documentTitle: title,
      matter: semantics.matter,
      kind: section.kind,
      section: { type: semantics.type, role: semantics.role, ...(section.headingId ? { labelledby: section.headingId } : { label: view.title }) },
      body,
    });
    return { id: section.name, href: file, role: section.kind, title: section.title ?? view.title, content, inSpine: true };
  });
  for (const id of missing) context.warn(`a link points to #${id}, which is nowhere in the report; the link is left out, its text kept`);

  const first = chapters.find((c) => c.role === 'opening' || c.role === 'chapter') ?? chapters[0];
  const glossary = chapters.find((c) => c.role === 'glossary');
  const landmarks: Landmark[] = [
    ...(view.cover.enabled ? [{ type: 'cover', href: 'cover.xhtml', label: view.labels.cover }] : []),
    { type: 'titlepage', href: 'titlepage.xhtml', label: view.labels.titlepage },
    ...(layout.toc.enabled ? [{ type: 'toc', href: 'nav.xhtml#toc', label: layout.toc.title }] : []),
    ...(first ? [{ type: 'bodymatter', href: first.href, label: view.labels.bodymatter }] : []),
    ...(glossary ? [{ type: 'glossary', href: glossary.href, label: glossary.title }] : []),
  ];
  const nav: XhtmlDocument = {
    id: 'nav',
    href: 'nav.xhtml',
    role: 'nav',
    title: layout.toc.title,
    inSpine: layout.toc.enabled,
    content: template.render('html/nav.xhtml.hbs', { ...common, documentTitle: layout.toc.title, toc: { title: layout.toc.title, entries: navEntries(prepared.outline, layout.toc.depth, first, view.title) }, landmarks }),
  };
  documents.push(nav, ...chapters);
  for (const doc of documents) doc.content = withPolicy(doc.content, BOOK_POLICY, template.find(`html/${doc.href}.hbs`) ?? doc.href);
  return { prepared, documents, stylesheet: { href: STYLESHEET, content: prepared.stylesheet }, landmarks };
}

/** `#gloss-3` in sec-1.xhtml -> `sec-3.xhtml#gloss-3`; a link to no anchor at all is unlinked. */
function crossFile(el: Element, file: string, home: Map<string, string>, missing: Set<string>): Element | undefined {
  const href = el.tagName === 'a' ? el.properties.href : undefined;
  if (typeof href !== 'string' || !href.startsWith('#')) return undefined;
  let id = href.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // Not percent-encoded after all: the fragment is the id as written.
  }
  const target = home.get(id);
  if (!target) {
    missing.add(id);
    return { type: 'element', tagName: 'span', properties: {}, children: el.children };
  }
  return target === file ? undefined : { ...el, properties: { ...el.properties, href: `${target}${href}` } };
}

interface NavEntry {
  href: string;
  text: string;
  children: NavEntry[];
  /** Levels below the layout's TOC depth stay in the navigation but not on the printed page. */
  hideChildren: boolean;
}

/**
 * The nav's entries. A report without a single heading still gets one entry (the start of its
 * text, under its title): an EPUB navigation list may not be empty.
 */
function navEntries(entries: OutlineEntry[], depth: number, start?: XhtmlDocument, title = ''): NavEntry[] {
  if (!entries.length && start) return [{ href: start.href, text: title, children: [], hideChildren: false }];
  return entries.map((e) => ({ href: `${e.section}.xhtml#${e.id}`, text: e.text, children: navEntries(e.children, depth), hideChildren: e.depth >= depth }));
}
