import { readWilayah } from '../../../flows/recipient-fields.js';
import { formLines, missingField, readForm } from '../../../flows/recipient-form.js';

describe('the kelurahan line of the one-message recipient', () => {
  test('found by its name alone, in any spelling, with or without "Kel." and the kecamatan', () => {
    for (const line of [
      'Mekarjaya',
      'Kel. Mekar Jaya',
      'kelurahan mekarjaya, kecamatan sukmajaya',
      'Kel. Mekarjaya Kec. Sukmajaya',
      'Mekar Jaya / Sukmajaya',
    ]) {
      expect(readWilayah(line)).toEqual({ kind: 'found', kecamatan: 'Sukmajaya', kelurahan: 'Mekar Jaya' });
    }
    expect(readWilayah('Beji')).toEqual({ kind: 'found', kecamatan: 'Beji', kelurahan: 'Beji' });
  });

  test('a name of two kecamatan is ambiguous until the kecamatan is given; a kelurahan of another kecamatan is not taken', () => {
    expect(readWilayah('Curug')).toEqual({
      kind: 'ambiguous',
      options: [
        { kecamatan: 'Bojongsari', kelurahan: 'Curug' },
        { kecamatan: 'Cimanggis', kelurahan: 'Curug' },
      ],
    });
    expect(readWilayah('Kel. Curug, Kec. Cimanggis')).toEqual({ kind: 'found', kecamatan: 'Cimanggis', kelurahan: 'Curug' });
    expect(readWilayah('Kel. Tugu, Kec. Beji')).toEqual({ kind: 'kecamatan', kecamatan: 'Beji', kelurahan: 'Tugu' });
    expect(readWilayah('Kec. Cimanggis')).toEqual({ kind: 'kecamatan', kecamatan: 'Cimanggis' });
    expect(readWilayah('Menteng')).toEqual({ kind: 'unknown', typed: 'Menteng' });
  });
});

describe('the lines of the one-message recipient', () => {
  test('two lines or more are a form; labels people copy are dropped; the phone and the kelurahan are found where they are', () => {
    expect(formLines({ kind: 'text', text: 'Siti Aminah' })).toBeNull();
    const lines = formLines({ kind: 'text', text: 'Nama: Siti Aminah\n\nAlamat: Jl. Melati No. 5, RT 02\nNo HP: 0812 3456 7890\nKel. Beji Timur' })!;
    expect(lines).toEqual(['Siti Aminah', 'Jl. Melati No. 5, RT 02', '0812 3456 7890', 'Kel. Beji Timur']);
    const { draft, problems } = readForm(lines);
    expect(problems).toEqual([]);
    expect(draft).toEqual({ name: 'Siti Aminah', phone: '+6281234567890', address: 'Jl. Melati No. 5, RT 02', kecamatan: 'Beji', kelurahan: 'Beji Timur' });
    expect(missingField(draft)).toBeNull();
  });

  test('a refused line is left out with its reason; what is missing is asked in the steps’ order', () => {
    const { draft, problems } = readForm(['Siti Aminah', '0812 3456 7890', 'Jl. A', 'Kel. Menteng', 'x'.repeat(301)]);
    expect(draft).toEqual({ name: 'Siti Aminah', phone: '+6281234567890' });
    expect(problems.map((p) => [p.field, p.reason.key])).toEqual([
      ['address', 'recipient-bad-address'],
      ['kelurahan', 'recipient-form-kelurahan-unknown'],
      ['note', 'recipient-note-too-long'],
    ]);
    expect(missingField(draft, problems)).toBe('address');
    expect(missingField({ ...draft, address: 'Jl. Melati No. 5', kecamatan: 'Beji', kelurahan: 'Beji' }, problems)).toBe('note');
  });
});
