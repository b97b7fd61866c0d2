/**
 * The summary's facts on sentences written for the test, one way the genre words them at a
 * time: results as prose, run-in heads glued to a figure, figures of a narrower scope, the
 * five-year review beside the year's, targets listed one a line or set in the plan's sections,
 * parts whose titles say nothing, and 民生实事 in an appendix list or inside a sentence.
 */
import { describe, expect, it } from 'vitest';
import { publish } from '../../pipeline/publish.js';
import type { Figures } from '../../pipeline/model.js';

const run = (...blocks: string[]): Figures => publish(new TextEncoder().encode(['某市政府工作报告', '各位代表：', ...blocks].join('\n\n') + '\n'), 'case.txt').figures;
const results = (f: Figures) => f.indicators.map((i) => [i.name, i.text]);
const targets = (f: Figures) => f.targets.map((t) => [t.name, t.target]);

/** Every fact's text is where its provenance says, in the sentence it came from. */
function traceable(f: Figures) {
  for (const i of f.indicators) expect(i.from.sentence.slice(i.from.start, i.from.end)).toBe(i.text);
  for (const t of f.targets) expect(t.from.sentence.slice(t.from.start, t.from.end)).toBe(t.target);
  for (const p of [...f.priorities, ...f.projects]) expect(p.from.sentence.slice(p.from.start, p.from.end)).toBe(p.text);
}

describe('last year\'s results', () => {
  it('reads every headline indicator of the review, in the digests\' order, levels written as prose too', () => {
    const f = run(
      '一、2025年工作回顾',
      '过去一年，全市地区生产总值1200亿元、增长5.2%。',
      '（一）产业发展',
      '规上工业增加值增长6.1%。城镇新增就业3.2万人，城镇调查失业率5.1%。',
      '（二）消费和开放',
      '社会消费品零售总额增长4.5%，外贸进出口总额达到300亿元。居民消费价格上涨0.3%。粮食总产量达到50万吨。',
      '二、2026年工作安排',
      '今年主要预期目标是：地区生产总值增长5%左右。',
    );
    expect(results(f)).toEqual([
      ['地区生产总值', '1200亿元、增长5.2%'],
      ['规上工业增加值', '增长6.1%'],
      ['社会消费品零售总额', '增长4.5%'],
      ['外贸进出口总额', '达到300亿元'],
      ['居民消费价格', '上涨0.3%'],
      ['城镇新增就业', '3.2万人'],
      ['城镇调查失业率', '5.1%'],
      ['粮食总产量', '达到50万吨'],
    ]);
    traceable(f);
  });

  it('takes the name out of a run-in head glued to it, and leaves narrower figures out', () => {
    const f = run(
      '一、2025年工作回顾',
      '全市地区生产总值增长5%。服务业持续恢复全年实现社会消费品零售总额800亿元。都市圈经济总量达到3万亿元。带动本市进出口40亿元、增长9%。扣除房地产开发投资后，固定资产投资增长2.7%。',
      '二、2026年工作安排',
      '今年主要预期目标是：地区生产总值增长5%左右。',
    );
    expect(results(f)).toEqual([
      ['地区生产总值', '增长5%'],
      ['社会消费品零售总额', '800亿元'],
    ]);
  });

  it('keeps a pair of rates with the pair of names they belong to', () => {
    const f = run('一、2025年工作回顾', '地区生产总值增长5%，城镇、农村居民人均可支配收入分别增长4.3%、5.7%，基础设施投资、工业投资分别增长3.2%、8.5%。', '二、2026年工作安排', '主要预期目标是：地区生产总值增长5%。');
    expect(results(f)).toEqual([
      ['地区生产总值', '增长5%'],
      ['城镇、农村居民人均可支配收入', '增长4.3%、5.7%'],
    ]);
  });

  it('leaves out the five-year review, its paragraphs and clauses, until the text turns to the year', () => {
    const f = run(
      '一、“十四五”时期和2025年工作回顾',
      '“十四五”时期是极不平凡的五年。地区生产总值跨过1000亿元。',
      '——综合实力大幅提升。社会消费品零售总额增至500亿元，城镇新增就业累计20万人。',
      '刚刚过去的2025年，全市地区生产总值增长5.1%，一般公共预算收入年均增长6%，固定资产投资增长3%，单位生产总值能耗累计降幅完成任务。',
      '二、2026年工作安排',
      '主要预期目标是：地区生产总值增长5%。',
    );
    expect(results(f)).toEqual([
      ['地区生产总值', '增长5.1%'],
      ['固定资产投资', '增长3%'],
    ]);
  });

  it('fills a short list from the second list of indicators (高技术制造业, 空气质量…)', () => {
    const f = run('一、2025年工作回顾', '全市地区生产总值增长4.8%。高技术制造业增加值增长12%。PM2.5年均浓度30微克/立方米、同比下降5%。', '二、2026年工作安排', '主要预期目标是：地区生产总值增长5%。');
    expect(results(f)).toEqual([
      ['地区生产总值', '增长4.8%'],
      ['高技术制造业增加值', '增长12%'],
      ['PM2.5年均浓度', '30微克/立方米、同比下降5%'],
    ]);
  });
});

