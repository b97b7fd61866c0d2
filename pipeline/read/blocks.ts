/**
 * Lines -> blocks (the future paragraphs).
 *
 * Pages come in two shapes. Most separate paragraphs with blank lines; then the lines of one
 * block belong together (a table cell listing 1. 2. 3. keeps them as separate lines). Others
 * put every paragraph on one line with no blank lines at all; then each line is a block.
 *
 * In both shapes, markup that was inline on the page (a bold phrase, a subscript in PM2.5, a
 * subtitle wrapped by the layout) can arrive as fragments on lines of their own. Fragments
 * are glued back when the seam cannot be a paragraph end: the line stops on 的, the next line
 * starts with closing punctuation or with 是：, a Latin word is followed by a bare number
 * (PM / 2.5), or a meeting line starting with a dash is finished by the next line.
 */
import type { Line } from './lines.js';

export interface Block {
  /** The block's lines; more than one means hard line breaks inside the block. */
  lines: Line[];
}

/** Seams between adjacent non-blank lines. */
type Seam = 'join' | 'break' | 'split';

const TERMINAL = /[。！？：；!?:;…”』」）)]$/;
const CLOSING_START = /^[，。、；：？！）》」』”’,.;:?!)]/;
const CONTINUATION_START = /^是[:：]/;
const DANGLING_END = /的$/;
const LATIN_END = /[A-Za-z]$/;
const NUMBER_ONLY = /^[0-9][0-9.]*$/;
const DASH_START = /^[—―–-]{1,2}/;
/** A clause mark ends a line only where the page cut a sentence (a bold phrase, a wrap). */
const CLAUSE_END = /[，、,]$/;
/** An opening bracket or a heading number alone: the page cut `（` / `三）改革开放…`. */
const CUT_MARKER = /^([（(【\[《“]|[（(][一二三四五六七八九十\d]{1,3}[）)]?|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])$/;
/** Starts of lines that always begin a new block, even without a blank line before them. */
const HEADING_START = /^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/;

export function toBlocks(lines: Line[]): Block[] {
  const blankSeparated = usesBlankLines(lines);
  const blocks: Block[] = [];
  let current: Line[] = [];
  let glueNext = false;

  const flush = () => {
    if (current.length > 0) blocks.push({ lines: current });
    current = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      flush();
      glueNext = false;
      continue;
    }
    const prev = current[current.length - 1];
    if (!prev) {
      current.push({ ...line });
      continue;
    }
    // Only the end of a line that grew by joins decides the next seam: testing the whole
    // of it at every join would take quadratic time on a page of many cut lines.
    const seam: Seam = glueNext ? 'join' : decide(tail(prev.text), line.text, blankSeparated);
    glueNext = false;
    if (seam === 'join') {
      // A subscript number glues on both sides: "PM" + "2.5" + "年平均浓度".
      if (LATIN_END.test(prev.text) && NUMBER_ONLY.test(line.text)) glueNext = true;
      prev.text = prev.text + line.text;
    } else if (seam === 'break') {
      current.push({ ...line });
    } else {
      flush();
      current.push({ ...line });
    }
  }
  flush();
  return joinCutMarkers(blocks);
}

/** A block that is only an opening bracket or a number the page cut from its heading. */
function joinCutMarkers(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (next && block.lines.length === 1 && CUT_MARKER.test(block.lines[0]!.text) && !CUT_MARKER.test(next.lines[0]!.text)) {
      const [first, ...rest] = next.lines;
      out.push({ lines: [{ ...block.lines[0]!, text: block.lines[0]!.text + first!.text }, ...rest] });
      i++;
      continue;
    }
    out.push(block);
  }
  return out;
}

/** The last characters of a line: enough for every rule, which looks at how a line ends. */
function tail(text: string): string {
  return text.length > 120 ? text.slice(-120) : text;
}

function decide(prev: string, next: string, blankSeparated: boolean): Seam {
  if (isFragmentSeam(prev, next)) return 'join';
  if (!blankSeparated) return 'split';
  return HEADING_START.test(next) ? 'split' : 'break';
}

function isFragmentSeam(prev: string, next: string): boolean {
  if (CUT_MARKER.test(prev)) return true;
  if (CLAUSE_END.test(prev) && !HEADING_START.test(next)) return true;
  if (unfinished(prev) && !HEADING_START.test(next) && !ENTRY_START.test(next)) return true;
  if (TERMINAL.test(prev)) return false;
  if (CLOSING_START.test(next) || CONTINUATION_START.test(next)) return true;
  if (LATIN_END.test(prev) && NUMBER_ONLY.test(next)) return true;
  if (DASH_START.test(prev) && !/上$/.test(prev) && /(会议|大会|会)上$/.test(next) && next.length <= 30) return true;
  return DANGLING_END.test(prev) && !HEADING_START.test(next);
}

/**
 * A long line of prose that stops without a sentence end: the page cut it (a word set in bold,
 * a wrap). Titles and headings are short or numbered, so they never qualify.
 */
function unfinished(line: string): boolean {
  return line.length >= 40 && /[，、；,;]/.test(line) && !TERMINAL.test(line) && !HEADING_START.test(line) && !ENTRY_START.test(line);
}

/** Starts of numbered entries and table serials, which begin a block of their own. */
const ENTRY_START = /^(\d{1,3}[.．、]?(?!\d)|\[\d{1,3}\]|[（(]\d{1,3}[）)]|[①-⑳])/;

/** True when paragraphs are separated by blank lines, rather than one paragraph per line. */
function usesBlankLines(lines: Line[]): boolean {
  let nonBlank = 0;
  let followedByText = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.text === '') continue;
    nonBlank++;
    if (lines[i + 1] && lines[i + 1]!.text !== '') followedByText++;
  }
  return nonBlank > 0 && followedByText / nonBlank < 0.5;
}
