/**
 * Shared by the tests: the fixture reports and their gold labels, and the measures the
 * acceptance criteria use (Han-character subsequence coverage, NFKC folding).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { publish } from '../pipeline/publish.js';
import type { Publication } from '../pipeline/model.js';
import { loadTemplate, type Template } from '../pipeline/templates/index.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SEED = join(ROOT, 'source/panyu-2025.txt');

export interface Case {
  name: string;
  path: string;
  gold: string;
  /** Lines the read stage must drop as web-page chrome (trimmed text). */
  chrome: string[];
}

export const CASES: Case[] = [
  {
    name: 'panyu-2025',
    path: SEED,
    gold: 'panyu-2025',
    chrome: ['• 听全文', '• 2025-03-12', '• 来源:番禺区', '• 分享到', '• -', '相关附件', '相关新闻', '扫一扫在手机打开当前页', '-', '关注 · 广州政府网'],
  },
  {
    name: 'baoding_city_2022',
    path: join(FIXTURES, 'cases/baoding_city_2022.txt'),
    gold: 'baoding_city_2022',
    chrome: ['标题：2022年保定市政府工作报告', '发文单位：保定市人民政府', '发文时间：未知', '来源URL：http://district.ce.cn/newarea/roll/202202/10/t20220210_37319607.shtml', '正文：', '（责任编辑：石兰兰）'],
  },
  { name: 'guangdong_province_2026', path: join(FIXTURES, 'cases/guangdong_province_2026.txt'), gold: 'guangdong_province_2026', chrome: [] },
  { name: 'hailar_district_2016_gbk', path: join(FIXTURES, 'cases/hailar_district_2016_gbk.txt'), gold: 'hailar_district_2016_gbk', chrome: [] },
];

export function gold<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, 'gold', name), 'utf8')) as T;
}

const cache = new Map<string, Publication>();
/** The publication of a fixture, built once per test file. */
export function publication(path: string): Publication {
  let pub = cache.get(path);
  if (!pub) {
    pub = publish(readFileSync(path), path);
    cache.set(path, pub);
  }
  return pub;
}

const templates = new Map<string, Template>();
/** A shipped template (default, official), loaded once per test file. */
export function template(name: string): Template {
  let t = templates.get(name);
  if (!t) templates.set(name, (t = loadTemplate(name, ROOT)));
  return t;
}

/** Text of a fixture, decoded the way a person would (the GBK one from GB18030). */
export function sourceText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Compare text modulo width of punctuation, whitespace and a trailing full stop. */
export function fold(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/[。.]$/, '');
}

export function han(s: string): string {
  return [...s].filter((c) => c >= '\u4e00' && c <= '\u9fff').join('');
}

/**
 * How many paragraphs have their Han characters, in order, as a subsequence of `stream`, each
 * search starting where the previous paragraph ended (the acceptance criteria's measure).
 */
export function coverage(paragraphs: string[], stream: string): { hit: number; total: number; missing: string[] } {
  let pos = 0;
  let hit = 0;
  const missing: string[] = [];
  const counted = paragraphs.filter((p) => han(p));
  for (const p of counted) {
    const h = han(p);
    let i = pos;
    let j = 0;
    while (i < stream.length && j < h.length) {
      if (stream[i] === h[j]) j++;
      i++;
    }
    if (j === h.length) {
      hit++;
      pos = i;
    } else missing.push(p.slice(0, 30));
  }
  return { hit, total: counted.length, missing };
}

/** The body paragraphs of a fixture: every non-blank line but the chrome. */
export function bodyLines(c: Case): string[] {
  const chrome = new Set(c.chrome);
  return sourceText(c.path)
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter((l) => l && !chrome.has(l));
}

export function headings(tree: Root): Array<[number, string]> {
  return tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => [h.depth, toString(h)]);
}

export function plain(node: Nodes): string {
  return toString(node);
}

/** All nodes of a tree, depth first. */
export function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walk(child as Nodes);
}

/** Meta values as text, in key order (the acceptance criteria read metadata this way). */
export function metaText(pub: Publication): string {
  const flat = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? Object.values(v).map(flat).join(' ') : '');
  return flat(pub.meta);
}

let gbTable: Map<string, number[]> | undefined;
/** GB18030 bytes of `s` (Node decodes GB18030 but cannot encode it, so the table is built by decoding). */
export function gb18030(s: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
    }
    // Four-byte forms cover the rest of the BMP (•, some punctuation and symbols).
    for (let b1 = 0x81; b1 <= 0x84; b1++)
      for (let b2 = 0x30; b2 <= 0x39; b2++)
        for (let b3 = 0x81; b3 <= 0xfe; b3++)
          for (let b4 = 0x30; b4 <= 0x39; b4++) {
            const ch = dec.decode(new Uint8Array([b1, b2, b3, b4]));
            if (ch.length === 1 && !gbTable.has(ch)) gbTable.set(ch, [b1, b2, b3, b4]);
          }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const bytes = code < 0x80 ? [code] : gbTable.get(ch);
    if (!bytes) throw new Error(`no two-byte GB18030 form for ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

/**
 * fast-check settings for a property test. `make test` runs the property with a fixed seed, so
 * CI is reproducible and a red run always means a change broke something; `make fuzz` (FUZZ=n)
 * runs n times as many cases from a fresh random seed, which is how new counterexamples are
 * found (fast-check prints the seed and path to replay one).
 */
export function properties(numRuns: number, seed: number): { numRuns: number; seed?: number } {
  const fuzz = Number(process.env.FUZZ ?? 0);
  return fuzz > 0 ? { numRuns: numRuns * fuzz } : { numRuns, seed };
}
