/**
 * What the user says about a report, beside it: `source/<name>.yaml` for a plain-text source,
 * or the YAML front matter of a Markdown source. The metadata keys override what was found
 * (title, headline, subtitle, date, meeting, speaker, issuer, published, source, url); `keep`
 * and `remove` (plain text only) override the decision about which source lines are the page:
 *
 *   title: 2026年某市政府工作报告
 *   speaker: 某市市长 张三          # or {role: 某市市长, name: 张三}
 *   remove: [1-9, 120-125]          # lines to drop as page
 *   keep: [15]                      # lines to keep as report
 */
import { parseDocument } from 'yaml';
import type { Meta, Speaker } from '../model.js';
import { ReportError } from '../errors.js';
import { speakerLine } from '../genre/front.js';

export interface Sidecar {
  meta: Meta;
  keep: Array<[number, number]>;
  remove: Array<[number, number]>;
}

const META_KEYS = ['title', 'headline', 'subtitle', 'date', 'meeting', 'issuer', 'published', 'source', 'url'] as const;
const KEYS = new Set<string>([...META_KEYS, 'speaker', 'keep', 'remove']);

/**
 * Parses sidecar YAML. `firstLine` is where the YAML starts in `path` (front matter starts on
 * line 2), so messages name the right line. `ranges` is false for front matter.
 */
export function parseSidecar(source: string, path: string, firstLine = 1, ranges = true): Sidecar {
  const doc = parseDocument(source, { uniqueKeys: true });
  const lineOf = (offset: number | undefined) => firstLine + (offset === undefined ? 0 : source.slice(0, offset).split('\n').length - 1);
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new ReportError({ file: path, line: lineOf(error.pos[0]) }, `not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const result: Sidecar = { meta: {}, keep: [], remove: [] };
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) throw new ReportError({ file: path, line: firstLine }, 'must be a mapping of keys to values (title: …, speaker: …)');
  const record = data as Record<string, unknown>;
  const keyLine = (key: string) => {
    const pair = (doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number] } }> } | null)?.items?.find((item) => item.key?.value === key);
    return lineOf(pair?.key?.range?.[0]);
  };
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key) || (!ranges && (key === 'keep' || key === 'remove'))) {
      const known = [...KEYS].filter((k) => ranges || (k !== 'keep' && k !== 'remove'));
      throw new ReportError({ file: path, line: keyLine(key) }, `unknown key "${key}" (known: ${known.join(', ')})`);
    }
  }
  for (const key of META_KEYS) {
    const value = record[key];
    if (value instanceof Date) result.meta[key] = value.toISOString().slice(0, 10);
    else if (value !== undefined && value !== null) result.meta[key] = String(value);
  }
  const speaker = speakerValue(record.speaker);
  if (speaker) result.meta.speaker = speaker;
  else if (record.speaker !== undefined && record.speaker !== null) throw new ReportError({ file: path, line: keyLine('speaker') }, 'speaker must be "role name" or {role, name}');
  for (const key of ['keep', 'remove'] as const) {
    if (record[key] === undefined || record[key] === null) continue;
    const list = Array.isArray(record[key]) ? (record[key] as unknown[]) : [record[key]];
    for (const item of list) {
      const range = lineRange(item);
      if (!range) throw new ReportError({ file: path, line: keyLine(key) }, `${key} takes line numbers or ranges such as 3 or 1-9, not "${String(item)}"`);
      result[key].push(range);
    }
  }
  return result;
}

function speakerValue(value: unknown): Speaker | undefined {
  if (typeof value === 'string' && value.trim()) return speakerLine(value.trim()) ?? { name: value.trim() };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const s = value as Record<string, unknown>;
    if (s.name) return { ...(s.role ? { role: String(s.role) } : {}), name: String(s.name) };
  }
  return undefined;
}

function lineRange(item: unknown): [number, number] | undefined {
  if (typeof item === 'number' && Number.isInteger(item) && item > 0) return [item, item];
  const m = typeof item === 'string' ? /^\s*(\d+)\s*(?:[-–~]\s*(\d+))?\s*$/.exec(item) : null;
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from > 0 && to >= from ? [from, to] : undefined;
}
