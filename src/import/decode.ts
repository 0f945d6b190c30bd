import { createRequire } from 'node:module';
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';

// Both are needed only for a file that is not UTF-8: loaded then (CommonJS, so synchronously),
// not with every process that imports this module.
const requireCjs = createRequire(import.meta.url);
let chardetModule: { detect: typeof Chardet.detect } | undefined;
let iconvModule: typeof Iconv | undefined;
const chardet = () => (chardetModule ??= requireCjs('chardet') as { detect: typeof Chardet.detect });
const iconv = () => (iconvModule ??= requireCjs('iconv-lite') as typeof Iconv);

/** The encodings an import file is read in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How to fix a file we cannot read: one sentence, used by the CLI and (translated) in chat. */
export const SAVE_AS_UTF8 = 'in Excel choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" and import that file';

/**
 * What chardet may call a file Excel saved as "CSV (Comma delimited)" on an Indonesian (Western)
 * Windows, whose code page is Windows-1252: with only a few accented letters among ASCII text,
 * chardet cannot tell the Latin-script single-byte code pages apart (a lone "ç" reads as
 * ISO-8859-2 as well), so any of them is read as Windows-1252. Cyrillic, Greek, Arabic, Hebrew
 * and the multi-byte Asian encodings are refused.
 */
const LATIN = /^(ISO-8859-(1|2|3|4|9|10|13|14|15|16)|windows-125[02478])$/;

/** Why a file is refused: not text at all (NUL bytes, broken sequences), or text in an encoding we do not convert. */
export type Refusal = { ok: false; reason: 'binary' | 'encoding'; error: string };
export type EncodingVerdict = { ok: true; encoding: CsvEncoding; bom: number } | Refusal;

const NOT_TEXT = `file: this is not a text file; ${SAVE_AS_UTF8}`;
const binary = (): Refusal => ({ ok: false, reason: 'binary', error: NOT_TEXT });
const notUtf8 = (): Refusal => ({ ok: false, reason: 'encoding', error: `file: the file is not valid UTF-8 text throughout; ${SAVE_AS_UTF8}` });

/** Share of bytes at even (or odd) offsets that are 0: UTF-16 text of mostly ASCII has half its bytes 0. */
function utf16WithoutBom(sample: Buffer): CsvEncoding | null {
  if (sample.length < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * The encoding of an import file from its first bytes (a sample, or the whole file): UTF-8 with
 * or without BOM; UTF-16 by its BOM or its zero bytes; otherwise what chardet finds, converted
 * when it is Windows-1252/Latin-1 (what older Excel saves as "CSV"), refused when it is anything
 * else, with how to save the file as CSV UTF-8. `bom` is the number of BOM bytes to skip.
 */
export function detectCsvEncoding(sample: Buffer): EncodingVerdict {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { ok: true, encoding: 'utf-8', bom: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { ok: true, encoding: 'utf-16le', bom: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { ok: true, encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { ok: true, encoding: utf16, bom: 0 };
  try {
    // stream: a character cut at the end of a sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    if (sample.includes(0)) return binary();
    return { ok: true, encoding: 'utf-8', bom: 0 };
  } catch {
    // not UTF-8: ask chardet
  }
  if (sample.includes(0)) return binary();
  const guess = chardet().detect(sample);
  if (guess && LATIN.test(guess)) return { ok: true, encoding: 'windows-1252', bom: 0 };
  return { ok: false, reason: 'encoding', error: `file: the file is not UTF-8 text${guess ? ` (it looks like ${guess})` : ''}; ${SAVE_AS_UTF8}` };
}

/** A file that stopped being valid in its encoding after the sample. */
export class CsvEncodingError extends Error {}

/**
 * Text chunks of a byte stream in `encoding` (from detectCsvEncoding; the BOM skipped). UTF-8 is
 * decoded strictly: a bad byte sequence later in the file throws CsvEncodingError.
 */
export async function* decodeChunks(bytes: AsyncIterable<Buffer>, v: { encoding: CsvEncoding; bom: number }): AsyncGenerator<string> {
  let skip = v.bom;
  if (v.encoding === 'utf-8') {
    const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      for await (const chunk of bytes) {
        const b = skip ? chunk.subarray(skip) : chunk;
        skip = Math.max(0, skip - chunk.length);
        const s = dec.decode(b, { stream: true });
        if (s.includes('\u0000')) throw new TypeError('NUL');
        if (s) yield s;
      }
      const last = dec.decode();
      if (last) yield last;
    } catch (e) {
      if (e instanceof TypeError) throw new CsvEncodingError(notUtf8().error);
      throw e;
    }
    return;
  }
  const dec = iconv().getDecoder(v.encoding === 'windows-1252' ? 'win1252' : v.encoding, { stripBOM: true });
  for await (const chunk of bytes) {
    const s = dec.write(skip ? chunk.subarray(skip) : chunk);
    skip = 0;
    if (s) yield s;
  }
  const last = dec.end();
  if (last) yield last;
}

/** The whole of a small file (a chat upload) as text, by the same rule as the CLI; or why not. */
export function decodeCsvBytes(bytes: Buffer): { ok: true; text: string; encoding: CsvEncoding } | Refusal {
  const v = detectCsvEncoding(bytes);
  if (!v.ok) return v;
  const body = bytes.subarray(v.bom);
  let text: string;
  if (v.encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return notUtf8();
    }
  } else {
    if (v.encoding !== 'windows-1252' && body.length % 2 !== 0) return binary();
    text = iconv().decode(body, v.encoding === 'windows-1252' ? 'win1252' : v.encoding, { stripBOM: true });
    // a cut UTF-16 sequence (an odd length, a lone surrogate): bytes that only looked like text
    if (text.includes('\uFFFD')) return binary();
  }
  if (text.includes('\u0000')) return binary();
  return { ok: true, text, encoding: v.encoding };
}

/** Bytes read to judge a file's encoding before it is streamed. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * A CSV file on disk as decoded text chunks (read as it is imported, never whole), by the rule of
 * detectCsvEncoding. A file that starts as plain ASCII/UTF-8 is checked to the end first (one quick
 * read), so a Latin-1 letter on row 900,000 is found before the import starts and decides the
 * encoding, not a failure half-way.
 */
export async function openCsvFile(file: string): Promise<{ ok: true; encoding: CsvEncoding; chunks: AsyncIterable<string> } | { ok: false; error: string }> {
  const { createReadStream } = await import('node:fs');
  const { open } = await import('node:fs/promises');
  const fh = await open(file, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  let v = detectCsvEncoding(sample);
  if (v.ok && v.encoding === 'utf-8' && v.bom === 0) {
    const dec = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of createReadStream(file, { highWaterMark: SAMPLE_BYTES }) as AsyncIterable<Buffer>) {
      try {
        dec.decode(chunk, { stream: true });
      } catch {
        v = detectCsvEncoding(chunk);
        if (v.ok && v.encoding === 'utf-8') v = notUtf8();
        break;
      }
    }
  }
  if (!v.ok) return v;
  const verdict = v;
  return {
    ok: true,
    encoding: verdict.encoding,
    chunks: decodeChunks(createReadStream(file, { highWaterMark: SAMPLE_BYTES }) as AsyncIterable<Buffer>, verdict),
  };
}
