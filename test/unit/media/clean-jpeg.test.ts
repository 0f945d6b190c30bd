import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { cleanJpegSize, isCleanJpeg } from '../../../src/media/clean-jpeg.js';
import { createMediaStore } from '../../../src/media/media-store.js';

const base = () => sharp({ create: { width: 96, height: 64, channels: 3, background: '#3366aa' } });

/** A segment `FF <marker> <length> <payload>`. */
function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}
/** Inserts `seg` at byte `at` of `jpeg`. */
const insert = (jpeg: Buffer, at: number, seg: Buffer) => Buffer.concat([jpeg.subarray(0, at), seg, jpeg.subarray(at)]);
/** Offset of the n-th (0-based) start-of-scan marker. */
function sosAt(jpeg: Buffer, n: number): number {
  let from = 2;
  for (let k = 0; ; k++) {
    const i = jpeg.indexOf(Buffer.from([0xff, 0xda]), from);
    if (i < 0) throw new Error('no such scan');
    if (k === n) return i;
    from = i + 2;
  }
}

describe('isCleanJpeg: is there anything but pixels to remove?', () => {
  test('a plain baseline or progressive JPEG (what Telegram sends) is clean', async () => {
    expect(isCleanJpeg(await base().jpeg().toBuffer())).toBe(true);
    expect(isCleanJpeg(await base().jpeg({ progressive: true }).toBuffer())).toBe(true);
  });

  test('EXIF (GPS), ICC and XMP segments are not clean', async () => {
    const gps = await base()
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 24/1 0/1' } })
      .toBuffer();
    expect(isCleanJpeg(gps)).toBe(false);
    expect(isCleanJpeg(await base().jpeg().withIccProfile('srgb').toBuffer())).toBe(false);
    expect(isCleanJpeg(await base().jpeg().withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>').toBuffer())).toBe(false);
  });

  test('a comment, before the image or between the scans of a progressive JPEG, is not clean', async () => {
    const plain = await base().jpeg().toBuffer();
    const com = segment(0xfe, Buffer.from('Jl. Margonda Raya No. 100'));
    expect(isCleanJpeg(insert(plain, 2, com))).toBe(false);
    const progressive = await base().jpeg({ progressive: true }).toBuffer();
    expect(isCleanJpeg(insert(progressive, sosAt(progressive, 1), com))).toBe(false);
    expect(isCleanJpeg(insert(progressive, sosAt(progressive, 1), segment(0xe1, Buffer.from('Exif\0\0....'))))).toBe(false);
  });

  test('bytes after the image, a cut-off file and other formats are not clean', async () => {
    const plain = await base().jpeg().toBuffer();
    expect(isCleanJpeg(Buffer.concat([plain, Buffer.from('PK\u0003\u0004 hidden zip')]))).toBe(false);
    expect(isCleanJpeg(Buffer.concat([plain, Buffer.from([0xff, 0xd9])]))).toBe(false); // a second EOI
    expect(isCleanJpeg(plain.subarray(0, plain.length / 2))).toBe(false);
    expect(isCleanJpeg(await base().png().toBuffer())).toBe(false);
    expect(isCleanJpeg(Buffer.alloc(0))).toBe(false);
  });

  test('cleanJpegSize: the frame size of a clean JPEG, nothing for the rest', async () => {
    expect(cleanJpegSize(await base().jpeg().toBuffer())).toEqual({ width: 96, height: 64 });
    expect(cleanJpegSize(await base().jpeg({ progressive: true }).toBuffer())).toEqual({ width: 96, height: 64 });
    expect(cleanJpegSize(await base().jpeg().withIccProfile('srgb').toBuffer())).toBeNull();
    // A frame without a height (it would come later, in a DNL segment): not taken as it is.
    const plain = await base().jpeg().toBuffer();
    const sof = plain.indexOf(Buffer.from([0xff, 0xc0]));
    const noHeight = Buffer.from(plain);
    noHeight.writeUInt16BE(0, sof + 5);
    expect(cleanJpegSize(noHeight)).toBeNull();
    // Two frames in one file: not clean.
    expect(cleanJpegSize(insert(plain, sof, plain.subarray(sof, sof + 2 + plain.readUInt16BE(sof + 2))))).toBeNull();
  });

  test('any bytes at all: an answer, never an exception', async () => {
    const plain = await base().jpeg().toBuffer();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(plain.length), (junk, at) => {
        expect(typeof isCleanJpeg(Buffer.from(junk))).toBe('boolean');
        expect(typeof isCleanJpeg(insert(plain, at, Buffer.from(junk)))).toBe('boolean');
      }),
    );
  });
});

describe('the media store keeps a clean JPEG as received and re-encodes the rest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'umkm-clean-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('clean: the stored file is byte for byte the photo', async () => {
    const store = createMediaStore(dir);
    const photo = await base().jpeg({ quality: 70 }).toBuffer();
    const stored = await store.storeImage(photo, 'receipts');
    expect(stored.ok).toBe(true);
    expect((await readFile(path.join(dir, stored.ok ? stored.path : ''))).equals(photo)).toBe(true);
  });

  test('clean but wider than 2048 px: scaled down and re-encoded', async () => {
    const store = createMediaStore(dir);
    const wide = await sharp({ create: { width: 3000, height: 40, channels: 3, background: '#3366aa' } })
      .jpeg()
      .toBuffer();
    expect(isCleanJpeg(wide)).toBe(true);
    const stored = await store.storeImage(wide, 'receipts');
    expect(stored.ok).toBe(true);
    const meta = await sharp(await readFile(path.join(dir, stored.ok ? stored.path : ''))).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 27]);
  });

  test('a folder removed while running is made again', async () => {
    const store = createMediaStore(dir);
    expect((await store.storeImage(await base().jpeg({ quality: 60 }).toBuffer(), 'again')).ok).toBe(true);
    await rm(path.join(dir, 'again'), { recursive: true });
    const stored = await store.storeImage(await base().jpeg({ quality: 61 }).toBuffer(), 'again');
    expect(stored.ok).toBe(true);
    expect((await readFile(path.join(dir, stored.ok ? stored.path : ''))).length).toBeGreaterThan(0);
  });

  test('a comment with an address: re-encoded, the address is gone', async () => {
    const store = createMediaStore(dir);
    const photo = insert(await base().jpeg().toBuffer(), 2, segment(0xfe, Buffer.from('Jl. Margonda Raya No. 100')));
    const stored = await store.storeImage(photo, 'receipts');
    expect(stored.ok).toBe(true);
    const bytes = await readFile(path.join(dir, stored.ok ? stored.path : ''));
    expect(bytes.equals(photo)).toBe(false);
    expect(bytes.includes(Buffer.from('Margonda'))).toBe(false);
    expect((await sharp(bytes).metadata()).width).toBe(96);
  });
});
