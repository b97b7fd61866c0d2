/**
 * The web page in a real browser: headless Chromium renders the seed's page at a desktop and a
 * phone width, with the default and the official template, to a screenshot that is the size
 * asked for and not blank. (Look at the images too: `WEB_SHOTS=<folder> make check` keeps them.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SEED, publication } from '../helpers.js';
import { loadTemplate } from '../../pipeline/templates/index.js';
import { publicationDate } from '../../pipeline/render/shared/dates.js';
import { write } from '../../pipeline/render/html/index.js';

const work = mkdtempSync(join(tmpdir(), 'rp-web-check-'));
const keep = process.env.WEB_SHOTS;
const shots = keep ?? work;
const TEMPLATES = ['default', 'official'];
const WIDTHS = [
  { label: 'desktop', size: [1280, 900] },
  { label: 'phone', size: [390, 844] },
] as const;

function screenshot(page: string, png: string, [w, h]: readonly [number, number]): Promise<void> {
  const profile = mkdtempSync(join(work, 'profile-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, `--screenshot=${png}`, `--window-size=${w},${h}`,
    pathToFileURL(page).href,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('chromium', args, { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const pngOf = (template: string, label: string) => join(shots, `web-${template}-${label}.png`);

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const pub = publication(SEED);
  for (const template of TEMPLATES) {
    const out = await write(pub, { template: loadTemplate(template, ROOT), date: publicationDate(pub.meta, {}), warn: () => {} });
    const page = join(work, `${pub.name}.${template}.html`);
    writeFileSync(page, out.find((f) => f.path === `${pub.name}.html`)!.data);
    for (const { label, size } of WIDTHS) await screenshot(page, pngOf(template, label), size);
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(TEMPLATES)('Chromium renders the web page (%s template)', (template) => {
  it.each(WIDTHS)('at $label width', ({ label, size }) => {
    const png = pngOf(template, label);
    expect(existsSync(png), png).toBe(true);
    expect(pngSize(png)).toEqual(size);
    // A blank page compresses to a few KB; text in CJK fonts takes tens of KB.
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });
});
