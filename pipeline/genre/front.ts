/**
 * The front matter of a work report: the lines a report prints before its salutation, as the
 * genre writes them at every level (county to State Council), and the dates they carry.
 *
 *   2026年上海市政府工作报告                             title (or 政 府 工 作 报 告, spaced out)
 *   ——2026年2月3日在上海市第十六届人民代表大会第四次会议上     meeting line (any dash, brackets or none;
 *                                                       Arabic or Chinese numerals; may wrap)
 *   上海市市长 龚 正                                     speaker: role + name (names padded)
 *   各位代表：                                           salutation: the body begins
 *
 * Both the read stage (finding the report in a web page) and the metadata plugin (a Markdown
 * source without front matter) read these lines with the functions here.
 */
import type { Meta, Speaker } from '../model.js';

/** The opening address; the report proper starts here. */
export const SALUTATION = /^(各位代表|各位委员|各位同志|同志们|代表们)[，,、！!：:\s]/;
const SALUTATION_ONLY = /^(各位代表|各位委员|各位同志|同志们|代表们)([，,、](各位代表|各位委员|同志们|代表们))*[：:！!]?$/;

/** A line that is only the salutation (`各位代表：`, `各位代表、同志们：`). */
export function isSalutation(text: string): boolean {
  return SALUTATION_ONLY.test(text.replace(/\s+/g, ''));
}

const LEADING_DASH = /^[—―–－\-~～─━]+\s*/;
const SENTENCE_END = /[。！？；!?;]/;
const HAN_NAME = '[\\u4e00-\\u9fff]';
/** Titles of office that end a speaker's role. 代 (acting) and 副 prefixes are part of the role. */
const ROLE_WORD = '(?:市长|区长|省长|县长|州长|旗长|盟长|乡长|镇长|主席|主任|书记|总理|部长|厅长|局长|秘书长)';
const SPEAKER = new RegExp(`^(.{0,30}?${ROLE_WORD})\\s*((?:${HAN_NAME}\\s*){2,4}|${HAN_NAME}{1,6}[·•．.]${HAN_NAME}{1,8})$`);

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 -> 1, 十二 -> 12, 二十七 -> 27 (small numbers, as in months and days). */
function smallNumber(numeral: string): number {
  if (numeral.includes('十')) {
    const [tens, units] = numeral.split('十') as [string, string];
    return (tens ? CN_DIGIT[tens]! : 1) * 10 + (units ? CN_DIGIT[units]! : 0);
  }
  return CN_DIGIT[numeral] ?? NaN;
}

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CHINESE_DATE = /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/;

/** Full-width digits as ASCII, so one pattern reads both. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The first date written out in `text` (2026年1月27日 or 二〇二六年一月二十七日), as ISO 8601. */
export function writtenDate(text: string): { iso: string; index: number; length: number } | undefined {
  const plain = asciiDigits(text);
  const arabic = ARABIC_DATE.exec(plain);
  const chinese = CHINESE_DATE.exec(plain);
  const m = arabic && (!chinese || arabic.index <= chinese.index) ? arabic : chinese;
  if (!m) return undefined;
  const year = m === arabic ? Number(m[1]) : Number([...m[1]!].map((d) => CN_DIGIT[d]).join(''));
  const month = m === arabic ? Number(m[2]) : smallNumber(m[2]!);
  const day = m === arabic ? Number(m[3]) : smallNumber(m[3]!);
  const iso = isoOf(year, month, day);
  return iso ? { iso, index: m.index, length: m[0].length } : undefined;
}

