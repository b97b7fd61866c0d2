/**
 * Reliability: odd but valid input builds the same structure; mutated input either builds
 * with every remaining paragraph kept or fails with a clean error, never a crash; a build that
 * fails part-way leaves earlier outputs exactly as they were.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publish } from '../pipeline/publish.js';
import { read } from '../pipeline/read/index.js';
import { ReportError } from '../pipeline/errors.js';
import { buildSource, cleanupPending, writeAtomically } from '../pipeline/build.js';
import { loadTemplate } from '../pipeline/templates/index.js';
import { coverage, gb18030, han, headings, metaText, plain, properties, SEED, walk } from './helpers.js';

const seedText = readFileSync(SEED, 'utf8');
const base = publish(new TextEncoder().encode(seedText), SEED);

describe('odd but valid input', () => {
  const variants: Array<[string, Uint8Array]> = [
    ['GB18030', gb18030(seedText)],
    ['CRLF', new TextEncoder().encode(seedText.replace(/\n/g, '\r\n'))],
    ['lone CR', new TextEncoder().encode(seedText.replace(/\n/g, '\r'))],
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seedText)])],
    ['U+3000 and NBSP indentation', new TextEncoder().encode(seedText.replace(/^ {2}/gm, '\u3000\u3000').replace(/^(?=二、)/m, '\u00a0'))],
  ];
  it.each(variants)('%s gives the same outline and metadata as UTF-8', (_name, bytes) => {
    const pub = publish(bytes, 'variant.txt');
    expect(headings(pub.tree)).toEqual(headings(base.tree));
    expect(pub.meta).toEqual(base.meta);
  });

  it('keeps Markdown and HTML lookalikes as plain paragraphs', () => {
    const evil = seedText.replace('各位代表:\n', '各位代表:\n\n# 不是标题\n\n* 不是列表\n\n> 不是引用\n\n<script>alert(1)</script>\n\n| 不 | 是 |\n\n');
    const pub = publish(new TextEncoder().encode(evil), 'evil.txt');
    expect(headings(pub.tree)).toEqual(headings(base.tree));
    const kinds = (t: typeof pub.tree) => [...walk(t)].filter((n) => ['list', 'blockquote', 'html', 'code'].includes(n.type)).length;
    expect(kinds(pub.tree)).toBe(kinds(base.tree));
    expect(plain(pub.tree)).toContain('<script>alert(1)</script>');
  });

  it('builds a report of very long lines', () => {
    const long = '标题\n\n各位代表：\n\n一、工作回顾\n\n' + '这是一句很长的话，'.repeat(20000) + '完。\n';
    const pub = publish(new TextEncoder().encode(long), 'long.txt');
    expect(han(plain(pub.tree)).length).toBeGreaterThan(160000);
  });
});

describe('mutated input (property-based)', () => {
  const lines = seedText.split('\n');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  );

  function apply(ms: Array<fc.Arbitrary<unknown> extends never ? never : any>): Uint8Array {
    let current = [...lines];
    let flips: Array<{ at: number; byte: number }> = [];
    for (const m of ms) {
      const at = current.length ? m.at % current.length : 0;
      if (m.kind === 'drop') current.splice(at, m.count);
      else if (m.kind === 'duplicate') current.splice(at, 0, ...current.slice(at, at + m.count));
      else if (m.kind === 'insert') current.splice(at, 0, m.text);
      else if (m.kind === 'shuffle') {
        let s = m.seed + 1;
        for (let i = current.length - 1; i > 0; i--) {
          s = (s * 48271) % 2147483647;
          const j = s % (i + 1);
          [current[i], current[j]] = [current[j]!, current[i]!];
        }
      } else flips.push(m);
    }
    const bytes = new TextEncoder().encode(current.join('\n'));
    for (const f of flips) if (bytes.length) bytes[f.at % bytes.length] = f.byte;
    return bytes;
  }

  it('builds with every remaining paragraph kept, or fails with a clean error', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const bytes = apply(ms);
        let pub;
        try {
          pub = publish(bytes, 'mutant.txt');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
          expect((error as ReportError).file).toBe('mutant.txt');
          return;
        }
        // What the reading drops as the page around the report is said, range by range;
        // everything else must be in the tree or the metadata.
        const input = read(bytes, 'mutant.txt');
        const text = input.text.split('\n');
        const said = pub.diagnostics.filter((d) => d.ruleId === 'page' || d.ruleId === 'second-copy').map((d) => d.place && 'start' in d.place ? [d.place.start.line, d.place.end.line] : []);
        expect(said).toEqual(input.removed.map((r) => [r.from, r.to]));
        const removed = new Set(input.removed.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k)));
        const kept = text.filter((_, i) => !removed.has(i + 1)).map((l) => l.trim()).filter(Boolean);
        const { missing } = coverage(kept, han(metaText(pub) + plain(pub.tree)));
        expect(missing).toEqual([]);
      }),
      properties(300, 20250226),
    );
  });
});

describe('atomic outputs', () => {
  /** A folder holding an earlier build's Markdown, and that file's bytes. */
  async function earlierBuild() {
    const out = mkdtempSync(join(tmpdir(), 'rp-atomic-'));
    const template = loadTemplate('default');
    await buildSource(SEED, { out, formats: ['md'], template });
    const dir = join(out, 'panyu-2025');
    return { out, template, dir, before: readFileSync(join(dir, 'panyu-2025.md')) };
  }

  it('leaves earlier outputs untouched when a format fails after others succeeded', async () => {
    const { out, template, dir, before } = await earlierBuild();
    const failing = async () => {
      throw new Error('disk on fire');
    };
    const changed = async () => [{ path: 'panyu-2025.md', data: 'changed' }];
    await expect(buildSource(SEED, { out, formats: ['md', 'pdf'], template, writers: { md: changed, pdf: failing } })).rejects.toThrow('disk on fire');
    expect(readFileSync(join(dir, 'panyu-2025.md'))).toEqual(before);
    expect(readdirSync(dir)).toEqual(['panyu-2025.md']);
  });

  it('writes nothing when a format rendered elsewhere fails after this thread staged its files', async () => {
    const { out, template, dir, before } = await earlierBuild();
    const changed = async () => [{ path: 'panyu-2025.md', data: 'changed' }, { path: 'html/a.xhtml', data: '<a/>' }];
    // Fails only once this thread's files are staged (a worker finishing late).
    const late = async () => {
      await new Promise((r) => setTimeout(r, 200));
      throw new Error('worker crashed');
    };
    await expect(buildSource(SEED, { out, formats: ['md', 'pdf'], template, writers: { md: changed }, concurrent: { pdf: late } })).rejects.toThrow('worker crashed');
    expect(readFileSync(join(dir, 'panyu-2025.md'))).toEqual(before);
    expect(readdirSync(dir)).toEqual(['panyu-2025.md']);
  });

  it('puts the files of every format in place when one was rendered elsewhere', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rp-atomic-'));
    const template = loadTemplate('default');
    const elsewhere = async () => [{ path: 'panyu-2025.pdf', data: new Uint8Array([1, 2, 3]) }];
    const result = await buildSource(SEED, { out, formats: ['md', 'html', 'pdf'], template, concurrent: { pdf: elsewhere } });
    const dir = join(out, 'panyu-2025');
    expect(readdirSync(dir).sort()).toEqual(['html', 'panyu-2025.html', 'panyu-2025.md', 'panyu-2025.pdf']);
    expect([...readFileSync(join(dir, 'panyu-2025.pdf'))]).toEqual([1, 2, 3]);
    expect(result.written).toContain(join(dir, 'panyu-2025.pdf'));
  });

  it('an interrupt in the middle of writing leaves no temporary file behind', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rp-abort-')), 'out');
    const files = Array.from({ length: 40 }, (_, i) => ({ path: i % 2 ? `f${i}.bin` : `html/f${i}.xhtml`, data: new Uint8Array(200_000).fill(i) }));
    const writing = writeAtomically(dir, files).catch((e: Error) => e);
    // Interrupt while the first writes are in flight, as the SIGINT handler does.
    await new Promise((r) => setImmediate(r));
    await cleanupPending({ resume: true });
    await writing;
    // The new set is written beside the output folder: nothing of it may be left there.
    const left = readdirSync(join(dir, '..'), { recursive: true }).map(String).filter((f) => /\.tmp-|\.old-/.test(f));
    expect(left).toEqual([]);
  });

  it('a failed write does not stop later builds in the same process (watch)', async () => {
    const base = mkdtempSync(join(tmpdir(), 'rp-fail-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(base, 'a-file'), 'x');
    await expect(writeAtomically(join(base, 'a-file', 'out'), [{ path: 'x.md', data: 'x' }])).rejects.toThrow();
    expect(await writeAtomically(join(base, 'ok'), [{ path: 'x.md', data: 'x' }])).toEqual([join(base, 'ok', 'x.md')]);
  });

  it('swaps a folder output whole, leaving no stale or temporary files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rp-folder-'));
    const template = loadTemplate('default');
    const two = async () => [{ path: 'html/a.xhtml', data: 'a' }, { path: 'html/b.xhtml', data: 'b' }];
    const one = async () => [{ path: 'html/a.xhtml', data: 'A' }];
    await buildSource(SEED, { out, formats: ['html'], template, writers: { html: two } });
    await buildSource(SEED, { out, formats: ['html'], template, writers: { html: one } });
    const dir = join(out, 'panyu-2025');
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(['html', 'html/a.xhtml']);
    expect(readFileSync(join(dir, 'html/a.xhtml'), 'utf8')).toBe('A');
  });
});
