/**
 * Finds the report in the web page it was copied from.
 *
 * A report has anchors a page does not: the salutation (各位代表：) where the speech begins,
 * the front lines just before it (title, meeting line, speaker), numbered parts, and after the
 * closing call its appendices. So instead of recognising page chrome word by word, this finds
 * the anchors and treats what lies outside them as the page:
 *
 *   1. the body starts at the salutation (else after the front lines, else at the first part);
 *   2. the front lines are looked for just before it; everything else up there (widgets,
 *      breadcrumbs, 来源/时间, a photo caption, the title printed twice) is page, and its
 *      facts (published date, source) are kept as page metadata;
 *   3. a second copy of the report later in the page is dropped, with whatever lies between;
 *   4. the body ends at its last line of text; what trails (相关报道：, share bars, link lists,
 *      editor credits) is page;
 *   5. inside the body, lines that are page furniture by shape (widgets, photo credits) go.
 *
 * Every dropped line is accounted for in `removed`, as ranges with their reason.
 */
import type { Meta, Speaker } from '../model.js';
import type { Line } from './lines.js';
import { dateLine, despace, isSalutation, meetingLine, meetingStart, speakerLine, titleLine, type MeetingLine } from '../genre/front.js';
import { PART } from '../genre/markers.js';
import { isBareLabel, isBreadcrumb, isCaption, isFooterLine, isLinkLine, isProse, isWidget, pageFact, pendingValue } from './shapes.js';

export type RemovalReason =
  | 'page header'
  | 'widget'
  | 'page facts'
  | 'breadcrumb'
  | 'photo caption'
  | 'front matter printed twice'
  | 'second copy of the report'
  | 'page footer'
  | 'removed by the sidecar';

export interface Removal {
  /** First and last source line (1-based, inclusive). */
  from: number;
  to: number;
  reason: RemovalReason;
}

/** The front lines found, with the source lines they came from. */
export interface Front {
  meta: Meta;
  lines: number[];
}

export interface Located {
  /** The report's body, blank lines included, in source order. */
  body: Line[];
  front: Front;
  /** Facts the page states about itself (published, 来源, a scraper's 标题). */
  pageMeta: Meta;
  removed: Removal[];
}

export interface LocateOptions {
  /** Line ranges (1-based, inclusive) to keep as body or to drop, overriding the decision. */
  keep?: Array<[number, number]>;
  remove?: Array<[number, number]>;
}

/** How far before the body front lines are looked for, in non-blank lines. */
const FRONT_WINDOW = 30;
/** A line at least this long that repeats an earlier one is evidence of a second copy. */
const COPY_LINE = 30;

