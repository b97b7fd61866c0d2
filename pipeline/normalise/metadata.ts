/**
 * Front lines -> metadata.
 *
 * A report opens with its title, the meeting line (`——2025年2月26日在…会议上`, with any dash
 * or none) and the speaker (`…区长 叶珊瑚`), before the salutation (各位代表：). Those lines are
 * metadata, not body: they move to `file.data.meta` and leave the tree. Facts from the web
 * page (publication date, 来源) arrive from the read stage in `file.data.pageMeta`.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Meta, Speaker } from '../model.js';
import { paragraphText, PART, SECTION, SENTENCE_END, HAN } from './text.js';

const SALUTATION = /^(各位代表|各位委员|同志们|代表们|各位)/;
const LEADING_DASH = /^[—―–－\-~～]+\s*/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const MEETING = /在(.+?(?:会议|大会|常委会|全会)[^在]*?)上\s*[的]?(?:讲话|报告)?$/;
const ROLE = /(市长|区长|省长|县长|州长|旗长|盟长|乡长|镇长|主席|主任|书记|总理|部长|厅长|局长|秘书长)$/;
/** How many leading blocks can hold front matter before the report proper begins. */
const FRONT_LIMIT = 8;

export function reportMetadata() {
  return (tree: Root, file: VFile) => {
    const meta: Meta = {};
    const page: Meta = file.data.pageMeta ?? {};
    const front: Meta = {};
    const drop = new Set<RootContent>();

    for (const node of tree.children.slice(0, FRONT_LIMIT)) {
      if (node.type === 'heading') break;
      const text = paragraphText(node);
      if (text === undefined) break;
      if (SALUTATION.test(text) || PART.test(text) || SECTION.test(text)) break;

      const meeting = meetingLine(text);
      if (meeting && !front.subtitle) {
        Object.assign(front, meeting);
        drop.add(node);
        continue;
      }
      // A date on its own line, often in brackets: （2024年1月25日）
      const dateOnly = /^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$/.exec(text);
      if (dateOnly && !front.date) {
        front.date = `${dateOnly[1]}-${dateOnly[2]!.padStart(2, '0')}-${dateOnly[3]!.padStart(2, '0')}`;
        drop.add(node);
        continue;
      }
      const speaker = speakerLine(text);
      if (speaker && !front.speaker) {
        front.speaker = speaker;
        drop.add(node);
        continue;
      }
      if (!front.title && !front.subtitle && !front.speaker && titleLike(text)) {
        front.title = despace(text);
        drop.add(node);
        continue;
      }
      break;
    }

    // The report's own lines win over the page's; key order is the order of the front matter.
    assign(meta, 'title', front.title ?? page.title);
    assign(meta, 'subtitle', front.subtitle ?? page.subtitle);
    assign(meta, 'date', front.date ?? page.date);
    assign(meta, 'meeting', front.meeting ?? page.meeting);
    if (front.speaker ?? page.speaker) meta.speaker = front.speaker ?? page.speaker;
    assign(meta, 'issuer', page.issuer);
    assign(meta, 'published', page.published);
    assign(meta, 'source', page.source);
    assign(meta, 'url', page.url);

    tree.children = tree.children.filter((node) => !drop.has(node));
    if (!meta.title) file.message('no title found in the report or its page', { place: tree.position?.start });
    file.data.meta = meta;
  };
}

function assign(meta: Meta, key: Exclude<keyof Meta, 'speaker'>, value: string | undefined): void {
  if (value) meta[key] = value;
}

/** `——2025年2月26日在番禺区第十八届人民代表大会第五次会议上` */
export function meetingLine(text: string): Pick<Meta, 'subtitle' | 'date' | 'meeting'> | undefined {
  // Some reports print it in brackets instead: （2024年1月15日在…会议上）
  const bracketed = /^[（(](.*)[）)]$/.exec(text.trim());
  const dashed = LEADING_DASH.test(text) || !!bracketed;
  const line = (bracketed ? bracketed[1]! : text).replace(LEADING_DASH, '').trim();
  const date = DATE.exec(line);
  const meeting = MEETING.exec(line);
  if (!meeting || (!dashed && !date) || line.length > 80) return undefined;
  const result: Pick<Meta, 'subtitle' | 'date' | 'meeting'> = { subtitle: line };
  if (date) result.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  result.meeting = meeting[1]!.replace(DATE, '').replace(/^在/, '').trim();
  return result;
}

/** `广州市番禺区人民政府区长 叶珊瑚`, `广东省省长 孟凡利`, `代市长：张三` */
export function speakerLine(text: string): Speaker | undefined {
  if (text.length > 50 || SENTENCE_END.test(text)) return undefined;
  const line = text.replace(/[:：]/g, ' ').trim();
  const spaced = /^(.*\S)\s+([\u4e00-\u9fff·]{2,5})$/.exec(line);
  if (spaced && ROLE.test(spaced[1]!.replace(/\s+/g, ''))) return { role: spaced[1]!.replace(/\s+/g, ''), name: spaced[2]! };
  // Without a space: the role word ends the role, two to four characters of name follow.
  const joined = /^(.*(?:市长|区长|省长|县长|州长|旗长|盟长|主席|主任|书记|总理))([\u4e00-\u9fff·]{2,4})$/.exec(line);
  if (joined) return { role: joined[1]!, name: joined[2]! };
  return undefined;
}

/** A title: short, no sentence punctuation, mostly Han characters. */
function titleLike(text: string): boolean {
  return text.length <= 60 && !SENTENCE_END.test(text) && !/[，,：:]$/.test(text) && HAN.test(text);
}

/** `政 府 工 作 报 告` -> `政府工作报告`; spaces between other words stay. */
function despace(text: string): string {
  return /^(\S\s)+\S$/.test(text) ? text.replace(/\s+/g, '') : text.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}
