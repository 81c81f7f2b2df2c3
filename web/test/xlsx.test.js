// The client-side XLSX writer: CRC-32, ZIP layout, sheet XML.
import { describe, expect, it } from 'vitest';

import { buildXlsx, columnName, crc32, sheetXml, zipStored } from '../src/xlsx.js';

const enc = new TextEncoder();
const u32 = (b, at) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
const u16 = (b, at) => new DataView(b.buffer, b.byteOffset).getUint16(at, true);

describe('xlsx', () => {
  it('computes CRC-32 like zlib', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926); // the standard check value
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('lays out a stored ZIP: local header, data, central directory, end record', () => {
    const zip = zipStored([{ name: 'a.txt', data: enc.encode('hello') }]);
    expect(u32(zip, 0)).toBe(0x04034b50);
    expect(u32(zip, 14)).toBe(crc32(enc.encode('hello')));
    expect(u32(zip, 18)).toBe(5);
    expect(new TextDecoder().decode(zip.slice(30, 35))).toBe('a.txt');
    expect(new TextDecoder().decode(zip.slice(35, 40))).toBe('hello');
    expect(u32(zip, 40)).toBe(0x02014b50); // central directory right after
    const end = zip.length - 22;
    expect(u32(zip, end)).toBe(0x06054b50);
    expect(u16(zip, end + 10)).toBe(1); // entries
    expect(u32(zip, end + 16)).toBe(40); // central directory offset
    expect(u32(zip, end + 12)).toBe(46 + 5); // its size
  });

  it('names columns A..Z, AA..', () => {
    expect(columnName(0)).toBe('A');
    expect(columnName(25)).toBe('Z');
    expect(columnName(26)).toBe('AA');
    expect(columnName(701)).toBe('ZZ');
    expect(columnName(702)).toBe('AAA');
  });

  it('writes numbers as numbers and text escaped', () => {
    const xml = sheetXml(['month', 'savings'], [['2025-01', '12.34'], ['a<b & "c"', 5], [null, -1.5]]);
    expect(xml).toContain('<c r="B2"><v>12.34</v></c>');
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">2025-01</t></is></c>');
    expect(xml).toContain('a&lt;b &amp; &quot;c&quot;');
    expect(xml).toContain('<c r="B3"><v>5</v></c>');
    expect(xml).toContain('<row r="4"><c r="B4"><v>-1.5</v></c></row>');
  });

  it('packs the five parts of a workbook', () => {
    const zip = buildXlsx(['a'], [[1]]);
    const text = new TextDecoder().decode(zip);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml']) {
      expect(text).toContain(part);
    }
    const end = zip.length - 22;
    expect(u16(zip, end + 10)).toBe(5);
  });
});
