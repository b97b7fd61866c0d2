/**
 * Figures on the four real reports: the review year's headline indicators, the plan year's
 * targets, the priorities and the 民生实事, each checked against what the report says (expected
 * values written by reading the reports), with provenance that points at a real sentence.
 */
import { describe, expect, it } from 'vitest';
import { CASES, han, publication, sourceText } from '../helpers.js';
import { publish } from '../../pipeline/publish.js';
import type { Figures, Provenance } from '../../pipeline/model.js';

interface Expected {
  reviewYear?: string;
  planYear?: string;
  /** name, value+unit ('' when only the growth is given), growth ('' when only the level is) */
  indicators: Array<[string, string, string]>;
  /** name, target as written, level */
  targets: Array<[string, string, string?]>;
  priorities: string[];
  projectsTitle?: string;
  projects: string[];
}

const EXPECTED: Record<string, Expected> = {
  'panyu-2025': {
    reviewYear: '2024',
    planYear: '2025',
    indicators: [
      ['地区生产总值', '3070.56亿元', '增长1.1%'],
      ['规上工业增加值', '575.95亿元', ''],
      ['规上工业总产值', '2684.24亿元', ''],
      ['固定资产投资', '738.59亿元', ''],
      ['社会消费品零售总额', '1319.54亿元', ''],
      ['外贸进出口总值', '1165.7亿元', ''],
      ['实际利用外资', '14亿元', ''],
      ['地方一般公共预算收入', '119.97亿元', '增长1.32%'],
      ['城镇新增就业', '3.48万人', ''],
      ['R&D经费投入', '101.36亿元', ''],
    ],
    targets: [
      ['地区生产总值', '增长5%'],
      ['规模以上工业总产值', '增长5%以上'],
      ['固定资产投资', '增长5%左右'],
      ['社会消费品零售总额', '增长3%'],
      ['商品进出口总值', '增长2%'],
    ],
    priorities: [
      '强化重大平台支撑，打造“两轴两带”城市空间新格局',
      '凝聚新质生产力，培育高质量发展新动能',
      '高效集约利用土地，拓展高质量发展空间',
      '全力提振需求、深化改革，激发和增强经济社会发展动力活力',
      '完善基础设施建设，进一步提升城市功能品质',
      '全速推进“百千万工程”，促进城乡融合发展',
      '加快绿美番禺建设，打造和谐美丽家园',
      '持续增进民生福祉，更好满足人民美好生活需求',
      '全面贯彻总体国家安全观，以新安全格局保障新发展格局',
      '忠实履职尽责，建设人民满意的服务型政府',
    ],
    // The 2025 list (a table; its 项目 column), not the 2024 list reported as done.
    projectsTitle: '2025年十件民生实事',
    projects: [
      '道路优化：推进交通拥堵点位治理',
      '依“法”护“未”：加强青少年普法宣传力度和心理健康教育，维护青少年合法权益及心理健康',
      '便捷出行：大力推动公共停车场建设，缓解老城区停车难问题；优化调整区内公交线路，提升出行便捷度。',
      '“食惠民生”：加大食品安全抽检力度',
      '老旧小区改造：推进人居环境提升和共用用水设施改造',
      '加强电动自行车管理',
      '护苗行动：监护困境儿童个案帮扶',
      '反诈宣防：打击电信网络犯罪',
      '城市照明设施安全管理大提升',
      '智融政务：打造多端融合、便捷高效的移动政务服务体系。',
    ],
  },
  baoding_city_2022: {
    reviewYear: '2021',
    planYear: '2022',
    indicators: [
      ['生产总值', '3725亿元', '增长7.2%'],
      ['规模以上工业增加值', '', '增长11.4%'],
      ['固定资产投资', '', '增长6.9%'],
      ['社会消费品零售总额', '', '增长9.5%'],
      ['进出口总值', '411.3亿元', '增长40.4%'],
      ['一般公共预算收入', '312.5亿元', '增长11.3%'],
      ['居民人均可支配收入', '', '增长10.1%'],
      ['高新技术企业', '1306家', ''],
    ],
    targets: [
      ['生产总值', '增长8%以上'],
      ['一般公共预算收入', '增长8%以上'],
      ['规模以上工业增加值', '增长9%左右'],
      ['固定资产投资', '增长8%左右'],
      ['社会消费品零售总额', '增长8.5%左右'],
      ['进出口总值', '增长5%左右'],
      ['实际利用外资', '增长5%左右'],
      ['居民人均可支配收入', '增长8.5%左右'],
      ['粮食产量', '80亿斤以上'],
      ['新增就业', '8.9万人以上'],
    ],
    priorities: [
      '深入推进品质城市提升工程',
      '深入推进综合交通体系提升工程',
      '深入推进创新驱动提升工程',
      '深入推进产业转型提升工程',
      '深入推进乡村振兴提升工程',
      '深入推进品质服务提升工程',
      '深入推进品质文化提升工程',
      '深入推进绿色低碳提升工程',
      '深入推进营商环境提升工程',
      '深入推进幸福生活提升工程',
    ],
    projects: [],
  },
  guangdong_province_2026: {
    reviewYear: '2025',
    planYear: '2026',
    // The 2025 figures, not the five-year ones (从11.37万亿元提高到14.58万亿元).
    indicators: [
      ['地区生产总值', '', '增长3.9%'],
      ['社会消费品零售总额', '4.6万亿元', '增长2.8%'],
      ['货物进出口总额', '9.5万亿元', '增长4.4%'],
      ['实际使用外资', '1126.6亿元', '增长11.3%'],
      ['地方一般公共预算收入', '', '增长3%'],
      ['居民人均可支配收入', '5.4万元', '增长4.3%'],
      ['城镇新增就业', '149.4万人', ''],
      ['城镇调查失业率', '5.0%', ''],
    ],
    // The 2026 targets of part 三, not the 十五五 ones of part 二 (年均增长5%左右).
    targets: [
      ['地区生产总值', '增长4.5%—5%'],
      ['地方一般公共预算收入', '增长3%左右'],
      ['社会消费品零售总额', '增长5%左右'],
      ['规上工业增加值', '增长5.5%左右'],
      ['进出口总额', '增长3%左右'],
      ['城镇新增就业', '110万人以上'],
    ],
    priorities: [
      '久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群',
      '坚持实体经济为本、制造业当家，加快构建更加强大的现代化产业体系',
      '打造具有全球影响力的产业科技创新中心，加快培育和发展新质生产力',
      '推动供需高水平动态适配，在建设强大国内市场中努力扩大有潜能的消费、有需求的生产、有效益的投资',
      '坚定不移深化改革，充分激发全社会创新创造活力和高质量发展的澎湃动能',
      '扩大高水平对外开放，在服务和融入新发展格局中展现更大作为',
      '坚定自觉把“百县千镇万村高质量发展工程”持续抓下去，提升城乡区域发展平衡性协调性',
      '推动城市高质量发展，建设现代化人民城市',
      '推动海洋经济高质量发展，加快打造海上新广东',
      '牢固树立和践行绿水青山就是金山银山的理念，加快建设美丽中国先行区',
      '繁荣发展社会主义文化，高水平推进文化强省建设',
      '用心用情用力办好群众身边大大小小的事，更好满足人民群众日益增长的美好生活需要',
      '统筹高质量发展和高水平安全，守牢安全发展底线',
      '全面加强政府自身建设，努力建设人民满意的法治政府、廉洁政府、服务型政府',
    ],
    projectsTitle: '2026年省十件民生实事',
    projects: [
      '提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平',
      '加快建立长期护理保险制度和提升养老服务供给水平',
      '提升普通高中办学条件和推动教育帮扶扩围提质',
      '提升生育医疗保障水平和降低家庭生育养育成本',
      '为劳动者提供普惠就业公共服务和强化新业态劳动者权益保障',
      '为青少年提供家校社协同的心理健康服务',
      '提升基层医疗健康服务供给和检查检验结果互认共享水平',
      '扎实推进农村生活污水治理和河湖生态建设',
      '提升重点领域、重点环节的食品药品安全监管水平',
      '深入推进“四好农村路”、高速公路服务区建设和提高充电基础设施便民服务水平',
    ],
  },
  hailar_district_2016_gbk: {
    reviewYear: '2015',
    planYear: '2016',
    // The 2015 paragraph, not the 十二五 comparison (由2010年的162.4亿元增加到…).
    indicators: [
      ['地区生产总值', '287.9亿元', '增长8.9%'],
      ['规模以上工业增加值增速', '9.7%', ''],
      ['规模以上工业总产值', '188亿元', '增长12.9%'],
      ['地方公共财政预算收入', '15.07亿元', '增长10.3%'],
      ['城乡居民人均可支配收入', '', '增长8.7%和8.6%'],
      ['城镇登记失业率', '3.9%', ''],
      ['新增就业', '3000人', ''],
    ],
    targets: [
      ['地区生产总值', '增长7.5%', '达到309亿元'],
      ['公共财政预算收入', '增长5%', '达到15.8亿元'],
      ['区本级固定资产投资', '增长13%'],
      ['社会消费品零售总额', '增长9%'],
      ['城镇常住居民人均可支配收入、农村常住居民人均可支配收入', '增长8%'],
    ],
    priorities: [
      '狠抓投资融资和项目建设，保持经济稳定增长',
      '积极调整产业结构，发展壮大经济实力',
      '全面提升城市建设管理水平，统筹推进城乡一体化',
      '推进绿色发展，筑牢生态安全屏障',
      '加大改革攻坚力度，进一步提高开放水平',
      '着力保障和改善民生，不断增进人民福祉',
      '加强社会治理创新，促进社会和谐稳定',
      '加强自身建设，全面提升依法行政能力',
    ],
    projects: [],
  },
};

