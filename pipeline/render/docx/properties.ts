/**
 * Document properties (File > Info in Word, docProps/core.xml) from the metadata. Any field the
 * report lacks is left out rather than invented.
 *
 *   title        the report's title
 *   subject      the meeting it was delivered at
 *   creator      the speaker (role and name), else the issuing body
 *   keywords     政府工作报告, the region (来源), the year
 *   description  the meeting line (subtitle), else the speaker and date
 */
import type { IPropertiesOptions } from 'docx';
import type { Meta } from '../../model.js';

type Properties = Pick<IPropertiesOptions, 'title' | 'subject' | 'creator' | 'keywords' | 'description' | 'lastModifiedBy' | 'revision'>;

export function documentProperties(meta: Meta): Properties {
  const speaker = meta.speaker ? [meta.speaker.role, meta.speaker.name].filter(Boolean).join(' ') : undefined;
  const creator = speaker || meta.issuer;
  const year = /^(\d{4})/.exec(meta.date ?? meta.published ?? '')?.[1];
  const keywords = ['政府工作报告', meta.source, year ? `${year}年` : undefined].filter(Boolean).join('; ');
  const description = meta.subtitle ?? ([speaker, meta.date].filter(Boolean).join(' ') || undefined);
  return {
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.meeting ? { subject: meta.meeting } : {}),
    // Without a speaker or issuer the author is unknown: empty, not docx's "Un-named".
    creator: creator ?? '',
    lastModifiedBy: creator ?? '',
    keywords,
    ...(description ? { description } : {}),
    revision: 1,
  };
}
