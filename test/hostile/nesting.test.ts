/**
 * Issue 17, group 4: Markdown nesting and unmatched delimiters are bounded before parsing, so
 * a small hostile file fails at once with its line instead of taking minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../pipeline/errors.js';
import { MAX_DELIMITERS, MAX_NESTING, checkNesting, lineNesting } from '../../pipeline/parse/depth.js';
import { publish } from '../../pipeline/publish.js';
import { properties } from '../helpers.js';

const md = (text: string) => new TextEncoder().encode(text);

function refusal(text: string): ReportError {
  try {
    publish(md(text), 'bomb.md');
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('not refused');
}

describe('nesting depth', () => {
  it('counts list and quote markers and the indentation before them', () => {
    expect(lineNesting('- a')).toBe(1);
    expect(lineNesting('- - > 1. a')).toBe(4);
    expect(lineNesting('    - a')).toBe(3);
    expect(lineNesting('        code, not nesting')).toBe(0);
    expect(lineNesting('-not a list')).toBe(0);
  });

  it('refuses 20 KB of nested list markers at once, naming the line', () => {
    const started = performance.now();
    const error = refusal('# 标题\n\n正文。\n\n' + '- '.repeat(10000) + 'x\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.format()).toMatch(new RegExp(`^bomb\\.md:5: error: lists or quotes nested more than ${MAX_NESTING} levels`));
  });

  it('refuses nesting built up by indentation, and deep quotes', () => {
    expect(refusal(Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- x`).join("\n")).line).toBe(MAX_NESTING + 1);
    expect(refusal('>'.repeat(5000) + ' x\n').line).toBe(1);
  });

  it('builds ordinary nesting', () => {
    const pub = publish(md('# 一、总体\n\n- a\n  - b\n    - c\n      > d\n'), 'ok.md');
    expect(JSON.stringify(pub.tree)).toContain('"d"');
  });
});

describe('unmatched emphasis and brackets', () => {
  it('are refused past the limit, naming the paragraph', () => {
    const started = performance.now();
    expect(refusal('正文。\n\n' + '*a '.repeat(10000) + 'x\n').format()).toMatch(/^bomb\.md:3: error: paragraph has more than \d+ emphasis markers/);
    expect(refusal('[['.repeat(MAX_DELIMITERS) + '\n').message).toMatch(/link brackets/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('are counted per paragraph', () => {
    const many = Array.from({ length: 5 }, () => '*强调* '.repeat(MAX_DELIMITERS / 4)).join('\n\n');
    expect(() => checkNesting(many, 'ok.md')).not.toThrow();
  });
});

describe('any nesting (make fuzz runs more cases)', () => {
  it('builds or is refused with a ReportError, never a stack overflow', () => {
    const piece = fc.constantFrom('- ', '* ', '> ', '1. ', '  ', '\t', '*', '_', '[', ']', '(', ')', '文', 'x', '\n', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (pieces, repeat) => {
        const text = '正文。\n\n' + pieces.join('').repeat(repeat);
        try {
          publish(md(text), 'fuzz.md');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
      properties(20, 20261206),
    );
  });
});
