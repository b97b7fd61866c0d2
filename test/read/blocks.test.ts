import { describe, expect, it } from 'vitest';
import { splitLines } from '../../pipeline/read/lines.js';
import { toBlocks } from '../../pipeline/read/blocks.js';
import { read } from '../../pipeline/read/index.js';

const blocks = (text: string) => toBlocks(splitLines(text)).map((b) => b.lines.map((l) => l.text));

describe('lines -> blocks', () => {
  it('normalises CRLF, lone CR, NBSP and U+3000 indentation', () => {
    const lines = splitLines('\u3000\u3000第一段。\r\n\r\n\u00a0第二段。\r第三段。');
    expect(lines.map((l) => l.text)).toEqual(['第一段。', '', '第二段。', '第三段。']);
    expect(lines[0]!.column).toBe(3);
  });

  it('counts U+2028/2029 as line ends in the text it hands on as well as in line numbers', () => {
    const bytes = new TextEncoder().encode('标题\u2028\u2029听全文\n正文。');
    const input = read(bytes, 'ls.txt');
    expect(input.text).toBe('标题\n\n听全文\n正文。');
    expect(input.removed.map((r) => input.text.split('\n')[r.from - 1])).toEqual(['听全文']);
  });

  it('keeps the lines of a block apart when blank lines separate paragraphs', () => {
    expect(blocks('第一段。\n\n1.一条。\n2.二条。\n\n第三段。')).toEqual([['第一段。'], ['1.一条。', '2.二条。'], ['第三段。']]);
  });

  it('makes every line a block when the page uses no blank lines', () => {
    expect(blocks('第一段。\n第二段。\n第三段。')).toEqual([['第一段。'], ['第二段。'], ['第三段。']]);
  });

  it('starts a new block at a part or section number even without a blank line', () => {
    expect(blocks('甲。\n\n乙。\n（一）标题\n\n丙。')).toEqual([['甲。'], ['乙。'], ['（一）标题'], ['丙。']]);
  });

  it('glues fragments that inline markup split over lines', () => {
    const text = ['“十五五”时期经济社会发展的', '主要目标', '是：地区生产总值年均增长5%左右。', '保持在20以下，PM', '2.5', '年平均浓度下降。', '——2026年1月26日在某省第十四届', '人民代表大会第五次会议上'].join('\n');
    expect(blocks(text)).toEqual([
      ['“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右。'],
      ['保持在20以下，PM2.5年平均浓度下降。'],
      ['——2026年1月26日在某省第十四届人民代表大会第五次会议上'],
    ]);
  });

  it('does not glue a title to the paragraph after it', () => {
    expect(blocks('附件1\n2026年省十件民生实事\n坚持民生为大。')).toEqual([['附件1'], ['2026年省十件民生实事'], ['坚持民生为大。']]);
  });
});

describe('what is not a fragment', () => {
  it('keeps a title ending in 向 or 为 apart from the paragraph after it (only 的 dangles)', () => {
    expect(blocks('二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：增长5%左右。')).toEqual([['二、2024年经济社会发展总体要求和政策取向'], ['今年发展主要预期目标是：增长5%左右。']]);
  });
});

describe('lines the page cut', () => {
  it('joins a line that ends with a comma to the next one', () => {
    expect(blocks('协同创新日益紧密，中国电子增资麒麟软件，\n协和天津基地建设顺利推进。\n下一段。')).toEqual([['协同创新日益紧密，中国电子增资麒麟软件，协和天津基地建设顺利推进。'], ['下一段。']]);
  });

  it('joins an opening bracket or a heading number alone to the line after it', () => {
    expect(blocks('正文。\n（\n三）改革开放持续深化。\n正文。')).toEqual([['正文。'], ['（三）改革开放持续深化。'], ['正文。']]);
  });

  it('joins words the page cut out of a sentence onto their own line', () => {
    expect(blocks('过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，大力推进\n高质量发展\n取得新成效。\n下一段。')).toEqual([['过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，大力推进高质量发展取得新成效。'], ['下一段。']]);
  });

  it('does not join a title, or a long cell before a serial number', () => {
    expect(blocks('“十四五”时期工作回顾\n正文。')).toEqual([['“十四五”时期工作回顾'], ['正文。']]);
    expect(blocks('针对全区照明设施安全排查，发现部分设备安装过低，存在水浸风险需整改\n2\n政务服务')).toEqual([['针对全区照明设施安全排查，发现部分设备安装过低，存在水浸风险需整改'], ['2'], ['政务服务']]);
  });

  it('keeps table serial numbers on lines of their own', () => {
    expect(blocks('序号\n\n1\n\n公共交通')).toEqual([['序号'], ['1'], ['公共交通']]);
  });
});
