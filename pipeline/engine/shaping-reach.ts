/**
 * Where OpenType shaping can act, read from a font's GSUB and GPOS tables, so that text it
 * cannot change may skip it (fast-fonts.ts).
 *
 * fontkit (pdfkit's shaper) applies, for horizontal left-to-right text with no features asked
 * for, the lookups of a fixed set of features (`DEFAULT_FEATURES`, its default shaper's plan)
 * found in the default language system of one script table, chosen by the script of the text.
 * Every lookup fontkit runs acts only where the glyph under its cursor is in the subtable's
 * first coverage (single, multiple, alternate and ligature substitution; single, pair and
 * cursive positioning; the mark of a mark attachment; the first input glyph of a contextual
 * rule), and the lookups a contextual rule calls run only inside a match that started so.
 *
 * Two kinds of lookup are looked at more closely, because CJK fonts cover common characters
 * with them: a ligature acts only if its other components follow (Noto's "——" ligature; a
 * lone "—" is left alone), and pair adjustments (kerning) are computed as fontkit computes
 * them, pair by pair in its order of lookups and subtables (Noto kerns "T" against "O", and
 * "." against Latin capitals, but not against digits or ideographs). If no other lookup acts
 * on any glyph of a run, shaping returns the run as it went in, kerned: the cmap's glyphs,
 * each advancing by its hmtx width plus what kerning adds.
 *
 * `ShapingReach.read` answers "unknown" (undefined) whenever fontkit's behaviour is not this
 * simple: a script table fontkit would not find, a lookup type it does not know, feature
 * variations.
 */

/**
 * fontkit 2's default shaper, horizontal text: rvrn, ltra and ltrm first, then the common
 * (ccmp locl rlig mark mkmk) and horizontal (calt clig liga rclt curs kern) features. The
 * fraction features (frac numr dnom) are applied only to digits around U+2044 FRACTION SLASH,
 * which the fast path never takes (see fast-fonts.ts), so they are left out here.
 */
export const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/** Script tables fontkit falls back to, in order, when the text's own script has none. */
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/**
 * Lookup flags that make fontkit skip base glyphs or ligatures when it looks for the next
 * glyph; a ligature or pair rule under them is not simply "the glyphs that follow".
 * (Skipping marks does not matter: the fast path has none.)
 */
const SKIPS_BASES = 0x0002 | 0x0004;

const enum Rule {
  /** Acts on every glyph of its coverage. */
  Always,
  Ligature,
  Pair,
}

export class ShapingReach {
  /** Glyphs some lookup acts on whatever follows them. */
  private readonly always = new Uint8Array(65536);
  /** Glyphs that start a ligature: those need a look at what follows. */
  private readonly ligatureStarts = new Uint8Array(65536);
  private readonly ligatures: number[] = [];
  /** Glyphs that start a kerning pair, and the pair lookups (their subtables) in fontkit's order. */
  private readonly pairStarts = new Uint8Array(65536);
  private readonly pairLookups: number[][] = [];
  /** What all pair lookups together do to a pair (see pairEffect), by first * 65536 + second. */
  private readonly pairEffects = new Map<number, Int32Array | null | false>();

  private constructor(private readonly view: DataView) {}

  /**
   * What the default lookups of the font's GSUB and GPOS tables (offsets; undefined when
   * absent) can do to text fontkit assigns the script `script` (an OpenType tag: 'hani',
   * 'latn', or 'zzzz' for text of no script). Undefined when that cannot be known.
   */
  static read(view: DataView, gsub: number | undefined, gpos: number | undefined, script: string): ShapingReach | undefined {
    const reach = new ShapingReach(view);
    for (const [table, kind] of [[gsub, 'GSUB'], [gpos, 'GPOS']] as const) {
      if (table !== undefined && !reach.add(table, kind, script)) return undefined;
    }
    return reach;
  }

  /** Whether a glyph is changed by some lookup wherever it stands. */
  touches(glyph: number): boolean {
    return this.always[glyph] === 1;
  }

  /** Whether a ligature starts in this run (none of whose glyphs `touches`, none a mark). */
  ligates(glyphs: ArrayLike<number>): boolean {
    for (let i = 0; i < glyphs.length; i++) {
      if (this.ligatureStarts[glyphs[i]!] && this.ligatures.some((sub) => ligatureMatches(this.view, sub, glyphs, i))) return true;
    }
    return false;
  }

