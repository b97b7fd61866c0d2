/**
 * Our own line breaking (text/) and table column widths (table/), on their own: the 禁则
 * hold for any text, nothing is lost, lines keep to their measure, and the finer rules
 * (squeezing closing punctuation, no lone last character, balanced centred lines) do what
 * they say.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakOpportunities, NO_END, NO_START } from '../../../pipeline/render/pdf/text/breaks.js';
import { breakLines, extent, type Span } from '../../../pipeline/render/pdf/text/lines.js';
import { StyleBook } from '../../../pipeline/render/pdf/styles.js';
import { columnWidths } from '../../../pipeline/render/pdf/table/widths.js';
import { template } from './helpers.js';
import { properties } from '../../helpers.js';

const styles = new StyleBook(template('default').layout);
const body = styles.text('body');
const em = body.size + body.characterSpacing;
const spans = (text: string): Span[] => [{ text, style: body }];
const linesOf = (text: string, width: number, indent = 0) => {
  const b = breakLines(spans(text), width, indent);
  return b.lines.map((l) => b.text.slice(l.from, l.to));
};

describe('break opportunities', () => {
  const may = (text: string) => [...breakOpportunities(text)].slice(1, text.length).map(Boolean);

  it('allow a break between ideographs but not before closing or after opening punctuation', () => {
    expect(may('政府工作')).toEqual([true, true, true]);
    expect(may('工作，报告')).toEqual([true, false, true, true]);
    expect(may('推进“双微改造”')).toEqual([true, true, false, true, true, true, false]);
  });

  it('keep numbers, Latin words, 2-em dashes and ellipses whole, and break after a space', () => {
    expect(may('增长3070.56亿')).toEqual([true, true, false, false, false, false, false, false, true]);
    expect(may('产业——时尚')).toEqual([true, true, false, true, true]);
    expect(may('等等……了')).toEqual([true, true, false, true]);
    expect(may('PM2.5 浓度')).toEqual([false, false, false, false, false, true, true]);
  });
});

describe('line breaking', () => {
  const alphabet = fc.constantFrom(...'政府工作报告全面推进改革发展经济社会', ...'，。、；：？！）》」’”（《「‘“', ...'0123456789.%', ' ', 'AB');
  const paragraph = fc.array(alphabet, { minLength: 1, maxLength: 300 }).map((a) => a.join(''));

  it('keeps the rules on any text, loses nothing and keeps every line to its measure', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 6, max: 40 }), (text, chars) => {
        const width = chars * em;
        const broken = breakLines(spans(text), width, 2 * em);
        const fit = (s: string) => extent(spans(s)).max;
        let rebuilt = '';
        const may = breakOpportunities(broken.text);
        broken.lines.forEach((line, i) => {
          const s = broken.text.slice(line.from, line.to);
          rebuilt += broken.text.slice(i === 0 ? 0 : broken.lines[i - 1]!.to, line.to);
          // A break where the rules forbid one only splits a run that has no allowed break at all.
          const prev = broken.lines[i - 1];
          const split = !!prev && !prev.forced && ![...may.slice(prev.from + 1, prev.to)].some(Boolean);
          if (i > 0 && s && !split) expect(NO_START.has(s[0]!) && /[^\s]/.test(broken.text.slice(prev!.from, line.from)), s).toBe(false);
          const splits = !line.forced && ![...may.slice(line.from + 1, line.to)].some(Boolean);
          if (!line.last && s && !splits) expect(NO_END.has(s[s.length - 1]!), s).toBe(false);
          // Over the measure only by squeezed closing punctuation, or by a piece that cannot break.
          if (fit(s) > line.room + 0.01) {
            const overflowOk = NO_START.has(s[s.length - 1]!) || !/[^\x21-\x7e]/.test(s);
            expect(overflowOk || s.length === 1, s).toBe(true);
          }
        });
        expect(rebuilt.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      properties(300, 20251127),
    );
  });

  it('does not squeeze a closing mark in when the line after the space would start with another', () => {
    // Found by fuzzing: "） ：" broke after the space, leaving "：" to open the next line.
    const lines = linesOf('政政政政） ：', 6 * em, 2 * em);
    expect(lines.slice(1).every((l) => !NO_START.has(l[0]!))).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe('政政政政）：');
  });

  it('squeezes a closing mark into a full line rather than leaving a gap', () => {
    const lines = linesOf('一二三四五六七八九十。一二三', 10 * em);
    expect(lines[0]).toBe('一二三四五六七八九十。');
  });

  it('does not end a paragraph on a lone character', () => {
    const lines = linesOf('一二三四五六七八九十一二三四五六七八九十用。', 10 * em);
    expect(lines.at(-1)!.replace(/。/, '').length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('一二三四五六七八九十一二三四五六七八九十用。');
  });

  it('balances centred lines', () => {
    const b = breakLines(spans('二〇二五年二月二十六日在某某区第十八届人民代表大会第五次会议上'), 20 * em, 0, { balance: true });
    const lengths = b.lines.map((l) => l.to - l.from);
    expect(lengths.length).toBe(2);
    expect(Math.abs(lengths[0]! - lengths[1]!)).toBeLessThanOrEqual(1);
  });

  it('honours hard breaks', () => {
    const b = breakLines(spans('第一行\n第二行'), 20 * em, 0);
    expect(b.lines.map((l) => [b.text.slice(l.from, l.to), l.forced])).toEqual([['第一行', true], ['第二行', false]]);
  });
});

describe('table column widths', () => {
  it('gives short columns what they need and the rest to where it shortens the table', () => {
    const need = [{ min: 20, max: 20 }, { min: 20, max: 40 }, { min: 10, max: 300 }, { min: 10, max: 1500 }];
    const cells = [[[20], [20], [40], [40]], ...Array.from({ length: 10 }, () => [[10], [40], [300], [1500]])];
    const widths = columnWidths(need, cells, 450, 10);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(450, 6);
    expect(widths[0]).toBe(20);
    expect(widths[1]).toBe(40);
    expect(widths[3]!).toBeGreaterThan(widths[2]!);
  });

  it('spreads spare room in proportion when everything fits', () => {
    expect(columnWidths([{ min: 10, max: 50 }, { min: 10, max: 150 }], [[[50], [150]]], 400, 10)).toEqual([100, 300]);
  });
});

describe('punctuation compression', () => {
  const halves = (text: string, chars = 40) => {
    const b = breakLines(spans(text), chars * em, 0);
    return [...b.text].filter((_, i) => b.half[i]).join('');
  };

  it('sets a closing mark before another mark, and an opening mark after another, in half an em', () => {
    expect(halves('他说“好”。我们')).toBe('”');
    expect(halves('完成。“三隧一路”，全面（含“两区”）、推进')).toBe('。””）');
    expect(halves('《“十四五”》规划')).toBe('“”');
  });

  it('leaves a mark between ideographs, and a superscript, at full width', () => {
    expect(halves('政府，工作。报告（一）')).toBe('');
    const b = breakLines([{ text: '报告', style: body }, { text: '）', style: body, sup: true }, { text: '。', style: body }], 40 * em, 0);
    expect([...b.half]).toEqual([0, 0, 0, 0]);
  });

  it('counts a pair as 1.5 em when breaking', () => {
    // Nine ideographs and a compressed pair (a hair over 1.5 em: compress.ts) fill the line.
    const lines = linesOf('一二三四五六七八九”，十一二', 10.55 * em);
    expect(lines[0]).toBe('一二三四五六七八九”，');
  });

  it('squeezes a mark in at a line end by the blank half of another closing mark before tightening', () => {
    const b = breakLines(spans('一二三，四五六七八九十。一二三'), 11.5 * em, 0);
    expect(b.text.slice(b.lines[0]!.from, b.lines[0]!.to)).toBe('一二三，四五六七八九十。');
    expect([b.half[3], b.half[11]]).toEqual([1, 0]);
  });

  it('sets the mark that ends a line at full width, even one of a pair parted by the break', () => {
    const b = breakLines(spans('一二三四五六七八九。“十一”'), 10 * em, 0);
    expect(b.text.slice(b.lines[0]!.from, b.lines[0]!.to)).toBe('一二三四五六七八九。');
    expect(b.half[9]).toBe(0);
  });

  it('breaks by whole cells on a grid, compressed pairs counted whole', () => {
    const b = breakLines(spans('一二三四五六七八”，一二三四五六七八九十'), 10 * em, 0, { grid: true });
    expect(b.text.slice(b.lines[0]!.from, b.lines[0]!.to)).toBe('一二三四五六七八”，');
    expect(b.half[8]).toBe(1);
  });
});

describe('display lines', () => {
  const balanced = (text: string, chars: number) => {
    const b = breakLines(spans(text), chars * em, 0, { balance: true });
    return b.lines.map((l) => b.text.slice(l.from, l.to));
  };

  it('break a centred line between words, keeping ordinals and place names whole', () => {
    const subtitle = '——2025年2月26日在番禺区第十八届人民代表大会第五次会议上';
    for (let chars = 14; chars <= 28; chars++) {
      const lines = balanced(subtitle, chars);
      expect(lines.join('')).toBe(subtitle);
      for (let i = 1; i < lines.length; i++) {
        const seam = lines[i - 1]!.slice(-3) + '|' + lines[i]!.slice(0, 3);
        expect(seam, `${chars}: ${lines.join(' / ')}`).not.toMatch(/第\||第[十八五]\||\|[十八]?[届次]|番禺\|区|\d\|[年月日]/);
      }
    }
  });
});