describe('this year\'s targets', () => {
  it('follows the 主要预期目标 sentence over the lines that go on listing targets', () => {
    const f = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '二、2026年工作安排',
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；',
      '城镇调查失业率5.5%左右，城镇新增就业18万人以上、城镇登记失业率控制在4%以内；',
      '居民消费价格涨幅2%左右；',
      '粮食产量超过80亿斤。',
      '做好今年工作，要抓好以下几点。',
    );
    expect(targets(f)).toEqual([
      ['地区生产总值', '增长5%左右'],
      ['城镇调查失业率', '5.5%左右'],
      ['城镇新增就业', '18万人以上'],
      ['城镇登记失业率', '控制在4%以内'],
      ['居民消费价格涨幅', '2%左右'],
      ['粮食产量', '超过80亿斤'],
    ]);
    traceable(f);
  });

  it('adds the headline targets the plan\'s sections set, not the narrower ones', () => {
    const f = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '二、2026年工作安排',
      '主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%。',
      '（一）扩大内需',
      '打好投资翻身仗，固定资产投资增长3%左右。跨境电商进出口增长15%以上。',
      '（二）保障民生',
      '严格耕地保护，确保粮食产量80亿斤以上。实施稳岗行动，城镇新增就业不少于28万人。',
    );
    expect(targets(f)).toEqual([
      ['地区生产总值', '增长5%左右'],
      ['一般公共预算收入', '增长3%'],
      ['固定资产投资', '增长3%左右'],
      ['粮食产量', '80亿斤以上'],
      ['城镇新增就业', '不少于28万人'],
    ]);
    traceable(f);
  });
});

describe('the national report\'s fiscal targets', () => {
  it('reads the deficit ratio and amount the plan sets after the 主要预期目标', () => {
    const f = run(
      '一、2025年工作回顾',
      '国内生产总值增长5%。',
      '二、2026年经济社会发展总体要求和政策取向',
      '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；单位国内生产总值能耗降低2%左右。',
      '三、2026年政府工作任务',
      '（一）实施更加积极的财政政策',
      '今年赤字率拟按4%左右安排，比上年提高1个百分点，赤字规模5.66万亿元，比上年增加1.6万亿元。',
    );
    expect(targets(f)).toEqual([
      ['国内生产总值', '增长5%左右'],
      ['城镇新增就业', '1200万人以上'],
      ['单位国内生产总值能耗', '降低2%左右'],
      ['赤字率', '按4%左右'],
      ['赤字规模', '5.66万亿元'],
    ]);
    traceable(f);
  });
});

