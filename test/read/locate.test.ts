import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { read } from '../../pipeline/read/index.js';
import { splitLines } from '../../pipeline/read/lines.js';
import { locate } from '../../pipeline/read/locate.js';
import { publish } from '../../pipeline/publish.js';
import { CASES, sourceText } from '../helpers.js';

const page = (lines: string[]) => locate(splitLines(lines.join('\n')));
const bodyText = (lines: string[]) => page(lines).body.filter((l) => l.text).map((l) => l.text);
const BODY = ['各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、2025年工作回顾', '过去一年，全市经济运行稳中有进，发展质量稳步提升，民生福祉持续增进。'];

describe('finding the report in a page', () => {
  it('drops a download/print/font-size widget cut one word a line, and reads the front lines between page facts', () => {
    const found = page(['下载', '打印', '全屏', '收藏', '【字号：', '加大', '还原', '减小', '】', '2026年某市政府工作报告', '——2026年2月3日在某市第十六届人民代表大会第四次会议上', '来源：某市日报', '时间：2026-02-09', '某市市长 龚 正', ...BODY]);
    expect(found.front.meta).toEqual({ title: '2026年某市政府工作报告', subtitle: '2026年2月3日在某市第十六届人民代表大会第四次会议上', date: '2026-02-03', meeting: '某市第十六届人民代表大会第四次会议', speaker: { role: '某市市长', name: '龚正' } });
    expect(found.pageMeta).toEqual({ source: '某市日报', published: '2026-02-09' });
    expect(found.body.filter((l) => l.text)[0]!.text).toBe('各位代表：');
    expect(found.removed).toEqual([
      { from: 1, to: 9, reason: 'widget' },
      { from: 12, to: 13, reason: 'page facts' },
    ]);
  });

  it('drops a breadcrumb, a timestamp and a photo caption, and takes the page headline as the title', () => {
    const found = page(['您的位置:', '首页', '>', '某省要闻', '某省要闻', '2026年政府工作报告', '来源：某省日报', '2026-02-03 09:02:33', '【字体：', '大', '中', '小', '】', '——2026年1月28日在某省第十四届人民代表大会第四次会议上', '省长\u3000王某某', '省长王某某作政府工作报告。本报记者 张三 摄', ...BODY]);
    expect(found.front.meta).toMatchObject({ title: '2026年政府工作报告', date: '2026-01-28', speaker: { role: '省长', name: '王某某' } });
    expect(found.pageMeta).toEqual({ source: '某省日报', published: '2026-02-03' });
    expect(found.removed.map((r) => r.reason)).toEqual(['breadcrumb', 'page header', 'page facts', 'widget', 'photo caption']);
  });

  it('reads meeting and speaker printed on one line, and a title printed twice around a breadcrumb', () => {
    const found = page(['分享:', '某省2026年政府工作报告', '2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 赵某', '首页', '>', '政府信息公开', '>', '政府工作报告', '某省2026年政府工作报告', '2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 赵某', '时间：', '2026-02-02 09:20', '来源：', '某省人民政府', '分享:', ...BODY]);
    expect(found.front.meta).toEqual({ title: '某省2026年政府工作报告', subtitle: '2026年1月27日在某省第十四届人民代表大会第四次会议上', date: '2026-01-27', meeting: '某省第十四届人民代表大会第四次会议', speaker: { role: '某省省长', name: '赵某' } });
    expect(found.front.lines).toEqual([9, 10]);
    expect(found.pageMeta).toEqual({ published: '2026-02-02', source: '某省人民政府' });
    expect(found.removed.find((r) => r.from === 2)).toEqual({ from: 2, to: 3, reason: 'front matter printed twice' });
    expect(found.removed.filter((r) => r.reason === 'breadcrumb').map((r) => [r.from, r.to])).toEqual([[4, 8]]);
  });

  it('reads a date in Chinese numerals, a subtitle wrapped over lines and a spaced-out title', () => {
    const found = page(['政 府 工 作 报 告', '——二〇二六年一月二十七日在某省十四届', '人民代表大会第四次会议上', '某省省长  任某某', ...BODY]);
    expect(found.front.meta).toEqual({ title: '政府工作报告', subtitle: '二〇二六年一月二十七日在某省十四届人民代表大会第四次会议上', date: '2026-01-27', meeting: '某省十四届人民代表大会第四次会议', speaker: { role: '某省省长', name: '任某某' } });
    expect(found.removed).toEqual([]);
  });

  it('reads a title and a meeting line printed on one line', () => {
    const found = page(['2026年某省政府工作报告——2026年1月27日在某省第十四届人民代表大会第四次会议上', '某省省长 王某', ...BODY]);
    expect(found.front.meta).toMatchObject({ title: '2026年某省政府工作报告', date: '2026-01-27', meeting: '某省第十四届人民代表大会第四次会议', speaker: { name: '王某' } });
    expect(found.front.lines).toEqual([1, 2]);
  });

  it('keeps a page headline that names more than the printed title', () => {
    const found = page(['某市2026年政府工作报告', '打印', '政府工作报告', '——2026年1月20日在某市人民代表大会上', ...BODY]);
    expect(found.front.meta).toMatchObject({ title: '政府工作报告', headline: '某市2026年政府工作报告' });
  });

  it('drops the trailers after the report: labels, share bars, link lists, credits', () => {
    const body = bodyText([...BODY, '各位代表！让我们团结奋斗，创造新的更大业绩！', '相关报道：', '某省召开人民代表大会', '某市代表热议政府工作报告', '》》点击图片进入专题《《', '收藏', '|', '分享到:', '分享到微信', '×', '相关文档：', '2026年政府工作报告.pdf', '扫一扫在手机打开当前页', '（责任编辑：张三）', '主办：某省人民政府办公厅', '版权所有：某省人民政府 某ICP备05000000号', '联系电话：0000-12345678']);
    expect(body[body.length - 1]).toBe('各位代表！让我们团结奋斗，创造新的更大业绩！');
  });

  it('keeps appendices after the closing call, down to their last entry', () => {
    const body = bodyText([...BODY, '各位代表！让我们团结奋斗！', '附件', '2026年民生实事', '1.新增城镇就业5万人以上。', '2.改造老旧小区100个。', '相关报道：']);
    expect(body.slice(-4)).toEqual(['附件', '2026年民生实事', '1.新增城镇就业5万人以上。', '2.改造老旧小区100个。']);
  });

  it('drops a second copy of the report and whatever lies between the copies', () => {
    const report = ['各位代表：', ...Array.from({ length: 6 }, (_, i) => `第${i + 1}段，全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，取得新成效。`)];
    const found = page(['2026年某市政府工作报告', '——2026年1月5日在某市第三届人民代表大会第二次会议上', ...report, '首页', '要闻', '政务', '服务', '2026年某市政府工作报告', ...report, '相关新闻']);
    const texts = found.body.filter((l) => l.text).map((l) => l.text);
    expect(texts).toEqual(report);
    expect(found.removed.find((r) => r.reason === 'second copy of the report')).toEqual({ from: 10, to: 21, reason: 'second copy of the report' });
  });

  it('reads a bare meeting line and a headline written 《…》全文', () => {
    const found = page(['《某县政府工作报告》全文', '在某县第三届人民代表大会第二次会议上', '某县人民政府县长 李四', ...BODY]);
    expect(found.front.meta).toMatchObject({ title: '某县政府工作报告', meeting: '某县第三届人民代表大会第二次会议', speaker: { role: '某县人民政府县长', name: '李四' } });
  });

  it('keeps a 注释 appendix with short entries at the very end', () => {
    const body = bodyText([...BODY, '各位代表！让我们团结奋斗！', '注释：', '[1]“两轴两带”：两条发展轴线', '[2]“四上”企业：规模以上企业', '分享到:']);
    expect(body.slice(-3)).toEqual(['注释：', '[1]“两轴两带”：两条发展轴线', '[2]“四上”企业：规模以上企业']);
  });

  it('starts the body after the last front lines and the page lines below them when the salutation is missing', () => {
    const found = page(['某省2026年政府工作报告', '2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 赵某', '首页', '>', '要闻', '某省2026年政府工作报告', '2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 赵某', '来源：', '某省人民政府', '省长赵某作政府工作报告', BODY[1]!, BODY[2]!]);
    expect(found.body.map((l) => l.text)).toEqual([BODY[1], BODY[2]]);
    expect(found.pageMeta).toEqual({ source: '某省人民政府' });
  });

  it('drops a table of contents printed above the salutation', () => {
    const found = page(['2026年某市政府工作报告', '——2026年1月5日在某市第三届人民代表大会第二次会议上', '目录', '一、2025年工作回顾', '二、2026年工作安排', ...BODY]);
    expect(found.body.filter((l) => l.text)[0]!.text).toBe('各位代表：');
  });

  it('starts the body after the front lines when the salutation is missing', () => {
    const found = page(['某县政府工作报告', '——2024年1月5日在某县第三届人民代表大会第二次会议上', '一、2023年工作回顾', '过去一年，全县经济运行稳中有进，发展质量稳步提升。']);
    expect(found.front.meta.title).toBe('某县政府工作报告');
    expect(found.body.map((l) => l.text)).toEqual(['一、2023年工作回顾', '过去一年，全县经济运行稳中有进，发展质量稳步提升。']);
  });

  it('drops a photo caption inside the body but keeps prose that mentions a reporter', () => {
    const body = bodyText([...BODY, '图为代表们认真审议政府工作报告。新华社记者 李四 摄', '我们支持新闻单位和记者深入基层，讲好发展故事。', '下面，我向大会作工作报告。']);
    expect(body).toEqual([...BODY, '我们支持新闻单位和记者深入基层，讲好发展故事。', '下面，我向大会作工作报告。']);
  });

  it('keeps body text that merely mentions a widget word', () => {
    expect(bodyText(['各位代表：', '请分享到各部门。', '打印机采购项目完成。'])).toEqual(['各位代表：', '请分享到各部门。', '打印机采购项目完成。']);
  });

  it('keeps and removes the lines a sidecar names, whatever it found', () => {
    const lines = splitLines(['2026年某市政府工作报告', '题记：奋斗成就梦想', '各位代表：', '正文。', '多余的一行'].join('\n'));
    const found = locate(lines, { keep: [[2, 2]], remove: [[5, 5]] });
    expect(found.body.map((l) => l.text)).toEqual(['题记：奋斗成就梦想', '各位代表：', '正文。']);
    expect(found.removed).toEqual([{ from: 5, to: 5, reason: 'removed by the sidecar' }]);
  });
});

