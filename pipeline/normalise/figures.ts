/**
 * Figures for the summary: indicators, targets, priorities, with the sentence each came from.
 * (Filled in by the summary work; until then the publication carries empty lists.)
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { emptyFigures } from '../model.js';

export function reportFigures() {
  return (_tree: Root, file: VFile) => {
    file.data.figures = emptyFigures();
  };
}
