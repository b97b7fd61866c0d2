import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { cnDate, cnNumber, formatNumber } from '../../pipeline/templates/helpers.js';
import { cacheFile, compileCached } from '../../pipeline/templates/precompiled.js';

describe('Handlebars helpers for the genre', () => {
  it.each([[0, '零'], [7, '七'], [10, '十'], [12, '十二'], [20, '二十'], [35, '三十五'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [999, '九百九十九']])('cnNumber %i', (n, s) => {
    expect(cnNumber(n)).toBe(s);
  });
  it('cnDate', () => {
    expect(cnDate('2025-02-26')).toBe('2025年2月26日');
    expect(cnDate(undefined)).toBe('');
  });
  it('number', () => {
    expect(formatNumber(3070.56)).toBe('3,070.56');
    expect(formatNumber(1234567, 0)).toBe('1,234,567');
    expect(formatNumber('x')).toBe('x');
  });
});

describe('precompiled Handlebars (templates/precompiled.ts)', () => {
  it('renders what Handlebars.compile renders, from a fresh compile and from the cache, and survives a damaged cache file', () => {
    const source = `<p>{{title}}</p>{{#each items}}<i>{{this}}</i>{{/each}}{{> note}}{{{raw}}}${Math.random()}`;
    const env = () => {
      const e = Handlebars.create();
      e.registerPartial('note', '<b>{{note}}</b>');
      return e;
    };
    const data = { title: '<政府>', items: ['一', '二'], note: '注', raw: '<br/>' };
    const expected = env().compile(source)(data);
    expect(compileCached(env(), source)(data)).toBe(expected);
    expect(compileCached(env(), source)(data)).toBe(expected);
    expect(existsSync(cacheFile(source))).toBe(true);
    writeFileSync(cacheFile(source), '{ broken');
    expect(compileCached(env(), source)(data)).toBe(expected);
    expect(readFileSync(cacheFile(source), 'utf8')).not.toBe('{ broken');
  });
});
