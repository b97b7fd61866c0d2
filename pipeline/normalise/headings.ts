/**
 * Numbering -> headings.
 *
 * The flattened page keeps only the numbers: `一、` opens a part (depth 1), `（一）` a section
 * (depth 2); `1.` and `（1）` are depth 3 and 4 only when the line is a short title standing
 * alone before its text (a numbered line that carries sentences is a list item, see lists.ts).
 * A section title run into its paragraph (`（一）重大功能平台建设提速增效。坚决落实…`) is split
 * into a heading and the paragraph.
 *
 * After the speech come appendices: 名词解释, 附件N (its label and title may sit on two lines),
 * the 民生实事 lists, and any short title line once the appendices have begun. Each is a
 * depth-1 heading; numbering inside an appendix starts again at depth 2, whatever its style.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { chineseNumber, ITEM, PART, SECTION, SUBITEM, paragraphText, text, withoutFullStop } from './text.js';

type Kind = 'part' | 'section' | 'item' | 'subitem';

const BODY_DEPTH: Record<Kind, Heading['depth']> = { part: 1, section: 2, item: 3, subitem: 4 };
const APPENDIX_LABEL = /^(附件|附录|附表)\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$/;
const APPENDIX_WITH_TITLE = /^(附件|附录|附表)\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：\s]\s*(\S.*)$/;
/**
 * A glossary's title: 名词解释 and its variants, alone or ending a longer appendix title
 * (`附件 《政府工作报告》有关内容名词注释`).
 */
export const GLOSSARY_TITLE = /^(?:(?:附件|附录)\s*[0-9一二三四五六七八九十]*\s*)?(?:\S{0,30}?(?:名词|词语|术语))?(?:名词解释|名词注释|名词解析|名词释义|名词术语解释|有关名词解释|词语解释|解释|注释|注解|附注|释义)[:：]?$/;
const PROJECTS_TITLE = /民生实事|实事项目|民生项目/;
const DATE_ONLY = /^\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
/** Titles never carry sentence or clause punctuation. */
const TITLE_PUNCTUATION = /[。！？；：，、,;:!?]/;
const TERMINAL = /[。！？；：!?;:]/;
const TITLE_MAX = 40;
const STANDALONE_MAX = 80;
const RUN_IN_MAX = 40;
const SHORT_TITLE_MAX = 30;

export function reportHeadings() {
  return (tree: Root, file: VFile) => {
    const nodes = tree.children;
    const out: RootContent[] = [];
    const titled = titledParts(nodes);
    /** Depths of the numbered kinds once titled parts have begun: one level below them. */
    const underTitles = titled.size ? titleDepths(nodes, titled) : undefined;
    let inTitled = false;
    let appendix = false;
    let appendixKinds: Kind[] = [];
    let lastPart = 0;
    let lastSection = 0;

    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'heading') {
        if (node.depth === 1 && isAppendixTitle(text(node), appendix)) {
          appendix = true;
          appendixKinds = [];
          node.data = { ...node.data, appendix: true };
        }
        out.push(node);
        continue;
      }
      const line = paragraphText(node);
      if (line === undefined) {
        out.push(node);
        continue;
      }
      if (titled.has(node)) {
        out.push(heading(1, withoutFullStop(line), node));
        inTitled = true;
        lastPart = 0;
        lastSection = 0;
        continue;
      }

      // Appendix titles.
      if (APPENDIX_LABEL.test(line)) {
        const next = paragraphText(nodes[i + 1]);
        const joined = next !== undefined && titleLike(next) && !markerKind(next) ? `${line} ${next}` : line;
        if (joined !== line) i++;
        out.push(appendixHeading(joined, node));
        appendix = true;
        appendixKinds = [];
        continue;
      }
      if (isAppendixTitle(line, appendix)) {
        out.push(appendixHeading(withoutFullStop(line), node));
        appendix = true;
        appendixKinds = [];
        continue;
      }

      const kind = markerKind(line);
      if (!kind) {
        out.push(node);
        continue;
      }
      let depth = inTitled && underTitles ? underTitles[kind] : BODY_DEPTH[kind];
      if (appendix) {
        if (!appendixKinds.includes(kind)) appendixKinds.push(kind);
        depth = Math.min(6, 2 + appendixKinds.indexOf(kind)) as Heading['depth'];
      }

      if (kind === 'item' || kind === 'subitem') {
        const next = nodes[i + 1];
        const nextLine = paragraphText(next);
        const standsAlone = next?.type === 'paragraph' && !(nextLine !== undefined && markerKind(nextLine) === kind);
        if (shortTitle(line, kind) && standsAlone) out.push(heading(depth, line, node));
        else out.push(node);
        continue;
      }

      const split = splitRunIn(line, kind);
      if (!split) {
        out.push(node);
        continue;
      }
      if (!appendix) {
        const n = numberOf(line, kind);
        const last = kind === 'part' ? lastPart : lastSection;
        if (n <= last || n > last + 2) {
          file.message(`${kind === 'part' ? 'part' : 'section'} number ${n} follows ${last}; kept as a paragraph`, {
            place: node.position?.start,
            ruleId: 'heading-sequence',
            source: 'reportpress',
          });
          out.push(node);
          continue;
        }
        if (kind === 'part') {
          lastPart = n;
          lastSection = 0;
        } else lastSection = n;
      }
      const h = heading(depth, split.head, node);
      out.push(h);
      if (split.rest) {
        h.data = { ...h.data, runIn: true, runInStop: split.stop };
        const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: split.rest }] };
        if (node.position) paragraph.position = node.position;
        out.push(paragraph);
      }
    }

    tree.children = out;
    if (!out.some((n) => n.type === 'heading')) {
      file.message('no headings found: the report is laid out as one section', { ruleId: 'no-headings', source: 'reportpress' });
    }
  };
}

