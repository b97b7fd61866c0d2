/**
 * Phrasing content -> runs. Formatting nodes (strong, emphasis, delete) only add a mark for
 * the runs below them; text becomes runs carrying the marks.
 */
import { FootnoteReferenceRun, TextRun, type ParagraphChild } from 'docx';
import type { Break, Delete, Emphasis, FootnoteReference, Image, ImageReference, InlineCode, LinkReference, Strong, Text } from 'mdast';
import type { InlineHandler, Marks } from '../types.js';
import { CHAR_STYLES } from '../styles.js';
import { textRuns } from '../fallback.js';

export const runOptions = (marks: Marks) => ({
  ...(marks.bold ? { bold: true } : {}),
  ...(marks.italics ? { italics: true } : {}),
  ...(marks.strike ? { strike: true } : {}),
  ...(marks.superScript ? { superScript: true } : {}),
  ...(marks.style ? { style: marks.style } : {}),
});

/** A line break inside text (Markdown soft break): nothing between Chinese characters, else a space. */
function unwrap(value: string): string {
  return value.replace(/([^\x00-\x7f])?\s*\n\s*([^\x00-\x7f])?/g, (_, a = '', b = '') => (a && b ? a + b : `${a}${a || b ? ' ' : ''}${b}`));
}

export const text: InlineHandler<Text> = (state, node, marks): ParagraphChild[] => {
  const value = unwrap(node.value);
  return value ? textRuns(value, runOptions(marks), state.fallback) : [];
};

export const hardBreak: InlineHandler<Break> = (): ParagraphChild[] => [new TextRun({ break: 1 })];

export const strong: InlineHandler<Strong> = (state, node, marks) => state.inline(node.children, { ...marks, bold: true });
export const emphasis: InlineHandler<Emphasis> = (state, node, marks) => state.inline(node.children, { ...marks, italics: true });
export const strike: InlineHandler<Delete> = (state, node, marks) => state.inline(node.children, { ...marks, strike: true });

export const inlineCode: InlineHandler<InlineCode> = (_state, node, marks) => [new TextRun({ text: node.value, ...runOptions({ ...marks, style: CHAR_STYLES.code }) })];

/** A reference-style link whose definition was not resolved: its text. */
export const linkReference: InlineHandler<LinkReference> = (state, node, marks) => state.inline(node.children, marks);

/** Images are not embedded (the pipeline has none); their alt text stands in, and the build is told. */
export const image: InlineHandler<Image> = (state, node, marks) => {
  state.warn(`docx: image ${node.url} is not embedded; its alt text is kept`);
  return node.alt ? [new TextRun({ text: `[${node.alt}]`, ...runOptions(marks) })] : [];
};

export const footnoteReference: InlineHandler<FootnoteReference> = (state, node) => [new FootnoteReferenceRun(state.footnote(node.identifier))];

/** An image by reference: its alt text, like an image. */
export const imageReference: InlineHandler<ImageReference> = (state, node, marks) => image(state, { type: 'image', url: node.identifier, alt: node.alt ?? null }, marks);
