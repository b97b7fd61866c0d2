import { describe, expect, it } from 'vitest';
import { fullWidth } from '../../pipeline/normalise/punctuation.js';
import { plain, publication, SEED } from '../helpers.js';

describe('punctuation', () => {
  it.each([
    ['现在,我代表人民政府:请予审议;谢谢!对吗?', '现在，我代表人民政府：请予审议；谢谢！对吗？'],
    ['滨河路(金光西大道—金光东大道段)实现通车', '滨河路（金光西大道—金光东大道段）实现通车'],
    ['(一)重大功能平台建设', '（一）重大功能平台建设'],
    ['增长1.1%,规上工业', '增长1.1%，规上工业'],
    ['“双微改造”,综合运用', '“双微改造”，综合运用'],
    ['5G,新能源', '5G，新能源'],
  ])('restores %s', (input, output) => {
    expect(fullWidth(input)).toBe(output);
  });

  it.each(['3070.56', '2,000', '12:30', 'R&D', 'PM2.5', 'see http://example.com/a,b(c)', 'mail x@example.com', 'Hello, world (really)!'])('leaves %s alone', (input) => {
    expect(fullWidth(input)).toBe(input);
  });

  it('removes stray spaces inside Chinese text but keeps a slogan gap', () => {
    expect(fullWidth('加强青少年普法宣传力度和心理健 康教育')).toBe('加强青少年普法宣传力度和心理健康教育');
    expect(fullWidth('擦亮“珠水金声 粤韵乐乡”广东音乐文化品牌')).toBe('擦亮“珠水金声 粤韵乐乡”广东音乐文化品牌');
    expect(fullWidth('广州 南站')).toBe('广州南站');
    expect(fullWidth('番禺 P4 停车场')).toBe('番禺 P4 停车场');
  });

  it('leaves no ASCII , : ; ( ) ! ? beside a Han character in the seed', () => {
    const text = plain(publication(SEED).tree);
    expect(text.match(/[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]/g)).toBeNull();
    for (const keep of ['3070.56', 'R&D', '2.4亿元', 'PM2.5']) expect(text).toContain(keep);
  });
});
