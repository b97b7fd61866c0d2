/**
 * The one date a publication carries. Files never get the wall clock: SOURCE_DATE_EPOCH
 * (reproducible-builds.org) wins, then the report's own date, then its publication date, and
 * failing all of those a fixed instant, so the same input always gives the same bytes.
 */
import type { Meta } from '../../model.js';

/** 1980-01-01, the earliest instant a zip entry can carry. */
const FALLBACK = Date.UTC(1980, 0, 1);

/** Latest instant a zip entry (DOS date) can carry: 2107-12-31. */
const LATEST = Date.UTC(2107, 11, 31, 23, 59, 59);

/**
 * What is wrong with SOURCE_DATE_EPOCH, if it is set: it must be whole seconds since 1970
 * that a zip entry can carry. A value that is not (`abc`) would otherwise be ignored in
 * silence and the build would quietly not be the reproducible one asked for.
 */
export function sourceDateEpochProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  const shown = JSON.stringify(epoch.length > 30 ? `${epoch.slice(0, 30)}…` : epoch);
  if (!/^\d+$/.test(epoch.trim())) return `SOURCE_DATE_EPOCH=${shown} is not a whole number of seconds since 1970-01-01 (e.g. 1700000000)`;
  if (Number(epoch.trim()) * 1000 > LATEST) return `SOURCE_DATE_EPOCH=${shown} lies after 2107, the last year a zip entry can carry`;
  return undefined;
}

export function publicationDate(meta: Meta, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  for (const iso of [meta.date, meta.published]) {
    if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      const t = Date.parse(`${iso}T00:00:00Z`);
      if (!Number.isNaN(t)) return new Date(Math.max(t, FALLBACK));
    }
  }
  return new Date(FALLBACK);
}
