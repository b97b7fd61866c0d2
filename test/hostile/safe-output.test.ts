/**
 * Issue 17, group 5: unsafe links and bidirectional controls never reach a published file; a
 * Content-Security-Policy heads every HTML file; a layout's font `css` value must be a font
 * list.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../pipeline/errors.js';
import { write as writeHtml } from '../../pipeline/render/html/index.js';
import { write as writeDocx } from '../../pipeline/render/docx/index.js';
import { write as writeMarkdown } from '../../pipeline/render/markdown/index.js';
import { isSafeLink } from '../../pipeline/safe/index.js';
import { loadTemplate } from '../../pipeline/templates/index.js';
import { ROOT } from '../helpers.js';
import { asText, freshPublication, render } from '../render/html/support.js';
import { unzip } from '../render/epub/support.js';

const HOSTILE = [
  '# 测试',
  '',
  '正文[点此](javascript:alert(1))和<javascript:alert(2)>以及[数据](data:text/html,x)、[脚本](  JaVaScRiPt:alert(3))。',
  '',
  '[引用][bad]与[官网](https://www.gov.cn/)、[邮件](mailto:a@b.cn)、[本节](#sec-1)、![图](vbscript:x)。',
  '',
  '[bad]: vbscript:msgbox(1)',
  '',
  '文件名这是\u202eexe.txt\u202c结束\u2066隔离\u2069\u200f。',
  '',
].join('\n');

describe('links', () => {
  it('keeps only http:, https:, mailto: and # links', () => {
    for (const url of ['http://a.cn', 'HTTPS://a.cn', 'mailto:x@y.cn', '#sec-1']) expect(isSafeLink(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', ' java\tscript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'foo.html', '//evil.cn/x', '#"><script>']) expect(isSafeLink(url), url).toBe(false);
  });

  it('turns unsafe links into their text with a warning naming the line, in the tree every writer uses', () => {
    const pub = freshPublication('/tmp/links.md', HOSTILE);
    const urls: string[] = [];
    const visit = (n: any) => {
      if (n.url !== undefined) urls.push(n.url);
      n.children?.forEach(visit);
    };
    visit(pub.tree);
    expect(urls.filter((u) => !u.startsWith('#gloss'))).toEqual(['https://www.gov.cn/', 'mailto:a@b.cn', '#sec-1']);
    const warnings = pub.diagnostics.map((m) => `${m.line}: ${m.reason}`);
    expect(warnings.filter((w) => /^3: link to "javascript:alert\(1\)" is not published/.test(w))).toHaveLength(1);
    expect(warnings.some((w) => /^5: link to "vbscript:msgbox\(1\)"/.test(w))).toBe(true);
    expect(warnings.some((w) => /^5: image "vbscript:x" is not published/.test(w))).toBe(true);
    // the text of every link stays
    expect(JSON.stringify(pub.tree)).toContain('点此');
    expect(JSON.stringify(pub.tree)).toContain('引用');
  });

  it('publishes no unsafe href and no bidi control in HTML, EPUB, DOCX or Markdown', async () => {
    const pub = freshPublication('/tmp/links.md', HOSTILE);
    const texts: Array<[string, string]> = [];
    for (const [path, data] of (await render(writeHtml, pub)).files) texts.push([path, asText(data)]);
    const docx = (await render(writeDocx, pub)).files;
    for (const [path, data] of docx) for (const [entry, text] of unzip(data as Uint8Array)) texts.push([`${path}/${entry}`, text]);
    for (const [path, data] of (await render(writeMarkdown, pub)).files) texts.push([path, asText(data)]);
    expect(texts.length).toBeGreaterThan(5);
    for (const [path, text] of texts) {
      expect(text, path).not.toMatch(/(href|src|Target)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
      expect(text, path).not.toMatch(/\]\(\s*(javascript|vbscript|data):/i);
      expect(text, path).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    }
    expect(texts.find(([p]) => p.endsWith('.md'))![1]).toContain('这是exe.txt结束隔离');
  });

  it('warns once per line about bidi controls', () => {
    const pub = freshPublication('/tmp/links.md', HOSTILE);
    const bidi = pub.diagnostics.filter((m) => /bidirectional control/.test(m.reason));
    expect(bidi.map((m) => m.line)).toEqual([9]);
    expect(bidi[0]!.reason).toMatch(/U\+202E, U\+202C, U\+2066, U\+2069, U\+200F/);
  });

  it('drops a page address that is not http(s) from the metadata', () => {
    const pub = freshPublication('/tmp/meta.md', '---\ntitle: 报告\nurl: "javascript:alert(1)"\n---\n\n# 一、总体\n\n正文。\n');
    expect(pub.meta.url).toBeUndefined();
    expect(pub.diagnostics.some((m) => /page address/.test(m.reason))).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  it('heads every HTML file written, the summary included', async () => {
    const pub = freshPublication('/tmp/links.md', HOSTILE);
    const { write: writeSummary } = await import('../../pipeline/render/summary/index.js');
    const files = [...(await render(writeHtml, pub)).files, ...(await render(writeSummary, pub)).files];
    const pages = files.filter(([p]) => /\.x?html$/.test(p));
    expect(pages.length).toBeGreaterThan(4);
    for (const [path, data] of pages) expect(asText(data), path).toMatch(/<head[^>]*>\s*(<[^>]+>\s*)*<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });
});

describe('font css values', () => {
  function withCss(css: string) {
    const dir = mkdtempSync(join(tmpdir(), 'rp-css-'));
    cpSync(join(ROOT, 'templates/default'), dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'layout.yaml'), 'utf8');
    writeFileSync(join(dir, 'layout.yaml'), yaml.replace(/^(\s+css:).*$/m, `$1 ${JSON.stringify(css)}`));
    return () => loadTemplate(dir, ROOT);
  }

  it('refuses a value that would close the style element, naming the key', () => {
    let error: unknown;
    try {
      withCss('serif; } </style><script>alert(1)</script>')();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).format()).toMatch(/layout\.yaml:\d+:\d+: error: .*css.*font-family list/);
  });

  it('accepts a font list with quoted and CJK names', () => {
    expect(withCss('"Noto Serif SC", 宋体, SimSun, serif')().layout.fonts).toBeDefined();
  });
});