export function locate(lines: Line[], options: LocateOptions = {}): Located {
  const text = lines.map((l) => l.text);
  const fate = new Array<RemovalReason | 'front' | undefined>(lines.length).fill(undefined);
  const pageMeta: Meta = {};

  const start = bodyStart(text);
  const front = findFront(text, start.index, fate);
  // Before the body: what is not a front line is the page.
  let pending: string | undefined;
  for (let i = 0; i < start.index; i++) {
    if (text[i] === '' || fate[i]) continue;
    const reason = headerReason(text[i]!, pageMeta, pending);
    fate[i] = reason.reason;
    pending = reason.pending;
  }
  // The items of a breadcrumb cut one per line (首页 / > / 政府信息公开 / > / …) are crumbs too.
  for (let i = 0; i < start.index; i++) {
    if (text[i] === '' || fate[i] === 'front' || fate[i] === 'breadcrumb' || text[i]!.length > 20) continue;
    const near = [previousText(text, i), nextText(text, i, start.index)].filter((j): j is number => j !== undefined);
    if (near.some((j) => /^[>›»＞]$/.test(text[j]!))) fate[i] = 'breadcrumb';
  }

  const copy = secondCopy(text, start.index);
  if (copy) for (let i = copy.from; i <= copy.to; i++) if (text[i] !== '') fate[i] = 'second copy of the report';

  const end = bodyEnd(text, start.index, fate);
  for (let i = end + 1; i < text.length; i++) if (text[i] !== '' && !fate[i]) fate[i] = 'page footer';

  for (let i = start.index; i <= end; i++) {
    const t = text[i]!;
    if (t === '' || fate[i]) continue;
    if (isWidget(t, 'body')) fate[i] = 'widget';
    else if (isCaption(t, 'body') && !isProseParagraph(t)) fate[i] = 'photo caption';
  }

  for (const [from, to] of options.remove ?? []) for (let i = from - 1; i <= to - 1 && i < text.length; i++) if (i >= 0 && text[i] !== '') fate[i] = 'removed by the sidecar';
  for (const [from, to] of options.keep ?? []) for (let i = from - 1; i <= to - 1 && i < text.length; i++) if (i >= 0 && fate[i] !== 'front') fate[i] = undefined;

  const body: Line[] = [];
  for (let i = 0; i < lines.length; i++) if (fate[i] === undefined && (i >= start.index || text[i] !== '')) body.push(lines[i]!);
  // Leading blank lines before the body are of no use to anyone.
  while (body.length && body[0]!.text === '') body.shift();
  return { body, front: { meta: front.meta, lines: front.indices.map((i) => lines[i]!.line) }, pageMeta, removed: ranges(lines, fate) };
}

interface FoundFront {
  meta: Meta;
  indices: number[];
}

/**
 * Where the report proper begins: the first salutation line; failing that, the line after a
 * meeting line (and its speaker) near the top; failing that, the first numbered part with
 * the prose that leads into it.
 */
function bodyStart(text: string[]): { index: number } {
  // The opening address ends with a colon (各位代表：); 各位代表！ also recurs inside the speech.
  // Either way it opens the body only if the speech has not begun before it: a numbered part
  // with prose after it (a table of contents above the salutation has no prose).
  const firstPart = text.findIndex((t) => PART.test(t) && t.length <= 80 && !isProse(t.replace(/^[^、]*、/, '')));
  const begunBefore = (i: number) => firstPart !== -1 && firstPart < i && text.slice(firstPart, i).some((t) => isProse(t) && t.length >= 30);
  const opening = (t: string) => isSalutation(t) && /[：:]$/.test(t);
  for (const accept of [opening, isSalutation]) {
    const salutation = text.findIndex(accept);
    if (salutation !== -1 && !begunBefore(salutation)) return { index: salutation };
  }
  // The last meeting line before the first paragraph of prose (a page may print its title
  // and meeting line twice, around a breadcrumb).
  const prose = text.findIndex((t) => isProse(t) && t.length >= 30 && !isCaption(t));
  let meeting: ReturnType<typeof meetingAt>;
  for (let i = 0; i < (prose === -1 ? text.length : prose); i++) if (text[i] !== '') meeting = meetingAt(text, i) ?? meeting;
  if (meeting) {
    // Past the speaker and any page lines the page put between (来源, 时间, a caption).
    let after = meeting.next;
    let value = false;
    for (; after < text.length; after++) {
      const t = text[after]!;
      if (t === '') continue;
      // A field's value on the line after its key (来源： / 某省人民政府) is the page's too.
      if (value && t.length <= 40 && !isProse(t)) {
        value = false;
        continue;
      }
      value = !!pageFact(t, {})?.pending;
      if (!(value || speakerLine(t) || dateLine(t) || pageShaped(t))) break;
    }
    return { index: after };
  }
  const part = text.findIndex((t) => PART.test(t) && t.length <= 80);
  if (part === -1) return { index: firstText(text) };
  let index = part;
  while (index > 0 && (text[index - 1] === '' || (isProse(text[index - 1]!) && text[index - 1]!.length >= 20))) index--;
  while (text[index] === '' && index < part) index++;
  return { index };
}

