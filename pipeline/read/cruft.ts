/**
 * Web-page chrome -> gone, page facts -> metadata.
 *
 * A report copied from a government site carries the page around it: a share bar (听全文,
 * 分享到), bullets holding the publication date and 来源, a scraper's header block
 * (标题：… 发文单位：… 正文：), and at the end 相关附件 / 相关新闻 / 扫一扫… / 关注 · … or an
 * editor's credit. These rules describe the genre's chrome, not any one page: whole lines that
 * are widgets, bulleted crumbs before the report starts, `key：value` header fields, and lines
 * with no words at all.
 */
import type { Meta } from '../model.js';
import type { Line } from './lines.js';

export interface Decrufted {
  lines: Line[];
  pageMeta: Meta;
  /** Source line numbers of what was removed, for diagnostics and tests. */
  removed: number[];
}

/** Whole-line widgets of news and government pages. */
const WIDGET = new RegExp(
  '^[【\\[]?(' +
    [
      '听全文', '语音播报', '朗读', '分享到', '分享', '打印', '打印本页', '打印此页', '关闭', '关闭窗口', '收藏',
      '相关附件', '相关新闻', '相关链接', '相关文章', '相关阅读', '相关稿件', '附件下载', '扫一扫', '扫一扫在手机打开当前页',
      '扫一扫在手机上查看当前页面', '手机扫一扫', '返回顶部', '返回', '上一篇', '下一篇', '字体', '字号', '大 中 小',
      '【字体：大 中 小】', '网站地图', '联系我们', '纠错', '我要纠错',
    ]
      .map(escapeRegExp)
      .join('|') +
    ')[】\\]]?[:：]?$',
);
/** "关注 · 广州政府网", "分享到：微信 微博" and similar follow/share bars. */
const FOLLOW_BAR = /^(关注|分享到|分享至)\s*[·•|:：]/;
/** Page counters and font-size pickers: "浏览次数：123", "字体：【大 中 小】". */
const COUNTER = /^(浏览次数|阅读次数|阅读量|访问量|点击数|点击量|字体|字号)[:：]/;
/** Editor credits at the end of an article: "（责任编辑：石兰兰）". */
const CREDIT = /^[（(]?(责任编辑|编辑|责编|校对|审核|审校|监制|编审)[:：][^。]{0,20}[）)]?$/;
/** Lines without a single letter, digit or Han character: lone dashes, bullets, rules. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** A bulleted crumb: "• 2025-03-12", "• 来源:番禺区". */
const BULLET = /^[•·▪●◆■▶►‣⁃∙]\s*(.*)$/;
/** Header fields of a scraped page. */
const FIELD = /^(标题|题目|发文单位|发布单位|发文机关|发布机构|发文时间|发布时间|发布日期|成文日期|日期|时间|来源|信息来源|文章来源|来源URL|来源网址|原文链接|网址|链接|URL|作者|正文)\s*[:：]\s*(.*)$/i;
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** Where the report proper begins: the salutation or the first numbered part. */
const BODY_START = /^(各位代表|各位委员|同志们|代表们)|^[一二三四五六七八九十]+、/;
/** The chrome at the top never runs longer than this many non-blank lines. */
const HEADER_LIMIT = 40;

export function removeCruft(lines: Line[]): Decrufted {
  const pageMeta: Meta = {};
  const kept: Line[] = [];
  const removed: number[] = [];
  let inHeader = true;
  let seen = 0;

  for (const line of lines) {
    const text = line.text;
    if (text === '') {
      kept.push(line);
      continue;
    }
    seen++;
    if (inHeader && (BODY_START.test(text) || seen > HEADER_LIMIT)) inHeader = false;

    if (isWidget(text) || (inHeader && headerCrumb(text, pageMeta))) {
      removed.push(line.line);
      continue;
    }
    kept.push(line);
  }
  return { lines: kept, pageMeta, removed };
}

function isWidget(text: string): boolean {
  return WIDGET.test(text) || FOLLOW_BAR.test(text) || COUNTER.test(text) || CREDIT.test(text) || NO_WORDS.test(text) || widgetBar(text);
}

/** Where share services are named in a widget bar. */
const SHARE_TARGETS = new Set(['微信', '微博', '新浪微博', '腾讯微博', 'QQ', 'QQ空间', '豆瓣', '人人网', '朋友圈', '钉钉']);

/** A line made only of widgets: "【打印】【关闭】", "打印本页 关闭窗口", "分享到： 微信 微博". */
function widgetBar(text: string): boolean {
  const tokens = text.split(/[【】[\]\s|｜·•:：]+/).filter(Boolean);
  return tokens.length > 1 && tokens.every((t) => WIDGET.test(t) || SHARE_TARGETS.has(t) || /^(分享到|分享至)$/.test(t));
}

/** True when a header line is chrome; facts it holds are copied into `meta`. */
function headerCrumb(text: string, meta: Meta): boolean {
  const bullet = BULLET.exec(text);
  if (bullet) {
    // Bulleted lines before the report are page crumbs; a long one is real text.
    if (bullet[1]!.length > 30) return false;
    field(bullet[1]!, meta);
    return true;
  }
  if (field(text, meta)) {
    // "发布时间：2024-01-26 09:30 来源：广州日报": more fields after the first.
    for (const part of text.split(/\s+(?=[^\s：:]{1,6}[：:])/).slice(1)) field(part, meta);
    return true;
  }
  const date = isoDate(text);
  if (date) {
    meta.published ??= date;
    return true;
  }
  return false;
}

/** Reads a `key：value` header field into `meta`; false when the line is not one. */
function field(text: string, meta: Meta): boolean {
  const date = isoDate(text);
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
    const date = isoDate(value) ?? isoDate(value.split(/\s+(?=[^\s：:]{1,6}[：:])/)[0]!);
    if (date) meta.published ??= date;
  } else if (/URL|网址|链接/.test(key)) meta.url ??= value;
  else if (key.startsWith('来源') || key.endsWith('来源')) {
    if (/^https?:\/\//.test(value)) meta.url ??= value;
    else meta.source ??= value;
  }
  return true;
}

export function isoDate(text: string): string | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
