/**
 * How deeply a Markdown source nests lists and block quotes, checked before it is parsed.
 * remark's parser spends time on every open container for every line, and the writers walk
 * the tree recursively: a 20 KB line of `- - - - …` once took three minutes and then ran out
 * of stack. No report nests more than a few levels, so a line that opens more than
 * MAX_NESTING containers is refused at once, naming the line.
 */
import { ReportError } from '../errors.js';

export const MAX_NESTING = 64;

/** List markers (`-`, `+`, `*`, `1.`, `1)`) and quote markers (`>`) at the start of a line. */
const MARKER = /^(?:[-+*]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]*|^>/;

/**
 * The nesting a line asks for: the containers it opens at its start, plus the ones its
 * indentation continues (two columns each, the least a list item indents its content).
 * A line without a marker opens nothing (an indented line is code or a continuation).
 */
export function lineNesting(line: string): number {
  let at = 0;
  let indent = 0;
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) indent += line[at++] === '\t' ? 4 : 1;
  let markers = 0;
  let rest = line.slice(at);
  for (let m = MARKER.exec(rest); m && markers <= MAX_NESTING; m = MARKER.exec(rest)) {
    markers++;
    rest = rest.slice(m[0].length);
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

/**
 * Emphasis markers (`*`, `_`) and link brackets are matched across a whole paragraph, in
 * time that grows with the square of their number when they do not pair up (10,000 nested
 * `*a ` took over a minute). No report paragraph has hundreds; past MAX_DELIMITERS in one
 * paragraph (lines up to a blank one) the source is refused, naming the paragraph's line.
 */
export const MAX_DELIMITERS = 2000;

export function checkNesting(text: string, file: string): void {
  let line = 1;
  let start = 0;
  let paragraph = 1;
  let emphasis = 0;
  let brackets = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Only the start of a line matters; a long line is not copied whole.
    const depth = lineNesting(text.slice(start, Math.min(end, start + 8 * (MAX_NESTING + 1) + 4096)));
    if (depth > MAX_NESTING) {
      throw new ReportError({ file, line }, `lists or quotes nested more than ${MAX_NESTING} levels deep; reports need a few, so this is refused (flatten the nesting)`);
    }
    if (/^[ \t]*$/.test(text.slice(start, Math.min(end, start + 200))) && text.slice(start, end).trim() === '') {
      paragraph = line + 1;
      emphasis = brackets = 0;
    } else {
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 42 || c === 95) emphasis++; // * _
        else if (c === 91) brackets++; // [
      }
      if (emphasis > MAX_DELIMITERS || brackets > MAX_DELIMITERS) {
        const what = emphasis > MAX_DELIMITERS ? 'emphasis markers (* or _)' : 'link brackets ([)';
        throw new ReportError({ file, line: paragraph }, `paragraph has more than ${MAX_DELIMITERS} ${what}; that many cannot be matched in reasonable time, so this is refused`);
      }
    }
    start = end + 1;
    line++;
  }
}
