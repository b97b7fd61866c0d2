/**
 * The normalise stage: a unified preset of small plugins, each one concern, in the order
 * they depend on each other (metadata leaves the tree first; tables take their cells before
 * headings look for titles; the glossary needs its heading; bold leads are told from headings
 * first; lists take what is left numbered).
 */
import type { Preset } from 'unified';
import { reportMetadata } from './metadata.js';
import { reportPunctuation } from './punctuation.js';
import { reportTables } from './tables.js';
import { reportHeadings } from './headings.js';
import { reportGlossary } from './glossary.js';
import { reportLeads } from './leads.js';
import { reportLists } from './lists.js';
import { reportIds } from './ids.js';
import { reportFigures } from './figures.js';

export const reportPreset: Preset = {
  plugins: [reportMetadata, reportPunctuation, reportTables, reportHeadings, reportGlossary, reportLeads, reportLists, reportIds, reportFigures],
};
