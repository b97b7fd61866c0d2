import { describe, expect, it } from 'vitest';
import { meetingLine, speakerLine } from '../../pipeline/genre/front.js';
import { publication, SEED } from '../helpers.js';

describe('metadata', () => {
  it('reads the seed front lines and page facts', () => {
    expect(publication(SEED).meta).toEqual({
      title: '2025年番禺区政府工作报告',
      subtitle: '2025年2月26日在番禺区第十八届人民代表大会第五次会议上',
      date: '2025-02-26',
      meeting: '番禺区第十八届人民代表大会第五次会议',
      speaker: { role: '广州市番禺区人民政府区长', name: '叶珊瑚' },
      published: '2025-03-12',
      source: '番禺区',
    });
  });

  it('removes the front lines from the body', () => {
    const first = publication(SEED).tree.children[0]!;
    expect(first.type).toBe('paragraph');
    expect(JSON.stringify(first)).toContain('各位代表');
  });

  it.each([
    ['——2025年2月26日在番禺区第十八届人民代表大会第五次会议上', '2025-02-26', '番禺区第十八届人民代表大会第五次会议'],
    ['――2022年1月23日在保定市第十六届人民代表大会第二次会议上', '2022-01-23', '保定市第十六届人民代表大会第二次会议'],
    ['—2016年2月19日在海拉尔区第十四届人民代表大会第五次会议上', '2016-02-19', '海拉尔区第十四届人民代表大会第五次会议'],
    ['2024年1月5日在某县第三届人民代表大会第二次会议上', '2024-01-05', '某县第三届人民代表大会第二次会议'],
  ])('reads the meeting line %s', (line, date, meeting) => {
    expect(meetingLine(line)).toMatchObject({ date, meeting });
  });

  it('does not take a sentence for a meeting line', () => {
    expect(meetingLine('我们在2024年1月5日召开的全市大会上作了部署，取得成效。')).toBeUndefined();
  });

  it.each([
    ['广州市番禺区人民政府区长 叶珊瑚', '广州市番禺区人民政府区长', '叶珊瑚'],
    ['广东省省长 孟凡利', '广东省省长', '孟凡利'],
    ['某市人民政府代市长张三', '某市人民政府代市长', '张三'],
  ])('reads the speaker line %s', (line, role, name) => {
    expect(speakerLine(line)).toEqual({ role, name });
  });
});

describe('metadata of other reports', () => {
  it('reads a meeting line printed in brackets', () => {
    expect(meetingLine('（2024年1月15日在某市第十六届人民代表大会第四次会议上）')).toEqual({ subtitle: '2024年1月15日在某市第十六届人民代表大会第四次会议上', date: '2024-01-15', meeting: '某市第十六届人民代表大会第四次会议' });
  });
});

describe('front lines in other orders', () => {
  it('reads a date line of its own and a speaker before the meeting line', async () => {
    const { publish } = await import('../../pipeline/publish.js');
    const text = ['某县2024年政府工作报告', '某县人民政府县长 赵六', '——在某县第十八届人民代表大会第四次会议上', '（2024年1月25日）', '各位代表：', '一、工作回顾', '正文。'].join('\n\n');
    const pub = publish(new TextEncoder().encode(text), 'x.txt');
    expect(pub.meta).toMatchObject({ title: '某县2024年政府工作报告', date: '2024-01-25', meeting: '某县第十八届人民代表大会第四次会议', speaker: { role: '某县人民政府县长', name: '赵六' } });
    expect(pub.tree.children[0]).toMatchObject({ type: 'paragraph' });
  });
});

describe('front lines of other sites', () => {
  it('reads a date in Chinese numerals', () => {
    expect(meetingLine('——二〇二六年一月二十七日在某省十四届人民代表大会第四次会议上')).toMatchObject({ date: '2026-01-27', meeting: '某省十四届人民代表大会第四次会议' });
  });

  it('reads a speaker after the meeting on the same line', () => {
    expect(meetingLine('2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 赵某')).toEqual({ subtitle: '2026年1月27日在某省第十四届人民代表大会第四次会议上', date: '2026-01-27', meeting: '某省第十四届人民代表大会第四次会议', speaker: { role: '某省省长', name: '赵某' } });
  });

  it.each([
    ['上海市市长 龚 正', '上海市市长', '龚正'],
    ['自治区主席 艾尔肯·吐尼亚孜', '自治区主席', '艾尔肯·吐尼亚孜'],
    ['省长\u3000王予波', '省长', '王予波'],
  ])('reads the speaker line %s without its padding', (line, role, name) => {
    expect(speakerLine(line.replace(/\u3000/g, ' '))).toEqual({ role, name });
  });

  it('does not take a photo caption for a speaker', () => {
    expect(speakerLine('省长赵刚作政府工作报告')).toBeUndefined();
  });
});

describe('the user\'s word', () => {
  it('lets a sidecar override the title, speaker and date, and names a bad key with its line', async () => {
    const { publish } = await import('../../pipeline/publish.js');
    const text = ['下载', '2026年某市政府工作报告', '——2026年1月5日在某市第三届人民代表大会第二次会议上', '各位代表：', '正文。'].join('\n');
    const sidecar = { path: 'x.yaml', text: 'title: 某市政府工作报告（修订）\nspeaker: 某市代市长 张三\ndate: 2026-01-06\n' };
    const pub = publish(new TextEncoder().encode(text), 'x.txt', { sidecar });
    expect(pub.meta).toMatchObject({ title: '某市政府工作报告（修订）', date: '2026-01-06', meeting: '某市第三届人民代表大会第二次会议', speaker: { role: '某市代市长', name: '张三' } });
    const { ReportError } = await import('../../pipeline/errors.js');
    try {
      publish(new TextEncoder().encode(text), 'x.txt', { sidecar: { path: 'x.yaml', text: 'title: a\ntitel: b\n' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      expect((error as InstanceType<typeof ReportError>).format()).toMatch(/^x\.yaml:2(:1)?: error: unknown key "titel"/);
    }
  });
});
