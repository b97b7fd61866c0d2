import { describe, expect, it } from 'vitest';
import { cnDate, cnNumber, formatNumber } from '../../pipeline/templates/helpers.js';

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