  /**
   * What kerning does to this run (none of whose glyphs `touches`, none a mark): four numbers
   * a glyph to add to its x advance, y advance, x offset and y offset; null when nothing
   * moves; false when fontkit would do something this does not model.
   */
  kerning(glyphs: ArrayLike<number>): Int32Array | null | false {
    let moves: Int32Array | null = null;
    for (let i = 0; i + 1 < glyphs.length; i++) {
      if (!this.pairStarts[glyphs[i]!]) continue;
      const effect = this.pairEffect(glyphs[i]!, glyphs[i + 1]!);
      if (effect === false) return false;
      if (!effect) continue;
      moves ??= new Int32Array(4 * glyphs.length);
      for (let k = 0; k < 4; k++) {
        moves[4 * i + k]! += effect[k]!;
        moves[4 * i + 4 + k]! += effect[4 + k]!;
      }
    }
    return moves;
  }

  /**
   * What fontkit's pair lookups do to `first` followed by `second`: each lookup in turn takes
   * the first of its subtables that has the pair (format 1: an entry for the second glyph;
   * format 2: the first glyph in its coverage) and adds its two value records to the two
   * glyphs. Eight numbers (the first glyph's four, the second's), null when all are zero.
   */
  private pairEffect(first: number, second: number): Int32Array | null | false {
    const key = first * 65536 + second;
    let effect = this.pairEffects.get(key);
    if (effect === undefined) {
      const sum = new Int32Array(8);
      effect = null;
      for (const subtables of this.pairLookups) {
        let applied: boolean | undefined = false;
        for (const sub of subtables) {
          applied = applyPair(this.view, sub, first, second, sum);
          if (applied !== false) break;
        }
        if (applied === undefined) {
          effect = false;
          break;
        }
      }
      if (effect !== false && sum.some((v) => v !== 0)) effect = sum;
      this.pairEffects.set(key, effect);
    }
    return effect;
  }

  private add(table: number, kind: 'GSUB' | 'GPOS', script: string): boolean {
    const view = this.view;
    const minor = view.getUint16(table + 2);
    // Feature variations (a 1.1 table) swap features by design-space region; not for us.
    if (minor >= 1 && view.getUint32(table + 10) !== 0) return false;
    const scriptList = table + view.getUint16(table + 4);
    const featureList = table + view.getUint16(table + 6);
    const lookupList = table + view.getUint16(table + 8);

    const found = findScript(view, scriptList, [script]) ?? findScript(view, scriptList, FALLBACK_SCRIPTS);
    // fontkit then keeps whatever script it had selected before: unpredictable.
    if (found === undefined) return false;
    const defaultLangSys = view.getUint16(found);
    // No default language system: fontkit applies no feature at all.
    if (defaultLangSys === 0) return true;
    const langSys = found + defaultLangSys;
    const required = view.getUint16(langSys + 2);
    const count = view.getUint16(langSys + 4);
    const indexes: number[] = [];
    for (let i = 0; i < count; i++) indexes.push(view.getUint16(langSys + 6 + 2 * i));
    const lookupsOf = (index: number): number[] => {
      const feature = featureList + view.getUint16(featureList + 2 + 6 * index + 4);
      const n = view.getUint16(feature + 2);
      return Array.from({ length: n }, (_, i) => view.getUint16(feature + 4 + 2 * i));
    };

    // What fontkit applies: for each default feature tag of the language system, the last
    // record with that tag; their lookups, repeats kept, sorted by index.
    const byTag = new Map<string, number>();
    for (const index of indexes) {
      const tag = readTag(view, featureList + 2 + 6 * index);
      if (DEFAULT_FEATURES.has(tag)) byTag.set(tag, index);
    }
    const applied = [...byTag.values()].flatMap(lookupsOf).sort((a, b) => a - b);
    // What counts as reachable errs on the safe side: every record of those tags, and the
    // required feature (which fontkit ignores), whose lookups act wherever their coverage is.
    const reachable = new Set<number>(applied);
    for (const index of indexes) if (DEFAULT_FEATURES.has(readTag(view, featureList + 2 + 6 * index))) lookupsOf(index).forEach((l) => reachable.add(l));
    if (required !== 0xffff) lookupsOf(required).forEach((l) => reachable.add(l));

    const pairSubtables = new Map<number, number[]>();
    for (const index of reachable) {
      const lookup = lookupList + view.getUint16(lookupList + 2 + 2 * index);
      const type = view.getUint16(lookup);
      const flags = view.getUint16(lookup + 2);
      const n = view.getUint16(lookup + 4);
      const subtables = Array.from({ length: n }, (_, i) => lookup + view.getUint16(lookup + 6 + 2 * i));
      const simple = (flags & SKIPS_BASES) === 0 && applied.includes(index);
      const pairs = kind === 'GPOS' && simple ? subtables.map((sub) => resolved(view, sub, type, kind)) : [];
      if (pairs.length && pairs.every(([t, sub]) => t === 2 && (view.getUint16(sub) === 1 || view.getUint16(sub) === 2))) {
        pairSubtables.set(index, pairs.map(([, sub]) => sub));
        for (const [, sub] of pairs) if (!this.mark(sub + view.getUint16(sub + 2), Rule.Pair)) return false;
        continue;
      }
      for (const sub of subtables) if (!this.addSubtable(sub, type, kind, simple)) return false;
    }
    for (const index of applied) {
      const subtables = pairSubtables.get(index);
      if (subtables) this.pairLookups.push(subtables);
    }
    return true;
  }

