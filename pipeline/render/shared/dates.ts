/**
 * The one date a publication carries. Files never get the wall clock: SOURCE_DATE_EPOCH
 * (reproducible-builds.org) wins, then the report's own date, then its publication date, and
 * failing all of those a fixed instant, so the same input always gives the same bytes.
 */
import type { Meta } from '../../model.js';

/** 1980-01-01, the earliest instant a zip entry can carry. */
const FALLBACK = Date.UTC(1980, 0, 1);

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
