/**
 * Handlebars helpers for the genre, available in every template and layout string:
 *
 *   {{cnNumber 12}}             十二
 *   {{cnDate date}}             2025年2月26日   (from an ISO date)
 *   {{cnYear date}}             2025年
 *   {{number 3070.56 2}}        3,070.56        (grouped; the second argument fixes decimals)
 *   {{default speaker.name "…"}} the first value that is not empty
 *   {{join list "、"}}          items joined
 *   {{#if (eq a b)}}            equality, for conditions
 */
import type { HelperDelegate } from 'handlebars';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function cnNumber(value: unknown): string {
  const n = Math.trunc(Number(value));
  if (!Number.isFinite(n) || n < 0) return String(value ?? '');
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + cnNumber(rest) : cnNumber(rest));
  }
  return String(n);
}

export function cnDate(value: unknown): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value ?? ''));
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : String(value ?? '');
}

export function formatNumber(value: unknown, decimals?: unknown): string {
  const n = Number(value);
  if (value === undefined || value === null || value === '' || !Number.isFinite(n)) return String(value ?? '');
  const fixed = typeof decimals === 'number' ? n.toFixed(decimals) : String(value);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

/** Handlebars passes an options object last; helpers below drop it. */
const args = (list: unknown[]) => list.slice(0, -1);

export const HELPERS: Record<string, HelperDelegate> = {
  cnNumber: (value: unknown) => cnNumber(value),
  cnDate: (value: unknown) => cnDate(value),
  cnYear: (value: unknown) => {
    const m = /^(\d{4})/.exec(String(value ?? ''));
    return m ? `${m[1]}年` : '';
  },
  number: (...list: unknown[]) => {
    const [value, decimals] = args(list);
    return formatNumber(value, decimals);
  },
  default: (...list: unknown[]) => args(list).find((v) => v !== undefined && v !== null && v !== '') ?? '',
  join: (...list: unknown[]) => {
    const [items, separator] = args(list);
    return Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : '、') : '';
  },
  eq: (...list: unknown[]) => {
    const [a, b] = args(list);
    return a === b;
  },
};
