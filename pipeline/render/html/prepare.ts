/**
 * Everything the html and epub writers share, computed once per publication and template:
 * the converted body cut into sections, the outline, the layout as CSS and the stylesheet.
 * Conversion warnings go out once, however many writers ask.
 */
import type { Publication } from '../../model.js';
import type { Template } from '../../templates/index.js';
import type { RenderContext } from '../types.js';
import { convertOnce, type Converted } from './convert.js';
import { outline, type OutlineEntry } from './outline.js';
import { sections, type Section } from './sections.js';
import { fallbackCharacters } from '../shared/coverage.js';
import { styleData, type StyleData } from './style.js';
import { view, type View } from './view.js';

export interface Prepared {
  view: View;
  sections: Section[];
  outline: OutlineEntry[];
  style: StyleData;
  /** html/style.css, rendered from the template's html/style.css.hbs. */
  stylesheet: string;
}

/** One conversion per publication and loaded template. */
const memo = new WeakMap<Publication, WeakMap<Template, Prepared>>();
const warned = new WeakSet<Converted>();

export function prepare(publication: Publication, context: RenderContext): Prepared {
  const { template } = context;
  let byTemplate = memo.get(publication);
  if (!byTemplate) memo.set(publication, (byTemplate = new WeakMap()));
  const cached = byTemplate.get(template);
  if (cached) return cached;

  const layout = template.layout;
  const converted = convertOnce(publication, { stripNumbering: layout.headings.numbering === 'strip' });
  if (!warned.has(converted)) {
    warned.add(converted);
    for (const line of converted.warnings) context.warn(line);
  }
  const cut = sections(converted.blocks, { runIn: layout.headings.runIn === 'source' });
  // Stacks name the fallback font only for a document that has characters the faces lack.
  const style = styleData(layout, fallbackCharacters(publication, layout).size > 0);
  const prepared: Prepared = {
    view: view(publication, template),
    sections: cut,
    outline: outline(cut),
    style,
    stylesheet: template.render('html/style.css.hbs', { style }),
  };
  byTemplate.set(template, prepared);
  return prepared;
}