describe('web-page chrome of the earlier cases', () => {
  it.each(CASES)('removes exactly the chrome of $name', (c) => {
    const lines = splitLines(sourceText(c.path));
    const { removed } = locate(lines);
    const texts = removed.flatMap((r) => lines.slice(r.from - 1, r.to).map((l) => l.text)).filter(Boolean);
    expect(texts).toEqual(c.chrome.map((l) => l.replace(/\s+/g, ' ')));
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
});

describe('what was removed is said', () => {
  it('reports each removed range once, as a note with its lines, and a second copy as a warning', () => {
    const report = ['各位代表：', ...Array.from({ length: 4 }, (_, i) => `第${i + 1}段，全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，取得新成效。`)];
    const text = ['下载', '打印', '2026年某市政府工作报告', ...report, '菜单', ...report].join('\n');
    const pub = publish(new TextEncoder().encode(text), 'x.txt');
    const notes = pub.diagnostics.filter((d) => d.ruleId === 'page' || d.ruleId === 'second-copy').map((d) => [d.fatal, d.place && 'start' in d.place ? `${d.place.start.line}-${d.place.end.line}` : '', d.reason]);
    expect(notes).toEqual([
      [undefined, '1-2', 'removed page chrome (widget)'],
      [false, '9-14', 'removed a second copy of the report (lines 9-14)'],
    ]);
  });
});