/**
 * Part titles printed without numbers (`“十四五”时期工作回顾`): short title lines standing alone
 * between a finished paragraph (or a heading) and a paragraph of prose, before the appendices.
 * One such line may be a stray bold phrase; two or more are the report's own outline.
 */
function titledParts(nodes: RootContent[]): Set<RootContent> {
  const found = new Set<RootContent>();
  for (let i = 1; i < nodes.length - 1; i++) {
    const line = paragraphText(nodes[i]);
    if (line === undefined) continue;
    if (APPENDIX_LABEL.test(line) || isAppendixTitle(line, false)) break;
    if (line.length < 4 || line.length > TITLE_MAX || TITLE_PUNCTUATION.test(line) || markerKind(line) || DATE_ONLY.test(line)) continue;
    if (!/[\u4e00-\u9fff]{2}/.test(line) || /[的和与及在对]$/.test(line)) continue;
    const prev = nodes[i - 1]!;
    const before = paragraphText(prev) ?? (prev.type === 'paragraph' ? text(prev) : undefined);
    const after = paragraphText(nodes[i + 1]);
    const closed = prev.type === 'heading' || (before !== undefined && /[。！？!?…”）)]$/.test(before) && before.length >= 10);
    const opens = after !== undefined && after.length >= 30 && /[。！？；]/.test(after) && !markerKind(after);
    if (closed && opens) found.add(nodes[i]!);
  }
  return found.size >= 2 ? found : new Set();
}

/** Under titled parts, numbered parts (if any are used) come next, then sections, and so on. */
function titleDepths(nodes: RootContent[], titled: Set<RootContent>): Record<Kind, Heading['depth']> {
  let seenTitle = false;
  let parts = false;
  for (const node of nodes) {
    if (titled.has(node)) seenTitle = true;
    const line = paragraphText(node);
    if (seenTitle && line !== undefined && markerKind(line) === 'part') parts = true;
  }
  return parts ? { part: 2, section: 3, item: 4, subitem: 5 } : { part: 2, section: 2, item: 3, subitem: 4 };
}

export function markerKind(line: string): Kind | undefined {
  if (PART.test(line)) return 'part';
  if (SECTION.test(line)) return 'section';
  if (SUBITEM.test(line)) return 'subitem';
  if (ITEM.test(line)) return 'item';
  return undefined;
}

function numberOf(line: string, kind: 'part' | 'section'): number {
  const m = (kind === 'part' ? PART : SECTION).exec(line)!;
  return chineseNumber(m[1]!);
}

function isAppendixTitle(line: string, inAppendix: boolean): boolean {
  if (APPENDIX_WITH_TITLE.test(line) && line.length <= TITLE_MAX) return true;
  if (GLOSSARY_TITLE.test(line)) return true;
  if (!titleLike(line) || markerKind(line)) return false;
  return PROJECTS_TITLE.test(line) || (inAppendix && !DATE_ONLY.test(line) && !/^\d+$/.test(line));
}

function titleLike(line: string): boolean {
  return line.length > 0 && line.length <= TITLE_MAX && !TITLE_PUNCTUATION.test(line);
}

/** `1.加快产业发展`: short, no sentence punctuation at all. */
function shortTitle(line: string, kind: 'item' | 'subitem'): boolean {
  const rest = line.replace(kind === 'item' ? ITEM : SUBITEM, '');
  return rest.length > 0 && rest.length <= SHORT_TITLE_MAX && !TERMINAL.test(rest);
}

/**
 * A part or section line as a title: either the whole line is one title (a trailing 。 is
 * dropped), or its first sentence is a short title run into the paragraph that follows.
 */
function splitRunIn(line: string, kind: 'part' | 'section'): { head: string; rest?: string; stop?: string } | undefined {
  const marker = (kind === 'part' ? PART : SECTION).exec(line)![0];
  const body = line.slice(marker.length);
  if (!body) return undefined;
  const stop = body.search(/[。！？]/);
  if (stop === -1 || stop === body.length - 1) {
    if (body.length > STANDALONE_MAX || /[；;：:]$/.test(body)) return undefined;
    return { head: withoutFullStop(line) };
  }
  const head = body.slice(0, stop);
  if (head.length > RUN_IN_MAX || /[；;]/.test(head)) return undefined;
  return { head: marker + head, rest: body.slice(stop + 1), stop: body[stop] };
}

function appendixHeading(value: string, from: RootContent): Heading {
  const h = heading(1, value, from);
  h.data = { appendix: true };
  return h;
}

function heading(depth: Heading['depth'], value: string, from: RootContent): Heading {
  const h: Heading = { type: 'heading', depth, children: [{ type: 'text', value }] };
  if (from.position) h.position = from.position;
  return h;
}