/** A line that can only be the page's: a fact, a widget, a crumb, a bare label, a caption. */
function pageShaped(t: string): boolean {
  return !!pageFact(t, {}) || isWidget(t, 'page') || isBreadcrumb(t) || isBareLabel(t) || (isCaption(t) && t.length <= 60);
}

function firstText(text: string[]): number {
  // The page's top lines that are furniture by shape go even when no anchor is found.
  let i = 0;
  while (i < text.length && (text[i] === '' || isWidget(text[i]!, 'page') || isBreadcrumb(text[i]!))) i++;
  return i < text.length ? i : 0;
}

/** A meeting line at `i`, joined with the lines it wrapped onto; `next` is the line after it. */
function meetingAt(text: string[], i: number): { meeting: MeetingLine; next: number; indices: number[]; title?: string } | undefined {
  // A title may open the same line: `2026年某省政府工作报告——2026年1月27日在…会议上`.
  const both = /^(.{4,60}?报告)\s*([—―–－-]{1,2}.+)$/.exec(text[i]!);
  const title = both ? titleLine(both[1]!) : undefined;
  const head = title ? both![2]! : text[i]!;
  const withTitle = title ? { title } : {};
  const single = meetingLine(head);
  if (single) return { meeting: single, next: i + 1, indices: [i], ...withTitle };
  if (!meetingStart(head)) return undefined;
  let joined = head;
  const indices = [i];
  for (let j = i + 1; j < text.length && indices.length < 4; j++) {
    if (text[j] === '') continue;
    joined += text[j];
    indices.push(j);
    const meeting = meetingLine(joined);
    if (meeting) return { meeting, next: j + 1, indices, ...withTitle };
  }
  return undefined;
}

/**
 * The front lines closest before the body: the meeting line, the speaker, a date line and the
 * title above them. A page headline that names more than the printed title (its region or
 * year) is kept as `headline`.
 */
function findFront(text: string[], start: number, fate: Array<string | undefined>): FoundFront {
  const meta: Meta = {};
  const indices: number[] = [];
  let meeting: { meeting: MeetingLine; indices: number[]; title?: string } | undefined;
  let speaker: { speaker: Speaker; index: number } | undefined;
  let date: { date: string; index: number } | undefined;
  let seen = 0;
  let top = start;
  for (let i = start - 1; i >= 0 && seen < FRONT_WINDOW; i--) {
    if (text[i] === '') continue;
    seen++;
    top = i;
    if (!meeting) {
      const found = meetingAt(text, i);
      if (found && found.next <= start) {
        meeting = found;
        continue;
      }
      // The wrapped tail of a meeting line: find its start a few lines up.
      if (/上$/.test(text[i]!) && text[i]!.length <= 40) {
        for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
          const up = meetingAt(text, k);
          if (up && up.next === i + 1) {
            meeting = up;
            break;
          }
        }
        if (meeting) continue;
      }
    }
    if (!speaker) {
      const s = speakerLine(text[i]!);
      if (s) {
        speaker = { speaker: s, index: i };
        continue;
      }
    }
    if (!date) {
      const d = dateLine(text[i]!);
      if (d) {
        date = { date: d, index: i };
        continue;
      }
    }
  }
  // The title: the title line nearest above the meeting line (or the body), then a headline.
  const below = meeting ? Math.min(...meeting.indices) : (speaker?.index ?? start);
  let title: { title: string; index: number } | undefined = meeting?.title ? { title: meeting.title, index: meeting.indices[0]! } : undefined;
  let headline: string | undefined;
  for (let i = below - 1; i >= top; i--) {
    const t = titleLine(text[i]!);
    if (!t) continue;
    if (!title) title = { title: t, index: i };
    else if (t !== title.title && t.includes(title.title) && t.length > title.title.length) {
      headline = t;
      break;
    }
  }
  if (!title) {
    // No …报告 line: a title-like line right above the meeting line is the title.
    for (let i = below - 1; i >= top; i--) {
      if (text[i] === '') continue;
      const t = text[i]!;
      // Without a meeting line, only a line with nothing but the body or speaker below it.
      const adjacent = meeting || i === (previousText(text, below) ?? -1);
      if (adjacent && t.length <= 40 && !isProse(t) && !isWidget(t, 'page') && !isBreadcrumb(t) && !pageFact(t, {}) && /[\u4e00-\u9fff]{4}/.test(t)) title = { title: despace(t), index: i };
      break;
    }
  }

  if (title) {
    meta.title = title.title;
    indices.push(title.index);
  }
  if (headline) meta.headline = headline;
  if (meeting) {
    const { speaker: inline, ...rest } = meeting.meeting;
    Object.assign(meta, rest);
    if (inline && !speaker) meta.speaker = inline;
    indices.push(...meeting.indices);
  }
  if (date) {
    meta.date ??= date.date;
    indices.push(date.index);
  }
  if (speaker) {
    meta.speaker = speaker.speaker;
    indices.push(speaker.index);
  }
  const lines = [...new Set(indices)].sort((a, b) => a - b);
  for (const i of lines) fate[i] = 'front';
  // Lines that repeat a front line (the page printed its title and meeting line twice).
  const frontText = new Set(lines.map((i) => text[i]));
  for (let i = 0; i < start; i++) if (!fate[i] && text[i] !== '' && frontText.has(text[i])) fate[i] = 'front matter printed twice';
  return { meta, indices: lines };
}

