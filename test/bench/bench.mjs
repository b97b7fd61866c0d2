#!/usr/bin/env node
// `make bench`: speed and memory of reportpress, printed as a report. A benchmark, not a test:
// it asserts nothing, it measures.
//
//   1. cold full builds of the seed (every format, a new process each time): wall time, peak
//      RSS, and per-stage / per-format times from inside the process;
//   2. the same for a synthetic report 8x the seed's text (growth must be linear);
//   3. `make -j2` over several reports (throughput);
//   4. the peers side by side where installed: pandoc writing DOCX, HTML and EPUB, and Typst
//      (the typst-ts-node-compiler npm package) writing the PDF;
//   5. a batch: every report of ../shared/corpus (when present) and the fixtures plus the seed,
//      every format, one `make -j2`, against the peers doing the same reports one by one;
//   6. watch: from saving a template file to the rebuilt PDF of the seed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'bin/reportpress.js');
const SEED = join(ROOT, 'source/panyu-2025.txt');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'rp-bench-'));

const ms = (n) => `${Math.round(n)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);

/** One cold build in a new process; returns wall ms and the in-process stats. */
function build(source, out, args = []) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'build', source, '--out', out, '--quiet', ...args], {
    encoding: 'utf8',
    env: { ...process.env, REPORTPRESS_STATS: '1', SOURCE_DATE_EPOCH: '1700000000' },
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('REPORTPRESS_STATS '));
  return { wall, stats: JSON.parse(line.slice('REPORTPRESS_STATS '.length)) };
}

function series(label, source, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(build(source, join(work, `out-${label}-${i}`)));
  const walls = results.map((r) => r.wall);
  const rss = results.map((r) => r.stats.maxRssKb / 1024);
  const timings = results.map((r) => r.stats.sources[0].timings);
  const keys = Object.keys(timings[0]);
  const stage = Object.fromEntries(keys.map((k) => [k, median(timings.map((t) => t[k]))]));
  return { label, wall: median(walls), best: Math.min(...walls), rss: Math.max(...rss), stage, inside: median(timings.map(sum)) };
}

function print(s) {
  console.log(`${s.label}: wall ${ms(s.wall)} median of ${RUNS} (best ${ms(s.best)}), peak RSS ${s.rss.toFixed(0)} MB`);
  console.log(`  inside the process: ${Object.entries(s.stage).map(([k, v]) => `${k} ${ms(v)}`).join(', ')} (sum ${ms(s.inside)})`);
}

console.log(`reportpress bench: node ${process.version}, ${RUNS} runs each\n`);

// 1. The seed.
const seed = series('seed, all formats, cold', SEED);
print(seed);

// 2. Eight times the text: every prose line (not titles, not table cells) repeated 8 times,
// each copy told apart by a number (identical paragraphs would be read as a second copy of
// the report and dropped).
const big = join(work, 'synthetic-8x.txt');
const seedText = readFileSync(SEED, 'utf8');
writeFileSync(big, seedText.split('\n').map((l) => (l.trim().length >= 40 ? Array.from({ length: 8 }, (_, k) => `${l}（${k + 1}）`).join('\n\n') : l)).join('\n'));
const ratioText = readFileSync(big, 'utf8').length / seedText.length;
const eight = series('synthetic 8x text, all formats, cold', big, Math.max(2, Math.ceil(RUNS / 2)));
print(eight);
console.log(`  growth: ${ratioText.toFixed(1)}x the text took ${(eight.wall / seed.wall).toFixed(2)}x the wall time, ${(eight.inside / seed.inside).toFixed(2)}x the in-process time (linear means at most ${ratioText.toFixed(1)}x)\n`);

// 3. make -j2 over several reports.
const sources = join(work, 'sources');
mkdirSync(sources);
cpSync(SEED, join(sources, 'panyu-2025.txt'));
const cases = join(ROOT, 'test/fixtures/cases');
for (const f of readdirSync(cases)) cpSync(join(cases, f), join(sources, f));
const n = readdirSync(sources).length;
for (const jobs of [1, 2]) {
  const out = join(work, `make-j${jobs}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync('make', ['-s', `-j${jobs}`, `SOURCE=${sources}`, `OUT=${out}`], { cwd: ROOT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`make failed: ${r.stderr}`);
  console.log(`make -j${jobs}: ${n} reports in ${ms(wall)} (${((n * 1000) / wall).toFixed(2)} reports/s)`);
}
const again = spawnSync('make', ['-s', '-j2', `SOURCE=${sources}`, `OUT=${join(work, 'make-j2')}`], { cwd: ROOT, encoding: 'utf8' });
console.log(`make -j2 again, nothing changed: ${again.stdout.trim() === '' ? 'no work done' : again.stdout.trim()}\n`);

// 4. The peers.
const peers = peerTimes();
if (peers) {
  const total = peers.reduce((a, p) => a + p.wall, 0);
  for (const p of peers) console.log(`peer ${p.label}: ${ms(p.wall)}`);
  console.log(`peers together: ${ms(total)}; reportpress: ${ms(seed.wall)}; ratio ${(seed.wall / total).toFixed(2)} (goal <= 1.0), peak RSS ${seed.rss.toFixed(0)} MB (goal <= 300 MB)`);
}

