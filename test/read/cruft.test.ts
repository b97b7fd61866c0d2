import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { read } from '../../pipeline/read/index.js';
import { splitLines } from '../../pipeline/read/lines.js';
import { removeCruft } from '../../pipeline/read/cruft.js';
import { CASES, sourceText } from '../helpers.js';

describe('web-page chrome', () => {
  it.each(CASES)('removes exactly the chrome of $name', (c) => {
    const lines = splitLines(sourceText(c.path));
    const { removed } = removeCruft(lines);
    expect(removed.map((n) => lines[n - 1]!.text)).toEqual(c.chrome.map((l) => l.replace(/\s+/g, ' ')));
  });

  it('turns the page crumbs of the seed into metadata', () => {
    const { pageMeta } = read(readFileSync(CASES[0]!.path), 'x.txt');
    expect(pageMeta).toEqual({ published: '2025-03-12', source: '番禺区' });
  });

  it('reads a scraper header block (标题/发文单位/来源URL) into metadata', () => {
    const { pageMeta } = read(readFileSync(CASES[1]!.path), 'x.txt');
    expect(pageMeta.title).toBe('2022年保定市政府工作报告');
    expect(pageMeta.issuer).toBe('保定市人民政府');
    expect(pageMeta.url).toMatch(/^http:\/\/district\.ce\.cn\//);
    expect(pageMeta.published).toBeUndefined(); // 发文时间：未知
  });

  it('knows widgets by their shape, not by one page', () => {
    const page = ['标题', '', '【打印】', '分享到：', '关注 · 某某市政府网', '浏览次数：1024', '（责任编辑：张三）', '——', '正文一段。'].join('\n');
    const { lines, removed } = removeCruft(splitLines(page));
    expect(lines.filter((l) => l.text).map((l) => l.text)).toEqual(['标题', '正文一段。']);
    expect(removed).toHaveLength(6);
  });

  it('keeps body text that merely mentions a widget word', () => {
    const { lines } = removeCruft(splitLines('各位代表：\n请分享到各部门。\n打印机采购项目完成。'));
    expect(lines.map((l) => l.text)).toEqual(['各位代表：', '请分享到各部门。', '打印机采购项目完成。']);
  });
});

describe('more chrome of other sites', () => {
  it('removes bars of several widgets and reads several header fields on one line', () => {
    const page = ['某市政府工作报告', '发布时间：2024-01-26 09:30 来源：某市日报', '【打印】 【关闭】', '打印本页 关闭窗口', '分享到： 微信 微博 QQ空间', '各位代表：', '正文。'].join('\n');
    const { lines, pageMeta } = removeCruft(splitLines(page));
    expect(lines.map((l) => l.text)).toEqual(['某市政府工作报告', '各位代表：', '正文。']);
    expect(pageMeta).toEqual({ published: '2024-01-26', source: '某市日报' });
  });
});