/**
 * Why a line above the body is page, reading the page's facts on the way. `pending` is the key
 * of a field whose value the page put on the next line (`来源：` / `陕西省人民政府`).
 */
function headerReason(t: string, pageMeta: Meta, pending: string | undefined): { reason: RemovalReason; pending?: string } {
  if (pending && pendingValue(pending, t, pageMeta)) return { reason: 'page facts' };
  const fact = pageFact(t, pageMeta);
  if (fact) return fact.pending ? { reason: 'page facts', pending: fact.pending } : { reason: 'page facts' };
  if (isBreadcrumb(t)) return { reason: 'breadcrumb' };
  if (isWidget(t, 'page') || isBareLabel(t)) return { reason: 'widget' };
  if (isCaption(t)) return { reason: 'photo caption' };
  if (titleLine(t) || meetingLine(t)) return { reason: 'front matter printed twice' };
  return { reason: 'page header' };
}

function nextText(text: string[], i: number, limit: number): number | undefined {
  for (let j = i + 1; j < limit; j++) if (text[j] !== '') return j;
  return undefined;
}

function previousText(text: string[], i: number): number | undefined {
  for (let j = i - 1; j >= 0; j--) if (text[j] !== '') return j;
  return undefined;
}

/**
 * A second copy of the report after the first: from the first long line that repeats an
 * earlier one (when most long lines after it repeat too) back to the end of the first copy,
 * and on to the last repeated line. The longer copy is kept; when the second is longer, the
 * first goes instead.
 */
