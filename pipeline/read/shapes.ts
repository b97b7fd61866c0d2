/**
 * The shapes of web-page lines that are not the report: widgets, page facts, breadcrumbs,
 * photo captions, link lists. Each is a predicate on one trimmed line; read/locate.ts decides
 * with them, together with where a line stands relative to the report's anchors.
 *
 * Shapes, not pages: a widget is a short line of interface words or none at all, a page fact
 * is a `key：value` field or a bare date stamp, a caption credits a reporter or photographer.
 */
import type { Meta } from '../model.js';
import { stampDate } from '../genre/front.js';

/** Interface words of news and government pages, alone on a line (or in brackets). */
const WIDGET_WORDS = [
  '听全文', '语音播报', '朗读', '分享到', '分享', '打印', '打印本页', '打印此页', '关闭', '关闭窗口', '收藏', '下载', '全屏',
  '加大', '还原', '减小', '大', '中', '小', '默认', '放大', '缩小', '字体', '字号', '大 中 小', '相关附件', '相关新闻',
  '相关链接', '相关文章', '相关阅读', '相关稿件', '相关报道', '相关文档', '附件下载', '扫一扫', '扫一扫在手机打开当前页',
  '扫一扫在手机上查看当前页面', '手机扫一扫', '返回顶部', '返回', '上一篇', '下一篇', '网站地图', '联系我们', '纠错', '我要纠错',
  '点赞', '评论', '复制链接', '微信', '微博', '分享到微信', '分享到微博', '责任编辑', '编辑',
];
const WIDGET = new RegExp('^[【\\[]?(' + WIDGET_WORDS.map(escapeRegExp).join('|') + ')[】\\]]?[:：]?[【\\[]?$');
/** "关注 · 广州政府网", "分享到：微信 微博" and similar follow/share bars. */
const FOLLOW_BAR = /^(关注|分享到|分享至)\s*[·•|:：]/;
/** Page counters and font-size pickers: "浏览次数：123", "【字体：大 中 小】". */
const COUNTER = /^[【\[]?(浏览次数|阅读次数|阅读量|访问量|点击数|点击量|字体|字号)[:：]/;
/** Editor credits: "（责任编辑：石兰兰）". */
const CREDIT = /^[（(]?(责任编辑|编辑|责编|校对|审核|审校|监制|编审|作者)[:：][^。]{0,20}[）)]?$/;
/** Lines without a single letter, digit or Han character: lone dashes, bullets, rules, `×`, `|`. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** A bulleted crumb: "• 2025-03-12", "• 来源:番禺区". */
const BULLET = /^[•·▪●◆■▶►‣⁃∙]\s*(.*)$/;
/** Header fields of a scraped page. */
const FIELD = /^(标题|题目|发文单位|发布单位|发文机关|发布机构|发文时间|发布时间|发布日期|成文日期|日期|时间|来源|信息来源|文章来源|稿件来源|来源URL|来源网址|原文链接|网址|链接|URL|作者|正文)\s*[:：]\s*(.*)$/i;
const SHARE_TARGETS = new Set(['微信', '微博', '新浪微博', '腾讯微博', 'QQ', 'QQ空间', '豆瓣', '人人网', '朋友圈', '钉钉']);

/**
 * A line that is page furniture: a widget, a counter, a credit, no words. Inside the body a
 * one-character word (大, 中, 小 of a font-size picker) may be a table cell, so only the page
 * around the report loses those.
 */
export function isWidget(line: string, where: 'page' | 'body'): boolean {
  // A bulleted widget ("• 听全文") is a widget too.
  const text = where === 'page' ? line.replace(BULLET, '$1') : line;
  if (where === 'body' && [...text].length < 2 && !NO_WORDS.test(text)) return false;
  // An opening bracket alone in the body is half of a heading the page cut (`（` / `三）…`).
  if (where === 'body' && /^[（(【\[《“]$/.test(text)) return false;
  return WIDGET.test(text) || FOLLOW_BAR.test(text) || COUNTER.test(text) || CREDIT.test(text) || NO_WORDS.test(text) || widgetBar(text);
}

/** A line made only of widgets: "【打印】【关闭】", "打印本页 关闭窗口", "分享到： 微信 微博". */
function widgetBar(text: string): boolean {
  const tokens = text.split(/[【】[\]\s|｜·•:：]+/).filter(Boolean);
  return tokens.length > 1 && tokens.every((t) => WIDGET.test(t) || SHARE_TARGETS.has(t) || /^(分享到|分享至)$/.test(t));
}

/** Breadcrumbs: "您的位置：首页 > 要闻", "首页 > 政府信息公开 > 政府工作报告", a lone ">", "首页". */
export function isBreadcrumb(text: string): boolean {
  if (/^(您的位置|当前位置|你的位置|所在位置)\s*[:：]?/.test(text) || /^[>›»＞]$/.test(text) || /^首页$/.test(text)) return true;
  const crumbs = text.split(/[>›»＞]/).map((c) => c.trim());
  return crumbs.length >= 2 && crumbs.every((c) => c.length > 0 && c.length <= 12 && !/[<。，；！？]/.test(c));
}

/**
 * A photo caption or credit: "殷勇同志作政府工作报告。本报记者 戴冰摄", "石榴云/新疆日报记者谢龙摄",
 * "图为…", "省长赵刚作政府工作报告" (a person delivering the report, said in the third person).
 */
export function isCaption(text: string, where: 'page' | 'body' = 'page'): boolean {
  if (text.length > 90) return false;
  if (/(记者|通讯员|摄影|摄)\s*[\u4e00-\u9fff·\s]{0,12}摄?[）)]?$/.test(text) && /(记者|通讯员|摄影)/.test(text)) return true;
  if (/(记者|通讯员)[\s\S]{0,20}$/.test(text) && /[。]\s*\S*(本报|新华社|日报|记者)/.test(text)) return true;
  if (/^图为/.test(text) || /^[（(]?(新华社|本报)记者.{0,12}摄[）)]?$/.test(text)) return true;
  // Inside the speech a sentence may say the same of the speaker himself; only credits count.
  return where === 'page' && text.length <= 50 && /作(政府)?工作报告[。.]?$/.test(text);
}

/** A link or a link list entry: "》》点击图片进入专题《《", ">>更多", an address, an attached file. */
export function isLinkLine(text: string): boolean {
  return /^(>>|》》|＞＞|»|›)/.test(text) || /(>>|》》|《《|<<)$/.test(text) || /^https?:\/\/\S+$/.test(text) || /^\S.{0,80}\.(pdf|docx?|xlsx?|wps|ofd|zip|rar)$/i.test(text);
}

/**
 * A site footer: `key：value` lines (主办：…, 联系电话：…, 地址：…) and legal lines (版权所有,
 * Copyright ©, ICP and 公网安备 numbers).
 */
export function isFooterLine(text: string): boolean {
  if (/版权所有|copyright|©|ICP备|ICP证|公网安备|网站标识码|网站识别码/i.test(text) && text.length <= 120) return true;
  // Not a numbered or quoted entry of the report's own (a glossary term: 1.…：, “…”：).
  return text.length <= 40 && /^[^\d（(\[【①-⑳“《"][^：:，。；！？]{0,7}[：:]\s*\S[^。；！？]*$/.test(text);
}

/** A label with nothing after it: "相关报道：", "分享到:", "时间：". */
export function isBareLabel(text: string): boolean {
  return /^[^，。；！？,;!?\s]{1,8}[:：]$/.test(text);
}

/** Sentence-bearing text: a full stop or the like, or a long line with clauses. */
export function isProse(text: string): boolean {
  return /[。！？；!?;]/.test(text) || (text.length >= 30 && /[，,、]/.test(text));
}

/**
 * Reads a page fact into `meta`: a `key：value` field (one or several on a line), a bulleted
 * crumb, or a bare date stamp. True when the line was one; a field whose value is on the next
 * line (`时间：` then `2026-02-02 09:20`) is true with `pending` set to its key.
 */
export function pageFact(text: string, meta: Meta): { pending?: string } | undefined {
  const bullet = BULLET.exec(text);
  if (bullet) return bullet[1]!.length <= 30 && field(bullet[1]!, meta) ? {} : undefined;
  const date = stampDate(text);
  if (date) {
    meta.published ??= date;
    return {};
  }
  const m = FIELD.exec(text);
  if (!m) return undefined;
  if (m[2]!.trim() === '') return { pending: m[1]! };
  // "发布时间：2024-01-26 09:30 来源：广州日报": more fields after the first.
  for (const part of text.split(/\s+(?=[^\s：:]{1,6}[：:])/)) field(part, meta);
  return {};
}

/** The value line of a field whose key stood alone on the line before. */
export function pendingValue(key: string, text: string, meta: Meta): boolean {
  if (text.length > 40 || isProse(text)) return false;
  return field(`${key}：${text}`, meta);
}

function field(text: string, meta: Meta): boolean {
  const date = stampDate(text);
  if (date) {
    meta.published ??= date;
    return true;
  }
  const m = FIELD.exec(text);
  if (!m) return false;
  const key = m[1]!.toUpperCase();
  const value = m[2]!.trim();
  if (value === '' || value === '未知' || value === '无') return true;
  if (key === '标题' || key === '题目') meta.title ??= value;
  else if (/单位|机关|机构/.test(key)) meta.issuer ??= value;
  else if (/时间|日期/.test(key)) {
    const date = stampDate(value) ?? stampDate(value.split(/\s+(?=[^\s：:]{1,6}[：:])/)[0]!);
    if (date) meta.published ??= date;
  } else if (/URL|网址|链接/.test(key)) meta.url ??= value;
  else if (key.includes('来源')) {
    if (/^https?:\/\//.test(value)) meta.url ??= value;
    else meta.source ??= value;
  }
  return true;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
