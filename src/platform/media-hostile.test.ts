import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import sharp, { type Metadata } from 'sharp';
import {
  appendedJpeg,
  CANARY,
  hostilePdf,
  htmlInMp3,
  markerIn,
  motionPhoto,
  mp3Frames,
  picture,
  pixelBomb,
  pngProblem,
  svgPolyglot,
  taggedMp3,
  taggedPng,
  withSegments,
  xmpSegment,
} from '../../tests/support/hostile-files';
import { AppError } from './http/errors';
import { type Accept, type Cleaned, cleanFile, defaultMaxPixels } from './media';
import { jpeg as jpegStructure } from './media/image';

// Must-show 1 of issue 17, on the cleaning functions: every hostile file comes out with no metadata and no
// trailing bytes, or is refused with a 4xx and a stable code.

const accept: Accept = { maxPixels: defaultMaxPixels, documents: true };
const clean = (b: Buffer, more: Partial<Accept> = {}) => cleanFile(b, { ...accept, ...more });

async function refusal(b: Buffer, more: Partial<Accept> = {}): Promise<{ status: number; code: string }> {
  const err = await clean(b, more).then(
    () => assert.fail('the file was accepted'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof AppError, String(err));
  return { status: err.statusCode, code: err.code };
}

/** A picture that is only its picture: decodable, no EXIF/XMP/ICC/comments, ending at its EOI or IEND. */
async function assertBarePicture(out: Cleaned, format: 'jpeg' | 'png'): Promise<Metadata> {
  assert.equal(markerIn(out.data), undefined);
  if (format === 'jpeg')
    assert.deepEqual(
      jpegStructure(out.data),
      out.data,
      'the JPEG walk finds nothing to drop and nothing after the end',
    );
  else assert.equal(pngProblem(out.data), undefined);
  const meta = await sharp(out.data).metadata();
  assert.equal(meta.format, format);
  assert.deepEqual(
    [meta.exif, meta.xmp, meta.icc, meta.iptc, meta.comments],
    [undefined, undefined, undefined, undefined, undefined],
  );
  if (format === 'jpeg') assert.deepEqual(out.data.subarray(-2), Buffer.from([0xff, 0xd9]));
  return meta;
}

describe('hostile photos are re-encoded from their pixels', () => {
  it('drops a second JPEG with EXIF GPS appended after the first picture', async () => {
    const file = await appendedJpeg();
    assert.equal(markerIn(file), 'Exif', 'the fixture carries EXIF');
    const out = await clean(file);
    assert.deepEqual([out.kind, out.mime], ['photo', 'image/jpeg']);
    const meta = await assertBarePicture(out, 'jpeg');
    assert.deepEqual([meta.width, meta.height], [48, 32], 'the first picture is kept');
  });

  it('drops the MPF index, the XMP and the video of a motion photo', async () => {
    const file = await motionPhoto();
    assert.ok((await sharp(file).metadata()).exif, 'the fixture has EXIF a decoder reads');
    await assertBarePicture(await clean(file), 'jpeg');
  });

  it('drops XMP from a JPEG and eXIf, iTXt XMP, tEXt and trailing bytes from a PNG', async () => {
    await assertBarePicture(await clean(withSegments(await picture('jpeg'), xmpSegment())), 'jpeg');
    const png = await taggedPng();
    assert.ok((await sharp(png).metadata()).xmp, 'the fixture has XMP a decoder reads');
    const out = await clean(png);
    assert.equal(out.mime, 'image/png');
    await assertBarePicture(out, 'png');
  });

  it('turns the picture upright before the orientation tag goes', async () => {
    const tilted = await sharp(await picture('jpeg', 40, 20))
      .withMetadata({ orientation: 6 })
      .toBuffer();
    assert.equal((await sharp(tilted).metadata()).orientation, 6);
    const meta = await assertBarePicture(await clean(tilted), 'jpeg');
    assert.deepEqual([meta.width, meta.height, meta.orientation], [20, 40, undefined]);
  });

  it('refuses a pixel bomb before decoding it, and a picture over a lower configured limit', async () => {
    assert.deepEqual(await refusal(pixelBomb()), { status: 413, code: 'image_too_large' });
    const photo = await picture('png', 100, 100);
    assert.deepEqual(await refusal(photo, { maxPixels: 9_999 }), { status: 413, code: 'image_too_large' });
    assert.equal((await clean(photo, { maxPixels: 10_000 })).mime, 'image/png');
  });

  it('refuses a picture that does not decode', async () => {
    const jpeg = await picture('jpeg');
    assert.deepEqual(await refusal(jpeg.subarray(0, jpeg.length / 2)), { status: 400, code: 'file_damaged' });
  });
});

describe('hostile audio keeps only its frames', () => {
  it('cuts ID3v2 tags before, between and after the frames, the APE tag and the ID3v1', async () => {
    const file = taggedMp3();
    const out = await clean(file);
    assert.deepEqual([out.kind, out.mime], ['audio', 'audio/mpeg']);
    assert.equal(markerIn(out.data), undefined);
    assert.deepEqual(out.data, Buffer.concat(mp3Frames), 'the frames, end to end, and nothing after the last');
  });

  it('keeps the frames of an MP3 whose tag is a web page, and the result does not begin like one', async () => {
    const out = await clean(htmlInMp3(), { declared: 'audio/mpeg' });
    assert.equal(markerIn(out.data), undefined);
    assert.deepEqual(out.data.subarray(0, 2), Buffer.from([0xff, 0xfb]));
  });

  it('refuses HTML or SVG sent as audio, and a picture declared as audio', async () => {
    const page = Buffer.from(`<!doctype html><html><script>${CANARY}</script></html>`);
    assert.deepEqual(await refusal(page, { declared: 'audio/mpeg' }), { status: 400, code: 'file_type_not_allowed' });
    assert.deepEqual(await refusal(svgPolyglot(), { declared: 'audio/mpeg' }), {
      status: 400,
      code: 'file_type_not_allowed',
    });
    assert.deepEqual(await refusal(await picture('png'), { declared: 'audio/mpeg' }), {
      status: 400,
      code: 'file_type_mismatch',
    });
    assert.deepEqual(await refusal(taggedMp3(), { declared: 'image/svg+xml' }), {
      status: 400,
      code: 'file_type_not_allowed',
    });
    assert.deepEqual(await refusal(Buffer.concat([...mp3Frames, Buffer.from(`<html>${CANARY}`)])), {
      status: 400,
      code: 'file_damaged',
    });
  });
});

/** Every object of a PDF as text, streams inflated: what a reader could find in it. */
function pdfObjects(doc: PDFDocument): string {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, obj]) => {
      if (!(obj instanceof PDFRawStream)) return obj.toString();
      const flate = obj.dict.get(PDFName.of('Filter'))?.toString() === '/FlateDecode';
      return `${obj.dict.toString()}\n${(flate ? inflateSync(obj.contents) : Buffer.from(obj.contents)).toString('latin1')}`;
    })
    .join('\n');
}

