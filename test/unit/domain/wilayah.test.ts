import { KECAMATAN, canonicalKecamatan, canonicalKelurahan, kelurahanOf } from '../../../src/domain/wilayah.js';

describe("Depok's kecamatan and kelurahan", () => {
  test('11 kecamatan and 63 kelurahan, each kelurahan in one kecamatan', () => {
    expect(KECAMATAN).toHaveLength(11);
    const all = KECAMATAN.flatMap((k) => kelurahanOf(k));
    expect(all).toHaveLength(63);
  });

  test.each([
    ['Pancoran Mas', 'Pancoran Mas'],
    [' pancoranmas ', 'Pancoran Mas'],
    ['Kec. Beji', 'Beji'],
    ['Kecamatan Cinere', 'Cinere'],
    ['KEC.SAWANGAN', 'Sawangan'],
  ])('kecamatan %j is %s', (input, canonical) => {
    expect(canonicalKecamatan(input)).toBe(canonical);
  });

  test.each(['Depok Lama', 'Kec.', '', 'Jakarta Selatan'])('%j is not a kecamatan of Depok', (input) => {
    expect(canonicalKecamatan(input)).toBeNull();
  });

  test('a kelurahan is found within its kecamatan only, with or without "Kel."', () => {
    expect(canonicalKelurahan('Beji', 'kel. kemiri  muka')).toBe('Kemiri Muka');
    expect(canonicalKelurahan('kec. beji', 'Kelurahan Beji Timur')).toBe('Beji Timur');
    expect(canonicalKelurahan('Cinere', 'Kemiri Muka')).toBeNull();
  });
});
