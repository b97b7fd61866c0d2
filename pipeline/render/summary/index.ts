/**
 * The summary writer. Not built yet: it writes nothing and says so.
 */
import type { Writer } from '../types.js';

export const write: Writer = async (_publication, context) => {
  context.warn('the summary format is not implemented yet; nothing written');
  return [];
};
