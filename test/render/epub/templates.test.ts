/**
 * What the template changes in the EPUB: the official layout (no cover, no printed TOC in the
 * reading order), heading numbering left out and run-in headings set apart, and embedded fonts
 * with their licence.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { write } from '../../../pipeline/render/epub/index.js';
import { write as writeHtml } from '../../../pipeline/render/html/index.js';
import { loadTemplate } from '../../../pipeline/templates/index.js';
import { ROOT, SEED, headings, publication } from '../../helpers.js';
import { asText, elements, freshPublication, parseXml, render, template } from '../html/support.js';
import { unzip } from './support.js';

const OPS = 'http://www.idpf.org/2007/ops';

/** A template that extends default with the given layout lines. */
function variant(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rp-epub-template-'));
  writeFileSync(join(dir, 'layout.yaml'), `extends: ${join(ROOT, 'templates/default')}\n${yaml}`);
  return loadTemplate(dir, ROOT);
}

async function epubOf(tpl: ReturnType<typeof template>) {
  const pub = freshPublication(SEED);
  const { files, warnings } = await render(write, pub, tpl);
  return { entries: unzip(files.get(`${pub.name}.epub`) as Uint8Array), warnings, pub };
}

function spine(entries: Map<string, string>): string[] {
  const opf = parseXml(entries.get('EPUB/package.opf')!, 'package.opf');
  const byId = new Map(elements(opf, 'item').map((i) => [i.getAttribute('id'), i.getAttribute('href')!]));
  return elements(opf, 'itemref').map((r) => byId.get(r.getAttribute('idref'))!);
}

describe('the official template', () => {
  it('opens on the title page (a 公文 has no cover) and keeps the TOC out of the reading order', async () => {
    const { entries } = await epubOf(template('official'));
    const order = spine(entries);
    expect(order[0]).toBe('titlepage.xhtml');
    expect(order).not.toContain('cover.xhtml');
    expect(order).not.toContain('nav.xhtml');
    expect(entries.has('EPUB/nav.xhtml')).toBe(true);
    const nav = parseXml(entries.get('EPUB/nav.xhtml')!, 'nav.xhtml');
    const landmarks = elements(nav, 'nav').find((n) => n.getAttributeNS(OPS, 'type') === 'landmarks')!;
    expect(elements(landmarks, 'a').map((a) => a.getAttributeNS(OPS, 'type'))).toEqual(['titlepage', 'bodymatter', 'glossary']);
  });

  it('carries its fonts and sizes into the stylesheet', async () => {
    const { entries } = await epubOf(template('official'));
    const css = entries.get('EPUB/style.css')!;
    const layout = template('official').layout;
    expect(css).toContain(`--body-font: ${layout.fonts[layout.styles.body.font]!.css}`);
    expect(css).toContain('--body-indent: 2em');
  });
});

describe('headings.numbering: strip and headings.runIn: never', () => {
  const tpl = variant('headings:\n  numbering: strip\n  runIn: never\n');

  it('prints headings without their numbers, in the text and the navigation, and none run in', async () => {
    const pub = publication(SEED);
    const { files } = await render(writeHtml, freshPublication(SEED), tpl);
    const nav = parseXml(asText(files.get('html/nav.xhtml')), 'nav.xhtml');
    const texts = elements(nav, 'a').filter((a) => !a.getAttributeNS(OPS, 'type')).map((a) => a.textContent);
    expect(texts).toHaveLength(headings(pub.tree).length);
    expect(texts[0]).toBe(headings(pub.tree)[0]![1].replace(/^[一二三四五六七八九十]+、/, ''));
    expect(texts.some((t) => /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(t ?? ''))).toBe(false);
    const page = asText(files.get(`${pub.name}.html`));
    expect(page).not.toContain('class="run-in"');
    // Parts are still parts: the appendices after them stay appendices.
    const kinds = [...files.keys()].filter((p) => /sec-\d+\.xhtml$/.test(p)).map((p) => /<section class="(\w+)"/.exec(asText(files.get(p)))![1]);
    expect(kinds).toEqual(['chapter', 'chapter', 'glossary', 'appendix', 'appendix']);
  });
});

describe('epub.embedFonts: true', () => {
  it('adds every face the styles use, its licence, and @font-face rules that load them', async () => {
    const { entries } = await epubOf(variant('epub:\n  embedFonts: true\n'));
    const opf = parseXml(entries.get('EPUB/package.opf')!, 'package.opf');
    const items = elements(opf, 'item');
    const fonts = items.filter((i) => i.getAttribute('media-type') === 'font/ttf').map((i) => i.getAttribute('href')!);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) expect(entries.has(`EPUB/${f}`), f).toBe(true);
    const licences = items.filter((i) => i.getAttribute('media-type') === 'text/plain').map((i) => entries.get(`EPUB/${i.getAttribute('href')}`)!);
    expect(licences.length).toBeGreaterThan(0);
    expect(licences.every((l) => /SIL OPEN FONT LICENSE/i.test(l))).toBe(true);
    const css = entries.get('EPUB/style.css')!;
    for (const f of fonts) expect(css).toContain(`src: url(${f})`);
    expect(css.startsWith('@charset "UTF-8";')).toBe(true);
  }, 60_000);

  it('embeds nothing by default', async () => {
    const { entries } = await epubOf(template());
    expect([...entries.keys()].some((n) => n.includes('fonts/'))).toBe(false);
  });
});
