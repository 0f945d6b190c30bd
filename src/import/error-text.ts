import type { Msg } from '../i18n/message.js';

/**
 * The import's problems are English lines `line N: field: reason` (the CLI prints them as they
 * are; tests and the README rely on them). In chat they are shown in the admin's language: each
 * known reason maps to a Fluent message, its values passed as arguments. A reason not listed
 * here (a csv-parse message, say) is shown in English, after the localised line and column.
 */
const REASONS: { re: RegExp; key: string; args?: string[] }[] = [
  { re: /^is required$/, key: 'imp-err-required' },
  { re: /^must be at most (\d+) characters$/, key: 'imp-err-max-chars', args: ['max'] },
  { re: /^must be at least (\d+) characters$/, key: 'imp-err-min-chars', args: ['min'] },
  { re: /^must be 1-32 letters, digits, - or _$/, key: 'imp-err-id' },
  { re: /^must contain a letter or digit$/, key: 'imp-err-letter-or-digit' },
  { re: /^is not a valid phone number$/, key: 'imp-err-phone' },
  { re: /^same as line (\d+)$/, key: 'imp-err-duplicate', args: ['line'] },
  { re: /^must contain digits only$/, key: 'imp-err-nip-digits' },
  { re: /^must be 18 digits, got (\d+)$/, key: 'imp-err-nip-length', args: ['got'] },
  { re: /^birth date (\d+) is not a real date$/, key: 'imp-err-nip-birth-date', args: ['value'] },
  { re: /^birth date (\d+) must have a year from (\d+) to (\d+)$/, key: 'imp-err-nip-birth-year', args: ['value', 'from', 'to'] },
  { re: /^appointment (\d+) is not a real month$/, key: 'imp-err-nip-appointment-month', args: ['value'] },
  { re: /^appointment (\d+) must have a year from (\d+) to (\d+)$/, key: 'imp-err-nip-appointment-year', args: ['value', 'from', 'to'] },
  { re: /^gender (\S*) must be 1 or 2$/, key: 'imp-err-nip-gender', args: ['value'] },
  { re: /^must be asn, admin or koordinator$/, key: 'imp-err-role' },
  { re: /^only a koordinator has a scope \(leave scope_type and scope empty\)$/, key: 'imp-err-scope-not-koordinator' },
  { re: /^is required for a koordinator: opd, kecamatan or kelurahan$/, key: 'imp-err-scope-type-required' },
  { re: /^must be opd, kecamatan or kelurahan \(not (.*)\)$/, key: 'imp-err-scope-type', args: ['value'] },
  { re: /^is required for a koordinator$/, key: 'imp-err-scope-required' },
  { re: /^(.*) is not an OPD on the roster$/, key: 'imp-err-scope-opd', args: ['value'] },
  { re: /^(.*) is a kelurahan of (.*): write kecamatan\/kelurahan$/, key: 'imp-err-kelurahan-ambiguous', args: ['value', 'kecamatan'] },
  { re: /^(.*) is not a kecamatan\/kelurahan of Depok$/, key: 'imp-err-kec-kel', args: ['value'] },
  { re: /^(.*) is not a kelurahan of Depok$/, key: 'imp-err-kelurahan-depok', args: ['value'] },
  { re: /^already used by NIP (\d+) in the roster$/, key: 'imp-err-phone-taken', args: ['nip'] },
  { re: /^must be kuliner, fashion or kriya$/, key: 'imp-err-category' },
  { re: /^must be opd:<OPD>, kecamatan:<name> or koperasi:<name> \(not (.*)\)$/, key: 'imp-err-binaan', args: ['value'] },
  { re: /^(.*) is not a kecamatan of Depok$/, key: 'imp-err-kecamatan', args: ['value'] },
  { re: /^(.*) is not a kelurahan of (.*)$/, key: 'imp-err-kelurahan', args: ['value', 'kecamatan'] },
  { re: /^(.*) must be whole Rupiah, digits only or with dots like 25\.000$/, key: 'imp-err-price-format', args: ['value'] },
  { re: /^(.*) must be from 1 to (\S+)$/, key: 'imp-err-price-range', args: ['value', 'max'] },
  { re: /^(.*) must be ya, tidak, true, false, yes, no, 1 or 0$/, key: 'imp-err-available', args: ['value'] },
  { re: /^must be empty, an https URL, or a relative \.jpg\/\.png\/\.webp path$/, key: 'imp-err-photo' },
  { re: /^(.+) is not a file under MEDIA_DIR$/, key: 'imp-err-photo-missing', args: ['value'] },
  { re: /^(.+) leads outside MEDIA_DIR$/, key: 'imp-err-photo-outside', args: ['value'] },
  { re: /^must be an https URL without a user name or password$/, key: 'imp-err-photo-url' },
  { re: /^(.+) is not a public address$/, key: 'imp-err-photo-private', args: ['value'] },
  { re: /^could not be downloaded \((.+)\)$/, key: 'imp-err-photo-download', args: ['why'] },
  { re: /^is not an image$/, key: 'imp-err-photo-not-image' },
  { re: /^is larger than (\d+) MB$/, key: 'imp-err-photo-too-large', args: ['max'] },
  { re: /^is more than (\d+) megapixels$/, key: 'imp-err-photo-pixels', args: ['max'] },
  { re: /^UMKM (\S+) does not exist \(import umkm first\)$/, key: 'imp-err-umkm-missing', args: ['id'] },
  { re: /^missing column (\S+)$/, key: 'imp-err-missing-column', args: ['column'] },
  { re: /^unknown column #(\d+) \(empty\)$/, key: 'imp-err-empty-column', args: ['n'] },
  { re: /^unknown column (.+)$/, key: 'imp-err-unknown-column', args: ['column'] },
  { re: /^column (\S+) appears twice$/, key: 'imp-err-column-twice', args: ['column'] },
  { re: /^the file is empty$/, key: 'imp-err-file-empty' },
  { re: /^no data rows after the header$/, key: 'imp-err-no-rows' },
  { re: /^has (\d+) fields, expected (\d+)$/, key: 'imp-err-field-count', args: ['got', 'expected'] },
  // payment columns (issue 12)
  { re: /^is required with an account number$/, key: 'imp-err-pay-bank-required' },
  { re: /^(.*) is not a known bank; nearest: (.*)$/, key: 'imp-err-pay-bank-unknown', args: ['value', 'nearest'] },
  { re: /^is required with a bank$/, key: 'imp-err-pay-number-required' },
  { re: /^must be 6-20 digits$/, key: 'imp-err-pay-number' },
  { re: /^is required with an account \(the holder as the bank knows them\)$/, key: 'imp-err-pay-holder-required' },
  { re: /^must be a provider and a phone number, e\.g\. GoPay 081234567890$/, key: 'imp-err-pay-ewallet-format' },
  { re: /^(.*) is not an e-wallet of the list \(GoPay, OVO, DANA, ShopeePay, LinkAja\)$/, key: 'imp-err-pay-ewallet-provider', args: ['value'] },
  { re: /^the number is not a valid phone number$/, key: 'imp-err-pay-ewallet-number' },
  { re: /^no MEDIA_DIR to read the image from$/, key: 'imp-err-pay-qris-no-media' },
  { re: /^(the image has no readable QR code|the file is not an image|.*QRIS.*)$/, key: 'imp-err-pay-qris-invalid', args: ['reason'] },
];

/** Why an image is not a QRIS, in the import's English (`line N: qris: <this>`). */
export function qrisRefusalText(reason: string): string {
  switch (reason) {
    case 'not-image':
      return 'the file is not an image';
    case 'no-qr':
      return 'the image has no readable QR code';
    case 'not-emv':
      return 'the QR code is not a QRIS (it does not start with 000201)';
    case 'bad-crc':
      return 'the QRIS checksum (tag 63) is wrong: the code is damaged or altered';
    case 'no-crc':
      return 'the QRIS has no checksum (tag 63)';
    case 'no-merchant':
      return 'the QRIS names no merchant (tag 59)';
    default:
      return 'the QR code is not a valid QRIS (its fields do not read)';
  }
}

/** The English placeholder some reasons use for an empty cell. */
const EMPTY = '(empty)';

/** The Fluent message of one reason (values as arguments), or null when the reason is not known. */
export function reasonMsg(reason: string): Msg | null {
  for (const { re, key, args } of REASONS) {
    const m = re.exec(reason);
    if (!m) continue;
    return { key, args: Object.fromEntries((args ?? []).map((name, i) => [name, m[i + 1] ?? ''])) };
  }
  return null;
}

/** Every message id the table uses (for the locale completeness test). */
export const REASON_KEYS: readonly string[] = REASONS.map((r) => r.key);

/** What an error line may be about besides a column: the line says what (`imp-err-at-<what>`). */
export const NOT_COLUMNS = ['csv', 'header', 'file', 'row'] as const;

/**
 * `line 3: nip: must be 18 digits, got 3` in the admin's language, e.g. `baris 3, kolom nip: harus
 * 18 digit, tertulis 3`. A line of another shape is returned as it is.
 */
export function localizeImportError(line: string, t: (key: string, args?: Msg['args']) => string): string {
  const m = /^line (\d+): ([^:]+): ([\s\S]*)$/.exec(line);
  if (!m) return line;
  const [, n, field, reason] = m as unknown as [string, string, string, string];
  const known = reasonMsg(reason);
  const args = known ? Object.fromEntries(Object.entries(known.args ?? {}).map(([k, v]) => [k, v === EMPTY ? t('imp-err-empty') : v])) : {};
  const text = known ? t(known.key, args) : reason;
  const where = (NOT_COLUMNS as readonly string[]).includes(field) ? t(`imp-err-at-${field}`, { line: n }) : t('imp-err-at-column', { line: n, column: field });
  return t('imp-err-line', { where, reason: text });
}
