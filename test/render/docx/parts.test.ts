/**
 * The writer's own parts that do not need a document: column widths and the zip writer.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { columnWidths, ems } from '../../../pipeline/render/docx/table-widths.js';
import { zip } from '../../../pipeline/render/shared/zip.js';

describe('column widths', () => {
  const col = (header: string, ...cells: string[]) => ({ cells: [{ lines: [header], size: 9 }, ...cells.map((c) => ({ lines: [c], size: 9 }))] });

  it('counts Han characters and full-width punctuation as one em, other characters as about half', () => {
    expect(ems('序号')).toBe(2);
    expect(ems('（一）')).toBe(3);
    expect(ems('2025')).toBeCloseTo(2.2);
  });

  it('fills the available width exactly', () => {
    const widths = columnWidths([col('序号', '1'), col('项目', '道路优化'), col('具体内容', '持续推动交通拥堵点治理'.repeat(12))], 450, 4);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(450);
  });

  it('keeps short labels on one line and gives the long text the rest', () => {
    const widths = columnWidths([col('序号', '1', '10'), col('类别', '公共交通', '基础教育'), col('项目', '道路优化：推进交通拥堵点位治理'), col('具体内容', '持续推动交通拥堵点治理'.repeat(12))], 450, 4);
    expect(widths[0]).toBeGreaterThanOrEqual((2 + 0.5) * 9 + 8);
    expect(widths[1]).toBeGreaterThanOrEqual((4 + 0.5) * 9 + 8);
    expect(widths[3]).toBe(Math.max(...widths));
    // The medium column is not squeezed below a third of its one-line width.
    expect(widths[2]).toBeGreaterThan(((15 + 0.5) * 9 + 8) / 3);
  });

  it('shares spare width in proportion when everything fits', () => {
    const widths = columnWidths([col('甲', '一'), col('乙乙', '二二')], 400, 4);
    expect(widths[1]! / widths[0]!).toBeCloseTo((2.5 * 9 + 8) / (1.5 * 9 + 8));
  });
});

describe('zip writer', () => {
  const entries = [
    { path: '[Content_Types].xml', data: Buffer.from('<Types/>'.repeat(50)) },
    { path: 'empty.xml', data: new Uint8Array(0) },
    { path: 'word/中文.xml', data: Buffer.from('正文'.repeat(100)) },
  ];
  const bytes = zip(entries, new Date(Date.UTC(2025, 1, 26, 13, 45, 30)));

  it('round-trips through an independent reader, in order', () => {
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(entries.map((e) => e.path));
    for (const e of entries) expect(Buffer.from(files[e.path]!).equals(Buffer.from(e.data))).toBe(true);
  });

  it('writes CRC-32, sizes and the DOS time of every entry', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    for (const e of entries) {
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      expect(view.getUint16(at + 10, true)).toBe((13 << 11) | (45 << 5) | 15);
      expect(view.getUint16(at + 12, true)).toBe((45 << 9) | (2 << 5) | 26);
      expect(view.getUint32(at + 14, true)).toBe(crc32(e.data));
      expect(view.getUint32(at + 22, true)).toBe(e.data.length);
      at += 30 + Buffer.byteLength(e.path) + view.getUint32(at + 18, true);
    }
    expect(view.getUint32(at, true)).toBe(0x02014b50);
  });

  it('gives the same bytes for the same entries', () => {
    expect(Buffer.from(zip(entries, new Date(Date.UTC(2025, 1, 26, 13, 45, 30)))).equals(Buffer.from(bytes))).toBe(true);
  });
});
