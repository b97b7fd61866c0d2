/**
 * The EPUB as the reference checker sees it: epubcheck (W3C/DAISY, the tool stores and
 * distributors run) reports no fatal error, no error and no warning for every fixture with the
 * default template, for the seed with the official one, for a source full of markup
 * lookalikes, for one without a single heading, and for a build with embedded fonts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES, ROOT, SEED, publication } from '../helpers.js';
import { loadTemplate, type Template } from '../../pipeline/templates/index.js';
import { publicationDate } from '../../pipeline/render/shared/dates.js';
import { publish } from '../../pipeline/publish.js';
import type { Publication } from '../../pipeline/model.js';
import { write } from '../../pipeline/render/epub/index.js';

const work = mkdtempSync(join(tmpdir(), 'rp-epub-check-'));
const JAR = '/usr/share/java/epubcheck.jar';

interface Verdict {
  fatals: number;
  errors: number;
  warnings: number;
  messages: string[];
}
const verdicts = new Map<string, Verdict>();

function epubcheck(file: string): Promise<Verdict> {
  return new Promise((resolve, reject) => {
    // A short run: the client compiler alone and the serial collector start the JVM about three
    // times faster than the defaults, with the same verdict.
    const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', JAR, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(out);
      if (!m) return reject(new Error(`epubcheck gave no verdict for ${file}:\n${out.slice(-500)}`));
      resolve({ fatals: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]), messages: out.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)) });
    });
  });
}

async function build(label: string, pub: Publication, template: Template): Promise<string> {
  const [file] = await write(pub, { template, date: publicationDate(pub.meta, {}), warn: () => {} });
  const path = join(work, `${label}.epub`);
  writeFileSync(path, file!.data);
  return path;
}

/** A template that only turns on font embedding. */
function embeddingTemplate(): Template {
  const dir = mkdtempSync(join(work, 'fonts-template-'));
  writeFileSync(join(dir, 'layout.yaml'), `extends: ${join(ROOT, 'templates/default')}\nepub:\n  embedFonts: true\n`);
  return loadTemplate(dir, ROOT);
}

const EVIL = ['<script>alert(1)</script>', 'A & B < C ]]> D', '# 不是标题', '| a | b |', '> 不是引用'];

const jobs: Array<{ label: string; make: () => Promise<string> }> = [];
for (const c of CASES) jobs.push({ label: `${c.name} (default)`, make: () => build(`${c.name}.default`, publication(c.path), loadTemplate('default', ROOT)) });
jobs.push({ label: 'panyu-2025 (official)', make: () => build('panyu-2025.official', publication(SEED), loadTemplate('official', ROOT)) });
jobs.push({
  label: 'markup lookalikes',
  make: () => {
    const text = readFileSync(SEED, 'utf8').replace('各位代表', `${EVIL.join('\n\n')}\n\n各位代表`);
    return build('lookalikes', publish(new TextEncoder().encode(text), 'lookalikes.txt'), loadTemplate('default', ROOT));
  },
});
jobs.push({
  label: 'no headings at all',
  make: () => build('flat', publish(new TextEncoder().encode('一份报告\n\n各位代表：\n\n这是一段没有标题的正文。\n\n另一段正文。\n'), 'flat.txt'), loadTemplate('default', ROOT)),
});
jobs.push({ label: 'embedded fonts', make: () => build('fonts', publication(SEED), embeddingTemplate()) });

beforeAll(async () => {
  const files = await Promise.all(jobs.map(async (j) => [j.label, await j.make()] as const));
  // One JVM per core at a time: each takes a core and a few hundred MB.
  const width = Math.max(1, availableParallelism());
  for (let i = 0; i < files.length; i += width) {
    const batch = files.slice(i, i + width);
    const results = await Promise.all(batch.map(([, file]) => epubcheck(file)));
    batch.forEach(([label], k) => verdicts.set(label, results[k]!));
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('epubcheck', () => {
  it.each(jobs.map((j) => j.label))('%s: 0 fatal / 0 errors / 0 warnings', (label) => {
    const v = verdicts.get(label)!;
    expect(v.messages).toEqual([]);
    expect([v.fatals, v.errors, v.warnings]).toEqual([0, 0, 0]);
  });
});