function secondCopy(text: string[], start: number): { from: number; to: number } | undefined {
  const firstSeen = new Map<string, number>();
  const repeatOf = new Array<number>(text.length).fill(-1);
  for (let i = start; i < text.length; i++) {
    const t = text[i]!;
    if (t.length < COPY_LINE) continue;
    const earlier = firstSeen.get(t);
    if (earlier === undefined) firstSeen.set(t, i);
    else repeatOf[i] = earlier;
  }
  const longAfter = (i: number) => {
    let long = 0;
    let repeated = 0;
    for (let j = i; j < text.length && long < 12; j++) {
      if (text[j]!.length < COPY_LINE) continue;
      long++;
      if (repeatOf[j] !== -1) repeated++;
    }
    return { long, repeated };
  };
  const d = repeatOf.findIndex((r, i) => r !== -1 && (() => {
    const { long, repeated } = longAfter(i);
    return repeated >= Math.min(3, long) && repeated / long >= 0.6;
  })());
  if (d === -1) return undefined;
  // Back over the page between the copies (menus, the copy's own front lines and page
  // lines, which all stood before the first copy too) to the first copy's last line of prose.
  const before = new Set(text.slice(0, start));
  let from = d;
  for (let i = d - 1; i > start; i--) {
    if (text[i] === '') continue;
    if (isProse(text[i]!) && text[i]!.length >= 20 && !before.has(text[i]!)) break;
    from = i;
  }
  let to = d;
  for (let i = d; i < text.length; i++) if (repeatOf[i] !== -1) to = i;
  // Past the last repeated line the second copy runs on as long as lines of the first copy
  // exist that it has not repeated yet (its own last paragraph, appendices it shares).
  const firstCopyLines = new Set(text.slice(start, from));
  for (let i = to + 1; i < text.length; i++) {
    if (text[i] === '') continue;
    if (firstCopyLines.has(text[i]!)) to = i;
    else break;
  }
  return { from, to };
}

/**
 * The report's last line: the last line of text before the page's trailer. A trailer is made
 * of page shapes (share bars, 》》links《《, credits, bare labels such as 相关报道：), and a
 * bare label opens a trailer whatever short lines (link titles) follow it.
 */
function bodyEnd(text: string[], start: number, fate: Array<string | undefined>): number {
  let end = text.length - 1;
  for (let i = text.length - 1; i >= start; i--) {
    const t = text[i]!;
    if (t === '' || fate[i]) continue;
    if (trailerShape(t)) continue;
    end = i;
    break;
  }
  // quiet[i]: every line after i up to the end is a short line without sentences or numbers.
  const quiet = new Array<boolean>(end + 2).fill(true);
  for (let i = end; i >= start; i--) {
    const t = text[i]!;
    quiet[i] = quiet[i + 1]! && (t === '' || !!fate[i] || (!isProse(t) && t.length <= 40 && !ENTRY_START.test(t)));
  }
  for (let i = start + 1; i <= end; i++) {
    if (fate[i] || text[i] === '' || !isBareLabel(text[i]!) || !quiet[i + 1]) continue;
    // Not a label that opens the report's own notes or appendix (注释：, 附件：).
    if (/(注释|注解|解释|释义|说明|附件|附表|附录)[:：]$/.test(text[i]!)) continue;
    return previousText(text, i) ?? start;
  }
  return end;
}

/** Numbered entries (notes, list items, table serials) are the report's, never a trailer. */
const ENTRY_START = /^(\[\d{1,3}\]|\d{1,3}[.、．]?(?!\d)|[①-⑳]|[（(]\d{1,3}[）)])/;

function trailerShape(t: string): boolean {
  return isWidget(t, 'page') || isBareLabel(t) || isLinkLine(t) || isBreadcrumb(t) || isFooterLine(t) || (isCaption(t, 'body') && !isProse(t));
}

/** A caption-like line that is in fact a paragraph of the report (long, several sentences). */
function isProseParagraph(t: string): boolean {
  return (t.match(/[。！？]/g) ?? []).length >= 3;
}

/** Consecutive removed lines with one reason become one range; blank lines join neighbours. */
function ranges(lines: Line[], fate: Array<RemovalReason | 'front' | undefined>): Removal[] {
  const out: Removal[] = [];
  let current: Removal | undefined;
  for (let i = 0; i < lines.length; i++) {
    const f = fate[i];
    if (lines[i]!.text === '') continue;
    if (f === undefined || f === 'front') {
      current = undefined;
      continue;
    }
    if (current && current.reason === f) current.to = lines[i]!.line;
    else {
      current = { from: lines[i]!.line, to: lines[i]!.line, reason: f };
      out.push(current);
    }
  }
  return out;
}
