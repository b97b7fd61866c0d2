/**
 * Node type -> handler (mdast-util-to-hast's handlers/index.js): one map for blocks, one for
 * phrasing, and the types left out on purpose. Any other type is reported (state.unhandled)
 * and its text kept, never silently dropped.
 */
import type { BlockHandler, InlineHandler } from '../types.js';
import { paragraph } from './paragraph.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { table } from './table.js';
import { defList } from './glossary.js';
import { blockquote, code, thematicBreak } from './blocks.js';
import { emphasis, footnoteReference, hardBreak, image, imageReference, inlineCode, linkReference, strike, strong, text } from './phrasing.js';
import { link } from './link.js';

export const blockHandlers: Record<string, BlockHandler> = {
  paragraph,
  heading,
  list,
  table,
  defList,
  blockquote,
  code,
  thematicBreak,
};

export const inlineHandlers: Record<string, InlineHandler> = {
  text,
  break: hardBreak,
  strong,
  emphasis,
  delete: strike,
  inlineCode,
  link,
  linkReference,
  image,
  imageReference,
  footnoteReference,
};

/** Types not rendered where they stand, and why. */
export const IGNORED: Record<string, string> = {
  yaml: 'front matter: its facts are in publication.meta',
  toml: 'front matter: its facts are in publication.meta',
  html: 'raw HTML has no Word equivalent (as mdast-util-to-hast drops it by default)',
  definition: 'a link reference definition prints nothing',
  footnoteDefinition: 'rendered as a Word footnote at its first reference',
};
