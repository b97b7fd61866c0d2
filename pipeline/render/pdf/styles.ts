/**
 * The layout's styles as the PDF needs them: lengths in points, the face file a style really
 * uses (regular or bold) with its metrics, the line pitch, and the named pdfmake styles that
 * carry font, size, weight and colour (so each text item in the document only names a style).
 */
import type { Layout, Style } from '../../templates/index.js';
import type { StyleName } from '../../templates/schema.js';
import { familyOf } from '../../engine/index.js';
import { fallbackFile, fallbackFont, FALLBACK } from '../shared/fallback-font.js';
import { face, type Face } from './fonts.js';

export type Align = Style['align'];

export interface TextStyle {
  /** Name of the pdfmake style holding font, size, bold and colour. */
  key: string;
  /** The layout role it was made from. */
  role: StyleName;
  font: string;
  bold: boolean;
  size: number;
  color: string;
  characterSpacing: number;
  face: Face;
  /** This style set in the layout's fallback font (text/fallback.ts); undefined without one. */
  fallback?: () => TextStyle | undefined;
}

export interface BlockStyle {
  text: TextStyle;
  /** Distance from one baseline to the next, in points. */
  pitch: number;
  /** First-line indent in points. */
  indent: number;
  spaceBefore: number;
  spaceAfter: number;
  align: Align;
  /** Justified text on the layout's character grid (typesetting.grid): broken by whole cells. */
  grid: boolean;
  /**
   * The body face at this style's size, when this style's face has a smaller ascender: an
   * empty inline in it puts the baseline where a body line has it, so lines in a face with
   * other metrics (LXGW WenKai: 0.93 em against 1.15) keep to the grid.
   */
  strut?: TextStyle;
}

export interface Variant {
  size?: number;
  bold?: boolean;
}

interface PdfStyle {
  font: string;
  fontSize: number;
  bold: boolean;
  color: string;
  characterSpacing: number;
  noWrap: true;
}

export class StyleBook {
  private readonly texts = new Map<string, TextStyle>();
  private readonly named: Record<string, PdfStyle> = {};

  constructor(private readonly layout: Layout) {}

  /** The text style of a role, optionally at another size or weight. */
  text(name: StyleName, variant: Variant = {}): TextStyle {
    const style = this.layout.styles[name];
    const size = variant.size ?? style.size;
    const bold = variant.bold ?? style.bold;
    const key = size === style.size && bold === style.bold ? name : `${name}-${size}${bold ? 'b' : ''}`;
    let text = this.texts.get(key);
    if (!text) {
      const font = this.layout.fonts[style.font]!;
      // A bold variant of a font without a bold face stays regular (pdfmake cannot fake bold).
      const file = bold ? (font.bold ?? font.regular) : font.regular;
      text = { key, role: name, font: style.font, bold: bold && !!font.bold, size, color: style.color, characterSpacing: style.characterSpacing, face: face(file) };
      const base = text;
      text.fallback = () => this.fallbackOf(base);
      this.texts.set(key, text);
      // Every text item is set whole (noWrap): lines are broken before pdfmake sees them.
      this.named[key] = { font: familyOf(style.font), fontSize: size, bold: text.bold, color: style.color, characterSpacing: style.characterSpacing, noWrap: true };
    }
    return text;
  }

  /**
   * A style as it is set in the fallback font: its size, colour, tracking and weight. Made
   * (and its face opened) only when a character asks for it.
   */
  private fallbackOf(base: TextStyle): TextStyle | undefined {
    const font = fallbackFont(this.layout);
    if (!font || base.font === FALLBACK) return undefined;
    const key = `${base.key}~${FALLBACK}`;
    let text = this.texts.get(key);
    if (!text) {
      const bold = base.bold && !!font.bold;
      text = { key, role: base.role, font: FALLBACK, bold, size: base.size, color: base.color, characterSpacing: base.characterSpacing, face: face(fallbackFile(font, bold)) };
      this.texts.set(key, text);
      this.named[key] = { font: familyOf(FALLBACK), fontSize: base.size, bold, color: base.color, characterSpacing: base.characterSpacing, noWrap: true };
    }
    return text;
  }

  block(name: StyleName): BlockStyle {
    const style = this.layout.styles[name];
    const text = this.text(name);
    const pitch = 'exact' in style.lineHeight ? style.lineHeight.exact : style.lineHeight.multiple * style.size;
    const body = this.text('body');
    const strut = body.face.ascent > text.face.ascent + 1e-6 ? this.text('body', { size: style.size, bold: false }) : undefined;
    return {
      text,
      pitch,
      ...(strut ? { strut } : {}),
      indent: style.indent * (style.size + style.characterSpacing),
      spaceBefore: style.spaceBefore,
      spaceAfter: style.spaceAfter,
      align: style.align,
      grid: this.layout.typesetting.grid && style.align === 'justify',
    };
  }

  /** Faces in use, by the font key and weight they serve (`serif`, `sans bold`). */
  faces(): Record<string, Face> {
    const out: Record<string, Face> = {};
    for (const t of this.texts.values()) out[t.bold ? `${t.font} bold` : t.font] = t.face;
    return out;
  }

  /** The pdfmake styles dictionary: every text style used so far. */
  dictionary(): Record<string, PdfStyle> {
    return this.named;
  }
}

/**
 * pdfmake's `lineHeight` is a factor of the face's own line height (pdfkit: ascender minus
 * descender, 1.437 em for Noto Serif SC), not of the font size; this is the factor that gives
 * exactly `pitch` for text of `style`.
 */
export function lineHeightFactor(style: TextStyle, pitch: number): number {
  return pitch / (style.face.lineHeight * style.size);
}
