/**
 * Lists as Word numbering, so an editor can renumber and restyle them: one numbering
 * definition per kind of list (the report's own delimiter: `1.`, `1、`, `（1）`, or bullets) and
 * start number, and one instance per list so each list counts from its own start.
 *
 * Chinese reports print the number where the first line's two-character indent ends, with
 * the following lines back at the margin, exactly like a body paragraph: so the top level keeps
 * the paragraph style's indent, and only nested levels step in.
 */
import { LevelFormat, LevelSuffix, type INumberingOptions, type ILevelsOptions } from 'docx';
import type { Style } from '../../templates/index.js';
import { charWidth } from './styles.js';
import { twips } from './units.js';

export type Delimiter = '.' | '、' | '()';

const TEXT: Record<Delimiter | 'bullet', (n: number) => string> = {
  '.': (n) => `%${n}.`,
  '、': (n) => `%${n}、`,
  '()': (n) => `（%${n}）`,
  bullet: () => '•',
};
const NAME: Record<Delimiter | 'bullet', string> = { '.': 'dot', '、': 'comma', '()': 'paren', bullet: 'bullet' };

export interface ListNumbering {
  reference: string;
  instance: number;
}

export class ListRegistry {
  private readonly definitions = new Map<string, ILevelsOptions[]>();
  private count = 0;

  constructor(private readonly body: Style) {}

  /** Numbering for a new list. */
  start(ordered: boolean, delimiter: Delimiter | undefined, start: number): ListNumbering {
    const kind = ordered ? (delimiter ?? '.') : 'bullet';
    const first = ordered ? Math.max(0, Math.trunc(start)) : 1;
    const reference = ordered ? `list-${NAME[kind]}-${first}` : 'list-bullet';
    if (!this.definitions.has(reference)) this.definitions.set(reference, this.levels(kind, first));
    this.count += 1;
    return { reference, instance: this.count };
  }

  /** The numbering part's definitions, in the order the lists first used them. */
  config(): INumberingOptions['config'] {
    return [...this.definitions].map(([reference, levels]) => ({ reference, levels }));
  }

  private levels(kind: Delimiter | 'bullet', start: number): ILevelsOptions[] {
    const ch = charWidth(this.body);
    return Array.from({ length: 9 }, (_, level) => ({
      level,
      format: kind === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: TEXT[kind](level + 1),
      start,
      suffix: kind === 'bullet' ? LevelSuffix.SPACE : LevelSuffix.NOTHING,
      ...(level > 0
        ? { style: { paragraph: { indent: { left: twips(2 * level * ch), firstLine: twips(2 * ch), firstLineChars: 200 } } } }
        : {}),
    }));
  }
}
