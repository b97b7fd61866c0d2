/**
 * mdast node type -> hast handler, for every type the HTML writer knows. As in
 * mdast-util-to-hast's own lib/handlers/index.js, the map is the list: a type that is neither
 * rendered by a handler here nor listed under `fallback` goes to the unknown handler, which
 * reports it and keeps its text (fallback.ts).
 */
import { defaultHandlers, type Handler, type Handlers } from 'mdast-util-to-hast';
import { defList, defListDescription, defListTerm } from './def-list.js';
import { fallback } from './fallback.js';
import { heading } from './heading.js';
import { link } from './link.js';
import { list, listItem } from './list.js';
import type { Report } from './report.js';
import { table } from './table.js';
import { text } from './text.js';

export interface HandlerOptions {
  report: Report;
  /** `headings.numbering: strip` of the layout. */
  stripNumbering: boolean;
  /** Label of a glossary entry's link back to the text. */
  backLabel: string;
}

export function createHandlers(options: HandlerOptions): { handlers: Handlers; unknownHandler: Handler } {
  const { report } = options;
  const links = link();
  const other = fallback(report);
  const handlers: Handlers = {
    // Rendered as mdast-util-to-hast renders them.
    blockquote: defaultHandlers.blockquote,
    break: defaultHandlers.break,
    code: defaultHandlers.code,
    delete: defaultHandlers.delete,
    emphasis: defaultHandlers.emphasis,
    inlineCode: defaultHandlers.inlineCode,
    paragraph: defaultHandlers.paragraph,
    strong: defaultHandlers.strong,
    thematicBreak: defaultHandlers.thematicBreak,
    // Ours.
    text: text(report),
    heading: heading(options),
    link: links.handler,
    list: list(),
    listItem: listItem(),
    table: table(),
    defList: defList(),
    defListTerm: defListTerm({ byMarker: links.byMarker }),
    defListDescription: defListDescription({ backLabel: options.backLabel, referenced: links.referenced, byMarker: links.byMarker }),
    // Reported, text kept (toml and anything else unknown reach the same handler as the
    // unknown handler): raw HTML stays text, images would be requests from the web page,
    // references and footnotes have no place in this genre's layout.
    html: other,
    image: other,
    imageReference: other,
    linkReference: other,
    footnoteDefinition: other,
    footnoteReference: other,
    yaml: other,
    definition: other,
  };
  return { handlers, unknownHandler: other };
}