  /** Records where a subtable can act; false for a type or format fontkit does not run. */
  private addSubtable(sub: number, type: number, kind: 'GSUB' | 'GPOS', simple: boolean): boolean {
    const view = this.view;
    [type, sub] = resolved(view, sub, type, kind);
    const format = view.getUint16(sub);
    if (kind === 'GSUB' && type === 4 && format === 1 && simple) {
      this.ligatures.push(sub);
      return this.mark(sub + view.getUint16(sub + 2), Rule.Ligature);
    }
    const contextual = kind === 'GSUB' ? [5, 6] : [7, 8];
    if (type === contextual[0] || type === contextual[1]) {
      if (format === 1 || format === 2) return this.mark(sub + view.getUint16(sub + 2), Rule.Always);
      if (format !== 3) return false;
      // A rule of no input would match anywhere.
      if (type === contextual[0]) {
        // glyphCount, seqLookupCount, then the coverage of each input position.
        return view.getUint16(sub + 2) > 0 && this.mark(sub + view.getUint16(sub + 6), Rule.Always);
      }
      // Backtrack count and coverages, then input count and coverages: the first input counts.
      const input = sub + 4 + 2 * view.getUint16(sub + 2);
      return view.getUint16(input) > 0 && this.mark(sub + view.getUint16(input + 2), Rule.Always);
    }
    // Every other type fontkit knows keeps its (first) coverage right after the format:
    // GSUB 1-4; GPOS 1-3, and 4-6 whose first coverage is the mark's.
    const known = kind === 'GSUB' ? type >= 1 && type <= 4 : type >= 1 && type <= 6;
    return known && this.mark(sub + view.getUint16(sub + 2), Rule.Always);
  }

  private mark(coverage: number, rule: Rule): boolean {
    const into = rule === Rule.Always ? this.always : rule === Rule.Ligature ? this.ligatureStarts : this.pairStarts;
    return forCoverage(this.view, coverage, (glyph) => (into[glyph] = 1));
  }
}

/** A subtable's type and offset, through an extension subtable. */
function resolved(view: DataView, sub: number, type: number, kind: 'GSUB' | 'GPOS'): [number, number] {
  const extension = kind === 'GSUB' ? 7 : 9;
  return type === extension ? [view.getUint16(sub + 2), sub + view.getUint32(sub + 4)] : [type, sub];
}

/** The Script table of the first tag in `tags` the list has (fontkit's order of search). */
function findScript(view: DataView, scriptList: number, tags: string[]): number | undefined {
  const count = view.getUint16(scriptList);
  for (const tag of tags) {
    for (let i = 0; i < count; i++) {
      const record = scriptList + 2 + 6 * i;
      if (readTag(view, record) === tag) return scriptList + view.getUint16(record + 4);
    }
  }
  return undefined;
}

function forCoverage(view: DataView, coverage: number, visit: (glyph: number) => void): boolean {
  const format = view.getUint16(coverage);
  const count = view.getUint16(coverage + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) visit(view.getUint16(coverage + 4 + 2 * i));
    return true;
  }
  if (format === 2) {
    for (let i = 0; i < count; i++) {
      const range = coverage + 4 + 6 * i;
      const end = view.getUint16(range + 2);
      for (let g = view.getUint16(range); g <= end; g++) visit(g);
    }
    return true;
  }
  return false;
}

/** A glyph's index in a coverage table as fontkit finds it (the first hit), or -1. */
function coverageIndex(view: DataView, coverage: number, glyph: number): number {
  const format = view.getUint16(coverage);
  const count = view.getUint16(coverage + 2);
  for (let i = 0; i < count; i++) {
    if (format === 1) {
      if (view.getUint16(coverage + 4 + 2 * i) === glyph) return i;
    } else {
      const range = coverage + 4 + 6 * i;
      if (view.getUint16(range) <= glyph && glyph <= view.getUint16(range + 2)) return view.getUint16(range + 4) + glyph - view.getUint16(range);
    }
  }
  return -1;
}

