/**
 * Front lines -> metadata.
 *
 * For a plain-text source the read stage has already found the report's front lines (title,
 * meeting line, speaker) and taken them out of the body; their facts arrive in
 * `file.data.front`, the page's own facts (published, 来源, a scraper's 标题) in
 * `file.data.pageMeta`. A Markdown source without front matter still opens with those lines
 * as paragraphs: they are read here with the same genre rules and leave the tree. What the
 * user wrote in a sidecar or in YAML front matter (`file.data.overrides`) wins over both.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Meta } from '../model.js';
import { dateLine, despace, isSalutation, meetingLine, speakerLine, SALUTATION } from '../genre/front.js';
import { paragraphText, PART, SECTION, SENTENCE_END, HAN } from './text.js';

/** How many leading blocks of a Markdown source can hold front lines. */
const FRONT_LIMIT = 8;

export function reportMetadata() {
  return (tree: Root, file: VFile) => {
    const page: Meta = file.data.pageMeta ?? {};
    const read: Meta = file.data.front ?? {};
    const front: Meta = Object.keys(read).length ? read : leadingLines(tree);
    const user: Meta = file.data.overrides ?? {};

    // The user's word first, then the report's own lines, then the page's.
    const pick = <K extends keyof Meta>(key: K): Meta[K] => user[key] ?? front[key] ?? page[key];
    const meta: Meta = {};
    const title = pick('title');
    let headline = user.headline ?? front.headline;
    // A scraper's 标题 field that names more than the printed title is the page's headline.
    if (!headline && page.title && title && page.title !== title && page.title.includes(title)) headline = page.title;
    for (const [key, value] of [
      ['title', title],
      ['headline', headline],
      ['subtitle', pick('subtitle')],
      ['date', pick('date')],
      ['meeting', pick('meeting')],
      ['speaker', pick('speaker')],
      ['issuer', pick('issuer')],
      ['published', pick('published')],
      ['source', pick('source')],
      ['url', pick('url')],
    ] as const) {
      if (value) (meta as Record<string, unknown>)[key] = value;
    }
    if (!meta.title) file.message('no title found in the report or its page', { place: tree.position?.start, ruleId: 'no-title', source: 'reportpress' });
    file.data.meta = meta;
  };
}

/** Reads and removes the front lines a Markdown source opens with. */
function leadingLines(tree: Root): Meta {
  const front: Meta = {};
  const drop = new Set<RootContent>();
  for (const node of tree.children.slice(0, FRONT_LIMIT)) {
    if (node.type === 'heading') break;
    const text = paragraphText(node);
    if (text === undefined) break;
    if (isSalutation(text) || SALUTATION.test(text) || PART.test(text) || SECTION.test(text)) break;

    const meeting = meetingLine(text);
    if (meeting && !front.subtitle) {
      const { speaker, ...rest } = meeting;
      Object.assign(front, rest);
      if (speaker && !front.speaker) front.speaker = speaker;
      drop.add(node);
      continue;
    }
    const date = dateLine(text);
    if (date && !front.date) {
      front.date = date;
      drop.add(node);
      continue;
    }
    const speaker = speakerLine(text);
    if (speaker && !front.speaker) {
      front.speaker = speaker;
      drop.add(node);
      continue;
    }
    if (!front.title && !front.subtitle && !front.speaker && titleLike(text)) {
      front.title = despace(text);
      drop.add(node);
      continue;
    }
    break;
  }
  tree.children = tree.children.filter((node) => !drop.has(node));
  return front;
}

/** A title: short, no sentence punctuation, mostly Han characters. */
function titleLike(text: string): boolean {
  return text.length <= 60 && !SENTENCE_END.test(text) && !/[，,：:]$/.test(text) && HAN.test(text);
}
