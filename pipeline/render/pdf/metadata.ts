/**
 * The PDF's document information: Title, Author (the speaker, else the issuing body),
 * Subject (the meeting line), Keywords, Creator, and both dates from the build's date (never
 * the wall clock: pdfkit's file /ID is a hash of this dictionary, so it is stable too).
 */
import type { Meta } from '../../model.js';

export interface Info {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
}

export function documentInfo(meta: Meta, date: Date): Info {
  const year = /^(\d{4})/.exec(meta.date ?? '')?.[1];
  const keywords = [...new Set([meta.meeting, meta.issuer ?? meta.source, year && `${year}年`, '政府工作报告'].filter((k): k is string => !!k))];
  const info: Info = { creator: 'reportpress', producer: 'reportpress (pdfmake)', creationDate: date, modDate: date, keywords: keywords.join(', ') };
  if (meta.title) info.title = meta.title;
  const author = meta.speaker?.name ?? meta.issuer;
  if (author) info.author = author;
  if (meta.subtitle ?? meta.meeting) info.subject = meta.subtitle ?? meta.meeting;
  return info;
}
