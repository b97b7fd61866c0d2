/**
 * Links. A glossary reference (data.glossary) jumps to its term's bookmark: a linked phrase in
 * the Glossary Reference character style, a note marker ([1]) as a superscript. Other `#id`
 * links are internal hyperlinks to the heading bookmarks; the rest are web links.
 */
import { ExternalHyperlink, InternalHyperlink, type ParagraphChild } from 'docx';
import type { Link } from 'mdast';
import type { InlineHandler } from '../types.js';
import { CHAR_STYLES } from '../styles.js';

export const link: InlineHandler<Link> = (state, node, marks): ParagraphChild[] => {
  if (node.data?.glossary !== undefined) {
    const style = node.data.noteref ? CHAR_STYLES.noteMarker : CHAR_STYLES.glossaryLink;
    return [new InternalHyperlink({ anchor: state.anchor(node.url.replace(/^#/, '')), children: state.inline(node.children, { ...marks, style }) })];
  }
  if (node.url.startsWith('#')) {
    return [new InternalHyperlink({ anchor: state.anchor(node.url.slice(1)), children: state.inline(node.children, marks) })];
  }
  if (/^(https?|mailto|ftp):/i.test(node.url)) {
    return [new ExternalHyperlink({ link: node.url, children: state.inline(node.children, { ...marks, style: marks.style ?? 'Hyperlink' }) })];
  }
  // A relative link means nothing inside a .docx: keep the text.
  return state.inline(node.children, marks);
};