describe('parts known by what they hold', () => {
  it('finds the review and the plan without the genre\'s titles, and the plan year in the report\'s title', () => {
    const f = publish(
      new TextEncoder().encode(
        ['2026年某省政府工作报告', '各位代表：', '一、一年接着一年干', '初步统计，2025年全省地区生产总值6000亿元、增长5%，城镇新增就业5万人。', '二、一鼓作气勇争先', '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业5万人。', '（一）壮大实体经济', '正文。', '（二）深挖内需潜力', '正文。'].join('\n\n'),
      ),
      'case.txt',
    ).figures;
    expect(results(f)).toEqual([
      ['地区生产总值', '6000亿元、增长5%'],
      ['城镇新增就业', '5万人'],
    ]);
    expect(targets(f)).toEqual([
      ['地区生产总值', '增长5%左右'],
      ['城镇新增就业', '5万人'],
    ]);
    expect(f.planYear).toBe('2026');
    // The review's year where its figures begin.
    expect(f.reviewYear).toBe('2025');
    expect(f.priorities.map((p) => p.text)).toEqual(['壮大实体经济', '深挖内需潜力']);
  });

  it('takes the tasks of the plan\'s 重点工作 section when the plan has other sections beside it', () => {
    const f = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '“十五五”时期主要目标和2026年重点工作',
      '一、把握发展主线',
      '正文。',
      '二、全力抓好三项重点工作',
      '（一）建设现代化产业体系',
      '正文。',
      '（二）推进创新驱动',
      '正文。',
      '（三）扩大内需',
      '正文。',
      '三、加强政府自身建设',
      '正文。',
    );
    expect(f.priorities.map((p) => p.text)).toEqual(['建设现代化产业体系', '推进创新驱动', '扩大内需']);
  });
});

describe('民生实事 wherever they stand', () => {
  it('reads an appendix list of numbered items', () => {
    const f = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '二、2026年工作安排',
      '主要预期目标是：地区生产总值增长5%。',
      '附件',
      '2026年民生实事',
      '1.实现城镇新增就业1万人以上；开展职业技能培训。',
      '2.新建养老床位500张（牵头单位：民政局）。',
      '3.改造老旧小区20个。',
    );
    expect(f.projectsTitle).toBe('2026年民生实事');
    // The first clause of each item, without who leads it.
    expect(f.projects.map((p) => p.text)).toEqual(['实现城镇新增就业1万人以上', '新建养老床位500张', '改造老旧小区20个']);
    traceable(f);
  });

  it('reads a paragraph led by a sentence that names them, and a section titled with them', () => {
    const led = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '二、2026年工作安排',
      '主要预期目标是：地区生产总值增长5%。',
      '（一）增进民生福祉',
      '扎实办好民生实事。提高农村最低生活保障标准。为1万名残疾人提供康复服务，实现应救尽救。建设10个养老服务中心。完成100个行政村生活污水治理。',
    );
    expect(led.projectsTitle).toBe('扎实办好民生实事');
    expect(led.projects.map((p) => p.text)).toEqual(['提高农村最低生活保障标准', '为1万名残疾人提供康复服务，实现应救尽救', '建设10个养老服务中心', '完成100个行政村生活污水治理']);
    traceable(led);
    const titled = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '二、2026年工作安排',
      '主要预期目标是：地区生产总值增长5%。',
      '（一）全力办好民生实事增进民生福祉',
      '统筹投资于人和服务于民生。',
      '兜牢社会保障底线。健全就业促进机制。',
      '推进教育医疗优质均衡。新建中小学10所。',
      '各位代表！让我们团结奋斗。',
    );
    expect(titled.projectsTitle).toBe('全力办好民生实事增进民生福祉');
    expect(titled.projects.map((p) => p.text)).toEqual(['兜牢社会保障底线', '推进教育医疗优质均衡']);
    traceable(titled);
  });

  it('reads the items of a sentence that lists them', () => {
    const f = run(
      '一、2025年工作回顾',
      '地区生产总值增长5%。',
      '二、2026年工作安排',
      '主要预期目标是：地区生产总值增长5%。',
      '（一）增进民生福祉',
      '今年，我们将办好15件重点民生实事，包括：完成老旧小区改造600个；治理交通堵点60处；开展心理健康测评；建设社区食堂50个。',
    );
    expect(f.projectsTitle).toBe('15件重点民生实事');
    expect(f.projects.map((p) => p.text)).toEqual(['完成老旧小区改造600个', '治理交通堵点60处', '开展心理健康测评', '建设社区食堂50个']);
    traceable(f);
  });
});