/** Every fact of a publication with the text its provenance must point at. */
function facts(f: Figures): Array<{ text: string; from: Provenance }> {
  return [
    ...f.indicators.map((i) => ({ text: i.text, from: i.from })),
    ...f.targets.map((t) => ({ text: t.target, from: t.from })),
    ...f.priorities.map((p) => ({ text: p.text, from: p.from })),
    ...f.projects.map((p) => ({ text: p.text, from: p.from })),
  ];
}

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe.each(CASES)('$name', (c) => {
  const pub = publication(c.path);
  const f = pub.figures;
  const want = EXPECTED[c.name]!;

  it('finds the review and plan years', () => {
    expect(f.reviewYear).toBe(want.reviewYear);
    expect(f.planYear).toBe(want.planYear);
  });

  it('reads the review year\'s headline indicators', () => {
    expect(f.indicators.map((i) => [i.name, (i.value ?? '') + (i.unit ?? ''), i.growth ?? ''])).toEqual(want.indicators);
  });

  it('reads the plan year\'s targets from the 主要预期目标 sentence and the plan\'s sections', () => {
    expect(f.targets.map((t) => (t.level ? [t.name, t.target, t.level] : [t.name, t.target]))).toEqual(want.targets);
    for (const t of f.targets) expect(t.target.endsWith(t.value + (t.qualifier ?? ''))).toBe(true);
  });

  it('takes the priorities from the plan part\'s sections', () => {
    expect(f.priorities.map((p) => p.text)).toEqual(want.priorities);
    for (const p of f.priorities) expect(p.marker).toMatch(/^（[一二三四五六七八九十]+）$/);
  });

  it('takes the 民生实事 of the plan year where the report lists them', () => {
    expect(f.projects.map((p) => p.text)).toEqual(want.projects);
    expect(f.projectsTitle).toBe(want.projectsTitle);
  });

  it('points every fact at a sentence that contains it', () => {
    for (const { text, from } of facts(f)) {
      expect(from.sentence.slice(from.start, from.end)).toBe(text);
      expect(from.section).not.toBe('');
    }
  });

  it('gives the source line where the fact\'s paragraph begins', () => {
    const lines = sourceText(c.path).split(/\r\n|\r|\n/);
    for (const { text, from } of facts(f)) {
      expect(from.line, text).toBeDefined();
      // A paragraph the web page broke over a few lines is one block: look a few lines on.
      const window = han(lines.slice(from.line! - 1, from.line! + 4).join(''));
      expect(window, text).toContain(han(text).slice(0, 8));
      if (han(text)) expect(han(lines[from.line! - 1]!), text).not.toBe('');
    }
  });

  it('reads each kind of fact only from its own part', () => {
    const children = pub.tree.children;
    const partOf = (index: number) => {
      for (let i = index; i >= 0; i--) {
        const n = children[i]!;
        if (n.type === 'heading' && n.depth === 1) return plainText(n);
      }
      return '';
    };
    for (const i of f.indicators) expect(partOf(i.from.paragraph)).toBe(f.reviewPart);
    for (const t of f.targets) expect(partOf(t.from.paragraph)).toBe(f.planPart);
    for (const p of f.priorities) expect(partOf(p.from.paragraph)).toBe(f.planPart);
    for (const p of f.projects) expect(fold(partOf(p.from.paragraph))).toContain(fold(f.projectsTitle!));
  });
});