describe('hostile PDFs are rewritten page by page', () => {
  it('drops JavaScript, actions, annotations, the form, attachments, XMP, the Info dictionary and EXIF', async () => {
    const file = await hostilePdf();
    for (const m of ['JavaScript', 'OpenAction', '/AA', '/URI', 'EmbeddedFile', '/Author', 'xmpmeta', 'Exif'])
      assert.ok(file.includes(m), `the fixture carries ${m}`);
    const out = await clean(file, { declared: 'application/pdf' });
    assert.deepEqual([out.kind, out.mime], ['document', 'application/pdf']);
    assert.equal(markerIn(out.data), undefined);
    const text = out.data.toString('latin1');
    assert.match(text, /%%EOF\n?$/, 'ends where the PDF ends');
    assert.equal(text.split('%%EOF').length, 2, 'one body, no incremental update, nothing after it');

    const doc = await PDFDocument.load(out.data, { updateMetadata: false });
    assert.equal(markerIn(Buffer.from(pdfObjects(doc), 'latin1')), undefined, 'nothing inside the streams either');
    assert.deepEqual(doc.catalog.keys().map(String).sort(), ['/Pages', '/Type']);
    assert.equal(doc.context.trailerInfo.Info, undefined, 'no Info dictionary');
    assert.equal(doc.getPageCount(), 1);
    const page = doc.getPage(0).node;
    assert.equal(page.get(PDFName.of('Annots')), undefined);
    assert.equal(page.get(PDFName.of('AA')), undefined);
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Image',
      );
    assert.equal(images.length, 1, 'the photo on the page is kept');
    assert.equal((await sharp(Buffer.from(images[0]!.contents)).metadata()).exif, undefined);
    const kept = doc.getPage(0).node.Resources();
    assert.ok(kept instanceof PDFDict && kept.get(PDFName.of('Font')), 'the page keeps its fonts');
    assert.ok(!(page.get(PDFName.of('Annots')) instanceof PDFArray));
    assert.ok(!(doc.catalog.get(PDFName.of('Metadata')) instanceof PDFStream));
  });

  it('refuses an encrypted PDF, a broken one, and a PDF where only photos and audio are taken', async () => {
    const encrypted = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
        '3 0 obj\n<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>\nendobj\n' +
        'trailer\n<< /Root 1 0 R /Encrypt 3 0 R >>\n%%EOF\n',
    );
    assert.deepEqual(await refusal(encrypted), { status: 400, code: 'pdf_encrypted' });
    assert.deepEqual(await refusal(Buffer.from('%PDF-1.7\n% nothing else\n')), { status: 400, code: 'file_damaged' });
    const pdf = await hostilePdf();
    assert.deepEqual(await refusal(pdf, { documents: false }), { status: 400, code: 'file_type_not_allowed' });
    assert.deepEqual(await refusal(pdf, { declared: 'image/jpeg' }), { status: 400, code: 'file_type_mismatch' });
  });
});