/** The class of a glyph in a ClassDef table (0 when unlisted), as fontkit reads it. */
function classOf(view: DataView, classDef: number, glyph: number): number {
  const format = view.getUint16(classDef);
  if (format === 1) {
    const i = glyph - view.getUint16(classDef + 2);
    return i >= 0 && i < view.getUint16(classDef + 4) ? view.getUint16(classDef + 6 + 2 * i) : 0;
  }
  if (format === 2) {
    const count = view.getUint16(classDef + 2);
    for (let i = 0; i < count; i++) {
      const range = classDef + 4 + 6 * i;
      if (view.getUint16(range) <= glyph && glyph <= view.getUint16(range + 2)) return view.getUint16(range + 4);
    }
  }
  return 0;
}

/** Whether a ligature of this subtable (format 1) starts at `glyphs[at]` and its components follow. */
function ligatureMatches(view: DataView, sub: number, glyphs: ArrayLike<number>, at: number): boolean {
  const index = coverageIndex(view, sub + view.getUint16(sub + 2), glyphs[at]!);
  if (index < 0 || index >= view.getUint16(sub + 4)) return false;
  const set = sub + view.getUint16(sub + 6 + 2 * index);
  const count = view.getUint16(set);
  for (let l = 0; l < count; l++) {
    const ligature = set + view.getUint16(set + 2 + 2 * l);
    const components = view.getUint16(ligature + 2) - 1;
    if (at + components >= glyphs.length) continue;
    let match = true;
    for (let c = 0; c < components && match; c++) match = view.getUint16(ligature + 4 + 2 * c) === glyphs[at + 1 + c];
    if (match) return true;
  }
  return false;
}

/**
 * Applies a pair adjustment subtable (format 1 or 2) to `first` followed by `second` as
 * fontkit does, adding the two value records into `sum` (x advance, y advance, x offset,
 * y offset of each glyph): true when the subtable has the pair, false when it does not (the
 * next subtable is tried), undefined when fontkit would fail on it (a class past the end).
 * Device tables are left out, as fontkit leaves them out for a font that is not variable.
 */
function applyPair(view: DataView, sub: number, first: number, second: number, sum: Int32Array): boolean | undefined {
  const index = coverageIndex(view, sub + view.getUint16(sub + 2), first);
  if (index < 0) return false;
  const format1 = view.getUint16(sub + 4);
  const format2 = view.getUint16(sub + 6);
  const size1 = 2 * bits(format1);
  const size2 = 2 * bits(format2);
  const add = (record: number) => {
    addValue(view, record, format1, sum, 0);
    addValue(view, record + size1, format2, sum, 4);
  };
  if (view.getUint16(sub) === 1) {
    if (index >= view.getUint16(sub + 8)) return undefined;
    const pairSet = sub + view.getUint16(sub + 10 + 2 * index);
    const count = view.getUint16(pairSet);
    const stride = 2 + size1 + size2;
    for (let i = 0; i < count; i++) {
      const record = pairSet + 2 + stride * i;
      // fontkit takes the first record for the second glyph.
      if (view.getUint16(record) === second) {
        add(record + 2);
        return true;
      }
    }
    return false;
  }
  const class1 = classOf(view, sub + view.getUint16(sub + 8), first);
  const class2 = classOf(view, sub + view.getUint16(sub + 10), second);
  const class1Count = view.getUint16(sub + 12);
  const class2Count = view.getUint16(sub + 14);
  if (class1 >= class1Count || class2 >= class2Count) return undefined;
  add(sub + 16 + (class1 * class2Count + class2) * (size1 + size2));
  return true;
}

/** Adds a value record's placement and advance (bits 0-3 of its format) into `sum` at `at`. */
function addValue(view: DataView, record: number, format: number, sum: Int32Array, at: number): void {
  let offset = record;
  // ValueRecord fields in order: xPlacement, yPlacement, xAdvance, yAdvance, then device offsets.
  const into = [at + 2, at + 3, at, at + 1];
  for (let bit = 0; bit < 4; bit++) {
    if (!(format & (1 << bit))) continue;
    sum[into[bit]!]! += view.getInt16(offset);
    offset += 2;
  }
}

function bits(n: number): number {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
}

function readTag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** Marks glyphs GDEF classes as marks (class 3); false when there is no glyph class table. */
export function markMarks(view: DataView, gdef: number, into: Uint8Array): boolean {
  const classDef = view.getUint16(gdef + 4);
  if (classDef === 0) return false;
  const at = gdef + classDef;
  const format = view.getUint16(at);
  if (format === 1) {
    const start = view.getUint16(at + 2);
    const count = view.getUint16(at + 4);
    for (let i = 0; i < count; i++) if (view.getUint16(at + 6 + 2 * i) === 3) into[start + i] = 1;
    return true;
  }
  if (format === 2) {
    const count = view.getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const range = at + 4 + 6 * i;
      if (view.getUint16(range + 4) !== 3) continue;
      const end = view.getUint16(range + 2);
      for (let g = view.getUint16(range); g <= end; g++) into[g] = 1;
    }
    return true;
  }
  return false;
}
