/**
 * The epub writer: the html writer's EPUB-ready files (html/book.ts) packaged as EPUB 3,
 * with the package document, the container, an NCX for older readers and, when the layout
 * asks, the fonts. Pure and deterministic: the same publication and template give the same
 * bytes (content-derived identifier, dates from context.date, fixed zip order and times).
 */
import type { Root } from 'hast';
import type { Writer } from '../types.js';
import { xhtmlBook, type XhtmlBook } from '../html/book.js';
import { textOf } from '../html/hast-text.js';
import { embedFonts } from './fonts.js';
import { contentUuid } from './identifier.js';
import { ncx } from './ncx.js';
import { packageDocument, type ManifestItem } from './package.js';
import { zip, type Entry } from './zip.js';

/** Folder of the content inside the container. */
const CONTENT = 'EPUB';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${CONTENT}/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

export const write: Writer = async (publication, context) => {
  const book = xhtmlBook(publication, context);
  const { view, sections, outline } = book.prepared;
  const uuid = contentUuid([JSON.stringify(publication.meta), ...sections.map((s) => textOf({ type: 'root', children: s.hast } as Root))]);

  const resources: ManifestItem[] = [{ id: 'css', href: book.stylesheet.href, mediaType: 'text/css' }, { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' }];
  const extra: Entry[] = [];
  let stylesheet = book.stylesheet.content;
  if (context.template.layout.epub.embedFonts) {
    const embedded = embedFonts(context.template.layout, context.warn);
    stylesheet = withFontFaces(stylesheet, embedded.css);
    embedded.fonts.forEach((f, i) => {
      resources.push({ id: `font-${i + 1}`, href: f.href, mediaType: f.mediaType });
      extra.push({ path: `${CONTENT}/${f.href}`, data: f.data });
    });
    embedded.licences.forEach((l, i) => {
      resources.push({ id: `font-licence-${i + 1}`, href: l.href, mediaType: 'text/plain' });
      extra.push({ path: `${CONTENT}/${l.href}`, data: l.text });
    });
  }

  const start = book.documents.find((d) => d.inSpine)?.href ?? 'titlepage.xhtml';
  const opf = packageDocument({ uuid, title: view.title, meta: view.meta, modified: context.date, book, resources, summary: summary(book) });
  const entries: Entry[] = [
    { path: 'mimetype', data: 'application/epub+zip' },
    { path: 'META-INF/container.xml', data: CONTAINER },
    { path: `${CONTENT}/package.opf`, data: opf },
    ...book.documents.map((d) => ({ path: `${CONTENT}/${d.href}`, data: d.content })),
    { path: `${CONTENT}/${book.stylesheet.href}`, data: stylesheet },
    { path: `${CONTENT}/toc.ncx`, data: ncx(uuid, view.title, outline, start) },
    ...extra,
  ];
  return [{ path: `${publication.name}.epub`, data: zip(entries, context.date) }];
};

/** `@font-face` rules go after `@charset` and `@namespace`, which must open a stylesheet. */
function withFontFaces(css: string, faces: string): string {
  if (!faces) return css;
  const head = /^(?:\s*@charset[^;]*;)?(?:\s*\/\*[\s\S]*?\*\/)*(?:\s*@namespace[^;]*;)?/.exec(css)![0];
  return `${head}\n${faces}\n${css.slice(head.length)}`;
}

/** What a reader can expect, said in the publication's language. */
function summary(book: XhtmlBook): string {
  const kinds = new Set(book.documents.map((d) => d.role));
  const hasTable = book.documents.some((d) => d.content.includes('<table'));
  return [
    '本出版物全部内容均为文字，无图像、音频或视频，不含已知的闪烁、声音或动态危害。',
    '章节标题分级标注，目录可逐级导航，阅读顺序与原报告一致。',
    hasTable ? '表格带有标题和表头。' : '',
    kinds.has('glossary') ? '名词解释以定义列表呈现，正文中首次出现的术语链接到相应解释，解释后有返回正文的链接。' : '',
  ].join('');
}