function plainText(node: { children?: unknown[]; value?: string }): string {
  return node.value ?? (node.children ?? []).map((c) => plainText(c as typeof node)).join('');
}

describe('a report without the genre\'s parts', () => {
  const run = (markdown: string): Figures => publish(new TextEncoder().encode(markdown), 'case.md').figures;

  it('has no facts, rather than guessed ones', () => {
    const f = run('# 关于某事的说明\n\n地区生产总值3000亿元、增长5%。今年主要预期目标是：增长6%。\n');
    expect(f.indicators).toEqual([]);
    expect(f.targets).toEqual([]);
    expect(f.priorities).toEqual([]);
    expect(f.projects).toEqual([]);
  });

  it('leaves out a part it cannot find and keeps the others', () => {
    const f = run('# 一、过去一年工作回顾\n\n全年地区生产总值增长6%。\n\n# 二、今年工作安排\n\n## （一）抓好一件事\n\n正文。\n');
    expect(f.indicators.map((i) => [i.name, i.growth])).toEqual([['地区生产总值', '增长6%']]);
    expect(f.reviewYear).toBeUndefined();
    expect(f.targets).toEqual([]);
    expect(f.priorities.map((p) => p.text)).toEqual(['抓好一件事']);
  });
});

describe('other phrasings of the genre', () => {
  const run = (text: string): Figures => publish(new TextEncoder().encode(text), 'case.txt').figures;
  const report = [
    '某市政府工作报告',
    '各位代表：',
    '一、2023年主要工作',
    '全市地区生产总值1234.5亿元，按可比价格计算，增长6.1%；一般公共预算收入增长5.2%，达到120.3亿元。这一年很不平凡。',
    '二、2024年经济社会发展的总体要求和主要目标',
    '今年全市经济社会发展的主要预期目标建议为：地区生产总值增长6%左右；城镇新增就业12万人以上；城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；粮食产量稳定在50万吨以上；PM2.5年平均浓度完成省下达任务。',
    '三、2024年重点工作',
    '（一）总体要求',
    '坚持稳中求进。',
    '（二）主要任务',
    '1.抓好第一件事',
    '扎实推进。',
    '2.抓好第二件事',
    '扎实推进。',
  ].join('\n\n');
  const f = run(report);

  it('takes the numbered part before the plan as the review when none says 回顾', () => {
    expect(f.reviewPart).toBe('一、2023年主要工作');
    expect(f.reviewYear).toBe('2023');
  });

  it('reads an amount separated from its growth, or stated after it', () => {
    expect(f.indicators.map((i) => [i.name, i.value, i.unit, i.growth, i.text])).toEqual([
      ['地区生产总值', '1234.5', '亿元', '增长6.1%', '1234.5亿元，按可比价格计算，增长6.1%'],
      ['一般公共预算收入', '120.3', '亿元', '增长5.2%', '增长5.2%，达到120.3亿元'],
    ]);
  });

  it('reads targets with and without a verb, after 主要预期目标建议为', () => {
    expect(f.targets.map((t) => [t.name, t.target, t.value, t.qualifier])).toEqual([
      ['地区生产总值', '增长6%左右', '6%', '左右'],
      ['城镇新增就业', '12万人以上', '12万人', '以上'],
      ['城镇调查失业率', '5.5%左右', '5.5%', '左右'],
      ['居民消费价格涨幅', '3%左右', '3%', '左右'],
      ['粮食产量', '稳定在50万吨以上', '50万吨', '以上'],
    ]);
    for (const t of f.targets) expect(t.from.sentence.slice(t.from.start, t.from.end)).toBe(t.target);
  });

  it('takes the priorities from the part that holds the tasks, past the framing sections', () => {
    expect(f.priorities.map((p) => p.text)).toEqual(['抓好第一件事', '抓好第二件事']);
    expect(f.planPart).toBe('三、2024年重点工作');
    expect(f.planYear).toBe('2024');
  });
});

