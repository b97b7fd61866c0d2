/**
 * Deterministic packaging: the same publication gives the same bytes.
 *
 * docx stamps dcterms:created/modified with the wall clock, takes bookmark ids from a counter
 * shared by the whole process (a second document in the same run gets other numbers) and
 * relationship ids from nanoid, and zips with the current time. So the parts are taken before
 * they are zipped, those are set from the publication (its date; ids numbered in order of
 * appearance), the font table is replaced by ours, and the parts are zipped in a fixed order
 * with the publication's date (zip.ts).
 *
 * docx's Packer only gives a finished zip; its compiler (a private static of Packer in docx
 * 9.15) gives the parts. Taking them there saves deflating everything twice and inflating it
 * once (about half the writer's time); if a docx version lacks it, the zip is opened instead.
 */
import { Packer, type Document } from 'docx';
import { zip, type ZipEntry } from '../shared/zip.js';

type Parts = Map<string, string | Uint8Array>;

/** The package's parts by path, unzipped. */
export async function parts(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => Parts } }).compiler;
  if (typeof compiler?.compile === 'function') return compiler.compile(doc);
  const { unzipSync } = await import('fflate');
  return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(doc)))));
}

export interface Finishing {
  /** Instant for created/modified and the zip entries. */
  date: Date;
  /** Replacement parts by path (the font table). */
  replace: Record<string, string>;
}

export function finish(files: Parts, { date, replace }: Finishing): Uint8Array {
  const text = new Map<string, string>();
  for (const [path, data] of files) if (typeof data === 'string') text.set(path, data);
  else if (/\.(xml|rels)$/.test(path)) text.set(path, Buffer.from(data).toString('utf8'));
  for (const [path, xml] of Object.entries(replace)) text.set(path, xml);

  const core = text.get('docProps/core.xml');
  if (core) text.set('docProps/core.xml', stampDates(core, date));
  renumberBookmarks(text);
  renumberRelationships(text);

  const entries: ZipEntry[] = order([...new Set([...files.keys(), ...Object.keys(replace)])]).map((path) => ({
    path,
    data: text.has(path) ? Buffer.from(text.get(path)!, 'utf8') : (files.get(path) as Uint8Array),
  }));
  return zip(entries, date);
}

/** W3CDTF without milliseconds, as Word writes it. */
export const w3cdtf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function stampDates(core: string, date: Date): string {
  return core.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${w3cdtf(date)}$2`);
}

/** Bookmark ids in each part from 0, in order of their first appearance. */
function renumberBookmarks(text: Map<string, string>): void {
  for (const [path, xml] of text) {
    if (!xml.includes('<w:bookmarkStart')) continue;
    const ids = new Map<string, number>();
    text.set(
      path,
      xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")([^"]*)(")/g, (_, a: string, id: string, b: string) => {
        if (!ids.has(id)) ids.set(id, ids.size);
        return `${a}${ids.get(id)}${b}`;
      }),
    );
  }
}

/**
 * Relationship ids that are not already `rIdN` (docx draws those from nanoid) become
 * `rIdN` after the highest in their .rels file, in the file's order, in the .rels file and in
 * the part it belongs to.
 */
function renumberRelationships(text: Map<string, string>): void {
  for (const [rels, xml] of text) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(rels);
    if (!m) continue;
    const owner = `${m[1]}${m[2]}`;
    const ids = [...xml.matchAll(/\sId="([^"]+)"/g)].map((x) => x[1]!);
    let next = Math.max(0, ...ids.map((id) => Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
    const map = new Map<string, string>();
    for (const id of ids) if (!/^rId\d+$/.test(id) && !map.has(id)) map.set(id, `rId${next++}`);
    if (!map.size) continue;
    // Relationship ids appear as Id="…" in the .rels file and r:id / r:embed / r:link="…" in the part.
    const swap = (s: string) => s.replace(/\b(Id|r:id|r:embed|r:link)="([^"]+)"/g, (whole, name: string, value: string) => (map.has(value) ? `${name}="${map.get(value)}"` : whole));
    text.set(rels, swap(xml));
    const part = text.get(owner);
    if (part) text.set(owner, swap(part));
  }
}

/** [Content_Types].xml first, then the package relationships, then every other part by name. */
function order(paths: string[]): string[] {
  const rank = (p: string) => (p === '[Content_Types].xml' ? 0 : p === '_rels/.rels' ? 1 : 2);
  return [...paths].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