/** A date stamp the way pages print them: `2026-02-03 09:02:33`, `2024年1月26日`, `2025/3/12`. */
export function stampDate(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(asciiDigits(text.trim()));
  return m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1949 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface MeetingLine extends Pick<Meta, 'subtitle' | 'date' | 'meeting'> {
  /** A speaker printed on the same line after the meeting (`…会议上 陕西省省长 赵刚`). */
  speaker?: Speaker;
}

/**
 * `——2025年2月26日在番禺区第十八届人民代表大会第五次会议上` and its variants: any dash or
 * brackets or none (then a date is required), Chinese-numeral dates, a speaker after it.
 */
export function meetingLine(text: string): MeetingLine | undefined {
  const bracketed = /^[（(](.*)[）)]$/.exec(text.trim());
  const dashed = LEADING_DASH.test(text) || !!bracketed;
  const line = (bracketed ? bracketed[1]! : text).replace(LEADING_DASH, '').trim();
  if (line.length > 100 || SENTENCE_END.test(line)) return undefined;
  const at = /在(.{2,60}?(?:会议|大会|常委会|全会|例会))上/.exec(line);
  if (!at) return undefined;
  const date = writtenDate(line.slice(0, at.index + 1));
  // Undated and undashed, only the bare shape `在…会议上` is a meeting line.
  if (!dashed && !date && !(at.index === 0 && line.length <= 60)) return undefined;
  // Only the date may precede 在: a longer lead-in is a sentence about a meeting.
  const before = line.slice(0, at.index);
  if (before.replace(date ? before.slice(date.index, date.index + date.length) : '', '').trim().length > 0) return undefined;
  const end = at.index + at[0].length;
  const rest = line.slice(end).trim();
  let speaker: Speaker | undefined;
  if (rest && !/^的?(讲话|报告)$/.test(rest)) {
    speaker = speakerLine(rest);
    if (!speaker) return undefined;
  }
  const result: MeetingLine = { subtitle: speaker ? line.slice(0, end) : line };
  if (date) result.date = date.iso;
  result.meeting = at[1]!.trim();
  if (speaker) result.speaker = speaker;
  return result;
}

/**
 * True when a line starts a meeting line that the page wrapped (`——2026年1月26日在广东省第十四届`
 * / `人民代表大会第五次会议上`): a dash or a date, then 在, and no 上 yet.
 */
export function meetingStart(text: string): boolean {
  const line = text.replace(LEADING_DASH, '');
  if (line.length > 60 || SENTENCE_END.test(line) || /上$/.test(line)) return false;
  if (!(LEADING_DASH.test(text) || writtenDate(line)?.index === 0)) return false;
  return /在/.test(line) || (LEADING_DASH.test(text) && !!writtenDate(line));
}

/** `广州市番禺区人民政府区长 叶珊瑚`, `上海市市长 龚 正`, `自治区主席 艾尔肯·吐尼亚孜`, `代市长：张三`. */
export function speakerLine(text: string): Speaker | undefined {
  if (text.length > 50 || SENTENCE_END.test(text)) return undefined;
  const line = text.replace(/[:：]/g, ' ').replace(/\s+/g, ' ').trim();
  const m = SPEAKER.exec(line);
  if (!m) return undefined;
  const role = m[1]!.replace(/\s+/g, '');
  const name = m[2]!.replace(/\s+/g, '').replace(/[•．.]/g, '·');
  if (/[，,、]/.test(role)) return undefined;
  return { role, name };
}

/** `政 府 工 作 报 告` -> `政府工作报告`; a space between Han characters is page padding. */
export function despace(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}

/** The report's title line: `…政府工作报告`, `…报告（全文）`; short and without sentences. */
export function titleLine(text: string): string | undefined {
  const title = despace(text.trim())
    .replace(/\s*[（(]?(全文|摘要|摘登|实录|双语)[）)]?$/, '')
    .replace(/^《(.*)》$/, '$1');
  if (title.length < 4 || title.length > 60 || SENTENCE_END.test(title) || /[，,：:]/.test(title)) return undefined;
  return /报告$/.test(title) ? title : undefined;
}

/** A date printed on a line of its own among the front lines: `（2024年1月25日）`. */
export function dateLine(text: string): string | undefined {
  const inner = /^[（(]?\s*(.*?)\s*[）)]?$/.exec(text.trim())![1]!;
  const date = writtenDate(inner);
  return date && date.index === 0 && date.length === inner.length ? date.iso : undefined;
}