describe('the national report\'s phrasing', () => {
  const text = [
    '政府工作报告',
    '各位代表：',
    '一、2023年工作回顾',
    '过去一年，我们顶住外部压力、克服内部困难。国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。城镇新增就业1244万人。',
    '二、2024年经济社会发展总体要求和政策取向',
    '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右。',
    '三、2024年政府工作任务',
    '（一）大力推进现代化产业体系建设，加快发展新质生产力。',
    '正文。',
    '（二）深入实施科教兴国战略，强化高质量发展的基础支撑。',
    '正文。',
  ].join('\n\n');
  const f = publish(new TextEncoder().encode(text), 'national.txt').figures;

  it('reads the year\'s figures, targets and tasks', () => {
    expect(f.indicators.map((i) => [i.name, `${i.value}${i.unit}`, i.growth])).toEqual([
      ['国内生产总值', '126万亿元', '增长5.2%'],
      // Written as prose, with no growth: the level alone.
      ['城镇新增就业', '1244万人', undefined],
    ]);
    expect(f.targets.map((t) => [t.name, t.target])).toEqual([
      ['国内生产总值', '增长5%左右'],
      ['城镇新增就业', '1200万人以上'],
      ['城镇调查失业率', '5.5%左右'],
      ['居民消费价格涨幅', '3%左右'],
      ['粮食产量', '1.3万亿斤以上'],
      ['单位国内生产总值能耗', '降低2.5%左右'],
    ]);
    expect(f.priorities.map((p) => p.text)).toEqual(['大力推进现代化产业体系建设，加快发展新质生产力', '深入实施科教兴国战略，强化高质量发展的基础支撑']);
    expect([f.reviewYear, f.planYear]).toEqual(['2023', '2024']);
  });
});
