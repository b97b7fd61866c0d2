import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { LAYOUT, STYLE_NAMES } from '../../pipeline/templates/schema.js';
import { suggest } from '../../pipeline/templates/suggest.js';
import { MM } from '../../pipeline/templates/units.js';

/** The first issue of parsing `data` as a layout file: its key path and message. */
function problem(data: unknown): string {
  const result = v.safeParse(LAYOUT, data);
  if (result.success) throw new Error('parsed without an issue');
  const issue = result.issues[0];
  return `${(issue.path ?? []).map((item) => item.key).join('.')}: ${issue.message}`;
}

describe('layout schema', () => {
  it('fills the defaults of every key a file leaves out', () => {
    const layout = v.parse(LAYOUT, {});
    expect(layout.page.size).toEqual([210, 297]);
    expect(layout.page.orientation).toBe('portrait');
    expect(layout.page.margin.top).toBeCloseTo(25 * MM, 9);
    expect(layout.styles.body).toMatchObject({ font: 'serif', size: 11, bold: false, lineHeight: { multiple: 1.75 }, align: 'justify' });
    // Other roles take what they leave out from body, later: the schema gives them nothing.
    expect(layout.styles.title).toBeUndefined();
    expect(layout.cover.lines.map((line) => line.style)).toEqual(['title', 'subtitle', 'speaker']);
    expect(layout.table.stripeFill).toBeNull();
    expect(layout.fonts).toEqual({});
  });

  it('turns units, 字号 and paper names into points and millimetres', () => {
    const layout = v.parse(LAYOUT, {
      page: { size: 'a5', margin: { top: '37mm', left: '2.5cm', right: '1in', bottom: 30 } },
      styles: { body: { size: '三号', lineHeight: '28.9pt', characterSpacing: '-0.76pt', color: '#ABCDEF' }, title: { size: '二号', lineHeight: 1.4 } },
    });
    expect(layout.page.size).toEqual([148, 210]);
    expect(layout.page.margin).toEqual({ top: 37 * MM, left: 25 * MM, right: 72, bottom: 30 });
    expect(layout.styles.body).toMatchObject({ size: 16, lineHeight: { exact: 28.9 }, characterSpacing: -0.76, color: '#abcdef' });
    expect(layout.styles.title).toEqual({ size: 22, lineHeight: { multiple: 1.4 } });
  });

  it.each([
    [{ toc: { depth: 7 } }, 'toc.depth: must be at most 4'],
    [{ toc: { depth: 1.5 } }, 'toc.depth: expected a whole number'],
    [{ styles: { heading1: { size: 'huge' } } }, 'styles.heading1.size: expected a font size: points, a length, or a 字号 such as 三号'],
    [{ page: { margin: { top: '2 furlongs' } } }, 'page.margin.top: expected a length such as 12pt, 25mm or 1in'],
    [{ table: { borderColor: 'red' } }, 'table.borderColor: expected a colour such as #1a1a1a, or null'],
    [{ header: { align: 'middle' } }, 'header.align: expected one of left, center, right, outside, inside'],
    [{ footer: { text: '{{#if page}}' } }, 'footer.text: Handlebars: Parse error on line 1:'],
    [{ page: 'A4' }, 'page: expected a mapping of keys'],
  ])('rejects a bad value: %j', (data, message) => {
    expect(problem(data)).toBe(message);
  });

  it('names an unknown key with the nearest known one, or lists the keys when none is near', () => {
    expect(problem({ page: { orientaton: 'portrait' } })).toBe('page.orientaton: unknown key (did you mean "orientation"?)');
    expect(problem({ styles: { heading5: {} } })).toBe('styles.heading5: unknown key (did you mean "heading1"?)');
    expect(suggest('paper', ['size', 'orientation', 'margin'])).toBe(' (known keys: size, orientation, margin)');
  });

  it('requires a font\'s regular face and a cover line\'s text', () => {
    expect(problem({ fonts: { kai: { bold: 'kai-bold.ttf' } } })).toBe('fonts.kai.regular: missing key "regular"');
    expect(problem({ cover: { lines: [{ style: 'title' }] } })).toBe('cover.lines.0.text: missing key "text"');
  });

  it('knows every style role, body first', () => {
    expect(STYLE_NAMES[0]).toBe('body');
    expect(STYLE_NAMES).toHaveLength(20);
  });
});