// 5. A batch of real reports: make -j2 against the peers, report by report.
const batch = join(work, 'batch');
mkdirSync(batch);
const corpus = resolve(ROOT, '../shared/corpus');
for (const dir of [corpus, join(ROOT, 'test/fixtures/corpus'), cases]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.txt') && !existsSync(join(batch, f))) cpSync(join(dir, f), join(batch, f));
}
cpSync(SEED, join(batch, 'panyu-2025.txt'));
const reports = readdirSync(batch);
{
  const out = join(work, 'batch-out');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('make', ['-s', '-j2', `SOURCE=${batch}`, `OUT=${out}`], { cwd: ROOT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`make failed: ${r.stderr}`);
  console.log(`batch: ${reports.length} reports, every format, make -j2: ${ms(wall)} (${((reports.length * 1000) / wall).toFixed(2)} reports/s)`);
  let peersWall = 0;
  let measured = 0;
  for (const report of reports) {
    const name = report.replace(/\.txt$/, '');
    const md = join(out, name, `${name}.md`);
    if (!existsSync(md)) continue;
    const times = peerTimes(md, join(work, `peer-${measured}`), 1, true);
    if (!times) break;
    peersWall += times.reduce((a, p) => a + p.wall, 0);
    measured++;
  }
  if (measured) console.log(`batch peers (pandoc DOCX+HTML+EPUB and Typst PDF, ${measured} reports one by one): ${ms(peersWall)}; throughput ratio ${(peersWall / wall).toFixed(2)}x the peers' (goal >= 2)\n`);
}

// 6. watch: a template save to the seed's rebuilt PDF, in one warm process.
await watchLatency();

rmSync(work, { recursive: true, force: true });

async function watchLatency() {
  const { startWatch } = await import(join(ROOT, 'dist/pipeline/watch.js'));
  const template = join(work, 'watch-template');
  cpSync(join(ROOT, 'templates/default'), template, { recursive: true });
  const out = join(work, 'watch-out');
  const watcher = startWatch([SEED], { out, formats: ['pdf'], template, quiet: true, settle: 20 });
  await watcher.ready;
  const laps = [];
  for (let i = 0; i < RUNS; i++) {
    const built = new Promise((done) => watcher.once('built', done));
    const t0 = process.hrtime.bigint();
    writeFileSync(join(template, 'layout.yaml'), readFileSync(join(template, 'layout.yaml'), 'utf8') + `\n# save ${i}\n`);
    await built;
    laps.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  watcher.close();
  console.log(`watch: template saved -> seed PDF rebuilt: ${ms(median(laps))} median of ${RUNS} (best ${ms(Math.min(...laps))}; goal <= 300 ms, of which 20 ms settle time)`);
}

function peerTimes(md = seedMarkdown(), out = join(work, 'peers'), runs = RUNS, quiet = false) {
  mkdirSync(out, { recursive: true });
  const results = [];
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  if (has('pandoc')) {
    for (const [fmt, file] of [['docx', 'x.docx'], ['html', 'x.html'], ['epub', 'x.epub']]) {
      const walls = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync('pandoc', [md, '-s', '--metadata', 'lang=zh-CN', '-o', join(out, file)], { encoding: 'utf8' });
        walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.status !== 0) throw new Error(`pandoc ${fmt}: ${r.stderr}`);
      }
      results.push({ label: `pandoc -> ${fmt}`, wall: median(walls) });
    }
  } else if (!quiet) console.log('pandoc is not installed (apt-get install pandoc): no side-by-side figures for DOCX/HTML/EPUB');
  const typst = typstPdf(md, out, runs);
  if (typst) results.push(typst);
  else if (!quiet) console.log('Typst is not installed (npm package @myriaddreamin/typst-ts-node-compiler): its PDF is not measured');
  return results.length ? results : undefined;
}

/** The seed as our normalised Markdown, the peers' input. */
function seedMarkdown() {
  const out = join(work, 'peers');
  mkdirSync(out, { recursive: true });
  build(SEED, out, ['--formats', 'md']);
  return join(out, 'panyu-2025/panyu-2025.md');
}

/** Typst writing the PDF of the same text, in a fresh process, with the same CJK font. */
function typstPdf(md, out, runs = RUNS) {
  const require = createRequire(join(ROOT, 'package.json'));
  try {
    require.resolve('@myriaddreamin/typst-ts-node-compiler');
  } catch {
    return undefined;
  }
  const font = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
  const typ = toTypst(readFileSync(md, 'utf8'));
  writeFileSync(join(out, 'x.typ'), typ);
  const script = `const { NodeCompiler } = require(${JSON.stringify(require.resolve('@myriaddreamin/typst-ts-node-compiler'))});
const c = NodeCompiler.create({ workspace: ${JSON.stringify(out)}, fontArgs: [{ fontPaths: [${JSON.stringify(dirname(font))}] }] });
const pdf = c.pdf({ mainFilePath: ${JSON.stringify(join(out, 'x.typ'))} });
require('fs').writeFileSync(${JSON.stringify(join(out, 'x.pdf'))}, pdf);`;
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) return { label: `typst -> pdf (failed: ${r.stderr.trim().split('\n')[0]})`, wall: 0 };
  }
  return { label: 'typst -> pdf', wall: median(walls) };
}

/** Our normalised Markdown as Typst markup: headings, paragraphs, escaped text. */
function toTypst(markdown) {
  const escape = (s) => s.replace(/[\\#*_`$@<>\[\]~"=+\/-]/g, (c) => '\\' + c);
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const body = lines.map((line) => {
    const text = line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const h = /^(#{1,6}) (.*)$/.exec(text);
    return h ? '='.repeat(h[1].length) + ' ' + escape(h[2]) : escape(text);
  });
  return ['#set page(paper: "a4", numbering: "1")', '#set text(font: "Noto Serif SC", lang: "zh", region: "cn", size: 11pt)', '#set par(justify: true, first-line-indent: 2em)', '#outline()', ...body].join('\n');
}
