/**
 * `reportpress watch`: rebuild the affected publications whenever a source or the template
 * changes. (Implemented with the templates work; this placeholder only explains.)
 */
import { UsageError } from './build.js';

export async function watch(_sources: string[], _options: object): Promise<number> {
  throw new UsageError('watch is not available yet');
}
