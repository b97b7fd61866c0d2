/**
 * Page geometry and the running header and footer of a section.
 *
 * Word measures header and footer positions from the paper's edge; the layout measures the
 * footer from the type area (`footer.distance`: type area to footer baseline, as GB/T 9704
 * places page numbers 7 mm below it). The footer's bottom edge sits about 0.3 em below its
 * baseline, hence the conversion. The layout has no header distance: the header sits halfway
 * into the top margin.
 *
 * `outside`/`inside` alignment means different odd and even headers and footers, which Word
 * only does when the whole document turns on w:evenAndOddHeaders: `mirrored` says so.
 */
import { AlignmentType, Footer, Header, Paragraph, type ISectionOptions } from 'docx';
import type { Meta } from '../../model.js';
import type { Layout, Template } from '../../templates/index.js';
import type { PageAlign } from '../../templates/layout.js';
import { runningRuns } from './fields.js';
import { charWidth, styleId } from './styles.js';
import { twips } from './units.js';

type Side = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Odd and even pages' side for a layout alignment (page 1 is odd, a right-hand page). */
function sides(align: PageAlign): { odd: Side; even: Side } {
  if (align === 'outside') return { odd: 'right', even: 'left' };
  if (align === 'inside') return { odd: 'left', even: 'right' };
  return { odd: align, even: align };
}

export function mirrored(layout: Layout): boolean {
  return [layout.header.align, layout.footer.align].some((a) => a === 'outside' || a === 'inside');
}

export function pageProperties(layout: Layout): NonNullable<ISectionOptions['properties']> {
  const { page, styles, footer } = layout;
  const footerFromEdge = Math.max(0, page.margin.bottom - footer.distance - 0.3 * styles.footer.size);
  return {
    page: {
      size: { width: twips(page.width), height: twips(page.height) },
      margin: {
        top: twips(page.margin.top),
        bottom: twips(page.margin.bottom),
        left: twips(page.margin.left),
        right: twips(page.margin.right),
        header: twips(page.margin.top / 2),
        footer: twips(footerFromEdge),
        gutter: 0,
      },
    },
  };
}

/** Headers and footers of a body section (none of either when its text renders empty). */
export function running(layout: Layout, template: Template, meta: Meta): Pick<ISectionOptions, 'headers' | 'footers'> {
  const both = mirrored(layout);
  const make = <T extends Header | Footer>(kind: 'header' | 'footer', Part: new (o: { children: Paragraph[] }) => T) => {
    const spec = layout[kind];
    const s = sides(spec.align);
    const inset = kind === 'footer' ? twips(layout.footer.inset * charWidth(layout.styles.footer)) : 0;
    const part = (side: Side): T | undefined => {
      const runs = runningRuns(template, spec.text, meta);
      if (!runs) return undefined;
      const indent = side === 'right' ? { right: inset } : side === 'left' ? { left: inset } : {};
      return new Part({ children: [new Paragraph({ style: styleId(kind), alignment: ALIGN[side], ...(inset ? { indent } : {}), children: runs })] });
    };
    const odd = part(s.odd);
    if (!odd) return undefined;
    return both ? { default: odd, even: part(s.even)! } : { default: odd };
  };
  const headers = make('header', Header);
  const footers = make('footer', Footer);
  return { ...(headers ? { headers } : {}), ...(footers ? { footers } : {}) };
}
