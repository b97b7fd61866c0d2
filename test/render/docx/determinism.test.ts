/**
 * The same input gives the same bytes: across renders in one process (docx's bookmark counter
 * and nanoid relationship ids are renumbered), across time zones (zip times from UTC fields),
 * and with the date the build passes in, never the wall clock.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CASES, publication } from '../../helpers.js';
import { render } from './helpers.js';

const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('deterministic packaging', () => {
  const pub = publication(CASES[0]!.path);

  it.each(['default', 'official'])('renders the same bytes twice (%s)', async (name) => {
    const a = await render(pub, name);
    const b = await render(pub, name);
    expect(hash(b.bytes)).toBe(hash(a.bytes));
  });

  it('does not depend on the time zone', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const a = await render(pub);
      process.env.TZ = 'America/Los_Angeles';
      const b = await render(pub);
      expect(hash(b.bytes)).toBe(hash(a.bytes));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('stamps the given date into the properties and every zip entry', async () => {
    const date = new Date(Date.UTC(2024, 4, 17, 8, 30, 10));
    const out = await render(pub, 'default', date);
    expect(out.text('docProps/core.xml')).toContain('>2024-05-17T08:30:10Z</dcterms:created>');
    // Local file headers: DOS time at offset 10, date at 12.
    const view = new DataView(out.bytes.buffer, out.bytes.byteOffset);
    let entries = 0;
    for (let i = 0; i + 30 < out.bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      entries++;
      expect(view.getUint16(i + 10, true)).toBe((8 << 11) | (30 << 5) | 5);
      expect(view.getUint16(i + 12, true)).toBe(((2024 - 1980) << 9) | (5 << 5) | 17);
    }
    expect(entries).toBe(Object.keys(out.parts).length);
  });

  it('writes the parts in a fixed order, [Content_Types].xml first', async () => {
    const names = Object.keys((await render(pub)).parts);
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(names.slice(2)).toEqual([...names.slice(2)].sort());
  });

  it('numbers bookmarks from 0 in each render', async () => {
    const doc = (await render(pub)).text('word/document.xml');
    const ids = [...doc.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(ids.map((_, i) => i));
  });
});
