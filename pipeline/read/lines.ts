/**
 * Text -> numbered lines. Line ends (CRLF, lone CR, LF, U+2028/2029) become one kind, and the
 * indentation web pages use (spaces, tabs, NBSP, U+3000 ideographic space) is dropped: in this
 * genre indentation is presentation, never structure.
 */
export interface Line {
  /** The line without surrounding whitespace; '' for a blank line. */
  text: string;
  /** 1-based line number in the source file. */
  line: number;
  /** 1-based column in the source where `text` starts. */
  column: number;
}

// Characters XML 1.0 forbids or that only ever appear as scraping debris.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff\u200b-\u200d\u2060]/g;
const SPACE = /[\s\u00a0\u3000]+/g;
const EDGE_SPACE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;

export function splitLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  return raw.map((content, i) => {
    const clean = content.replace(INVISIBLE, '');
    const lead = clean.length - clean.replace(/^[\s\u00a0\u3000]+/, '').length;
    return {
      text: clean.replace(EDGE_SPACE, '').replace(SPACE, ' '),
      line: i + 1,
      column: lead + 1,
    };
  });
}
