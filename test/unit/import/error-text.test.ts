import { createI18n } from '../../../src/i18n/index.js';
import { localizeImportError, REASON_KEYS } from '../../../src/import/error-text.js';

const i18n = createI18n();
const id = (line: string) => localizeImportError(line, (k, a) => i18n.t('id', k, a));
const en = (line: string) => localizeImportError(line, (k, a) => i18n.t('en', k, a));

test('every reason of the table has a message in both languages', () => {
  for (const key of [
    ...REASON_KEYS,
    'imp-err-line',
    'imp-err-at-column',
    'imp-err-at-header',
    'imp-err-at-file',
    'imp-err-at-row',
    'imp-err-at-csv',
    'imp-err-empty',
  ]) {
    expect([key, i18n.has('id', key), i18n.has('en', key)]).toEqual([key, true, true]);
  }
});

test("the runner's lines in Indonesian: line and column, the reason with its values", () => {
  expect(id('line 3: nip: must be 18 digits, got 3')).toBe('baris 3, kolom nip: harus 18 digit, tertulis 3 digit');
  expect(id('line 4: nip: gender 3 must be 1 or 2')).toBe('baris 4, kolom nip: digit jenis kelamin 3 harus 1 atau 2');
  expect(id('line 5: nip: birth date 19701301 is not a real date')).toBe('baris 5, kolom nip: tanggal lahir 19701301 bukan tanggal yang ada');
  expect(id('line 2: kecamatan: (empty) is not a kecamatan of Depok')).toBe('baris 2, kolom kecamatan: (kosong) bukan kecamatan di Kota Depok');
  expect(id('line 2: name: must be at most 100 characters')).toBe('baris 2, kolom name: maksimal 100 karakter');
  expect(id('line 7: phone: already used by NIP 197001011993012001 in the roster')).toBe(
    'baris 7, kolom phone: sudah dipakai NIP 197001011993012001 di daftar ASN',
  );
  expect(id('line 1: header: unknown column #3 (empty)')).toBe('baris 1, judul kolom: kolom ke-3 tidak bernama');
  expect(id('line 1: header: column nip appears twice')).toBe('baris 1, judul kolom: kolom nip muncul dua kali');
  expect(id('line 1: header: the file is empty')).toBe('baris 1, judul kolom: berkasnya kosong');
  expect(id('line 2: file: no data rows after the header')).toBe('baris 2, berkas: tidak ada baris data setelah baris judul');
  expect(id('line 3: unit: must contain a letter or digit')).toBe('baris 3, kolom unit: harus berisi minimal satu huruf atau angka');
});

test('an unknown reason stays in English after the localised place; English reads as the CLI', () => {
  expect(id('line 2: nip: Invalid input: expected string')).toBe('baris 2, kolom nip: Invalid input: expected string');
  expect(id('something else')).toBe('something else');
  for (const line of [
    'line 3: nip: must be 18 digits, got 3',
    'line 2: price: 15rb must be whole Rupiah, digits only or with dots like 25.000',
    'line 2: kecamatan: (empty) is not a kecamatan of Depok',
    'line 1: header: missing column nip',
    'line 4: row: has 3 fields, expected 8',
    'line 2: photo: must be empty, an https URL, or a relative .jpg/.png/.webp path',
    'line 3: unit: must contain a letter or digit',
  ])
    expect(en(line)).toBe(line);
});
