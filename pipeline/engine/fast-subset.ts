/**
 * pdfkit embeds a subset of each TrueType face it uses, built by fontkit's TTF subsetter:
 * for each glyph used, the glyph's bytes from glyf (a compound glyph's component ids renumbered
 * to the subset's), its loca offset and its hmtx advance and left side bearing. To learn
 * whether a glyph is compound, fontkit decodes the whole outline (every point of a CJK
 * character: most of the subsetting time), and it reads the bearing through a metrics getter
 * that also decodes the outline's header. The outline itself is copied as bytes either way.
 *
 * `installFastSubset` gives one subset object (pdfkit's, one per face per document) an
 * `_addGlyph` that does the same from the bytes: the glyph's first int16 (its contour count)
 * says whether it is compound, and only a compound glyph's component records are read. What
 * it pushes (bytes, offset, metrics) and the order it includes components in are fontkit's,
 * so the embedded font is the same byte for byte.
 */
import { openSfnt, type Sfnt } from '../render/shared/sfnt.js';
import { fastPathOn, hasMembers, took } from './status.js';

/* The parts of fontkit's TTFSubset the method touches (fields fontkit's encode() reads). */
export interface TtfSubset {
  font: { getGlyph(id: number): unknown };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  includeGlyph(glyph: number): number;
  _addGlyph(glyph: number): number;
}

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const opened = new WeakMap<Buffer, Sfnt | null>();

/** The font's tables, when it is a static TrueType-outline font this method handles. */
function outlines(data: Buffer): Sfnt | undefined {
  let sfnt = opened.get(data);
  if (sfnt === undefined) {
    const s = openSfnt(data);
    const has = (tag: string) => s.offset(tag) !== undefined;
    sfnt = has('glyf') && has('loca') && !has('CFF ') && !has('CFF2') && !has('fvar') ? s : null;
    opened.set(data, sfnt);
  }
  return sfnt ?? undefined;
}

/** Gives `subset` (of the font whose file is `data`) the byte-copying `_addGlyph`. */
export function installFastSubset(subset: TtfSubset, data: Buffer): void {
  const sfnt = outlines(data);
  if (!sfnt || !fastPathOn('subset') || !hasMembers(subset, "fontkit's TrueType subset", ['_addGlyph', 'includeGlyph', '.font'], 'subset')) return;
  const view = sfnt.view;
  const addGlyph = subset._addGlyph;
  subset._addGlyph = function (this: TtfSubset, gid: number): number {
    if (!fastPathOn('subset')) return addGlyph.call(this, gid);
    took('subset');
    // fontkit fetches the glyph object here (creating it if no text used it, as for a
    // component); keep that, so the font object ends in the same state.
    this.font.getGlyph(gid);
    const [start, end] = sfnt.outlineOf(gid)!;
    let bytes: Uint8Array = data.subarray(start, end);
    if (end > start && view.getInt16(start) < 0) {
      // A compound glyph: a copy, with each component's glyph id (found after its flags)
      // replaced by its id in the subset, components included in the order they come.
      bytes = new Uint8Array(bytes);
      const out = new DataView(bytes.buffer);
      let at = start + 10;
      for (let flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
        flags = view.getUint16(at);
        const glyphAt = at + 2 - start;
        out.setUint16(glyphAt, this.includeGlyph(view.getUint16(at + 2)));
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      }
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: sfnt.advanceOf(gid), bearing: sfnt.leftBearingOf(gid) });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
