// Hostile files for the media pipeline tests, all built here from nothing (no binary fixture): photos with GPS in
// EXIF, XMP and appended pictures, motion photos, MP3 with tags before, between and after its frames, a PDF with
// scripts, actions, attachments and an author, polyglots, and a pixel bomb. The CANARY text is written into every
// place that must not survive, so a scan of the stored bytes shows whether anything did.
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

export const CANARY = 'CANARY-zq7';

/** What must never be found in a stored file: metadata blocks, tag headers, script and action names, the canary. */
export const markers = [
  'Exif',
  'xmpmeta',
  'ns.adobe.com',
  'MPF\0',
  'ftypmp4',
  'ID3',
  'APETAGEX',
  'LYRICS',
  'JavaScript',
  '/JS',
  'OpenAction',
  '/AA',
  '/URI',
  '/Annots',
  'EmbeddedFile',
  '/Author',
  '/Metadata',
  '/AcroForm',
  '<script',
  '<svg',
  '<html',
  CANARY,
];

/** Every marker in latin1, UTF-8 and UTF-16BE, and the canary also as PDF hex text: the offending one, if any. */
export function markerIn(data: Buffer): string | undefined {
  const hex = Buffer.from(`\ufeff${CANARY}`, 'utf16le').swap16().toString('hex').toUpperCase();
  for (const m of markers) {
    const forms = [Buffer.from(m, 'latin1'), Buffer.from(m, 'utf16le').swap16()];
    if (forms.some((f) => data.indexOf(f) >= 0)) return m;
  }
  return data.toString('latin1').toUpperCase().includes(hex) ? 'canary as PDF hex text' : undefined;
}

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const segment = (marker: number, body: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);

/** A TIFF (EXIF) block: camera make and a GPS position, 1°40'30"S 78°38'45"W. */
export function exifWithGps(): Buffer {
  const b = Buffer.alloc(140 + CANARY.length + 1);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  b.writeUInt16LE(2, 8); // IFD0: Make, GPS pointer
  entry(10, 0x010f, 2, CANARY.length + 1, 140);
  entry(22, 0x8825, 4, 1, 38);
  b.writeUInt16LE(4, 38); // GPS IFD
  entry(40, 0x0001, 2, 2, 0x53); // 'S'
  entry(52, 0x0002, 5, 3, 92);
  entry(64, 0x0003, 2, 2, 0x57); // 'W'
  entry(76, 0x0004, 5, 3, 116);
  [1, 40, 30, 78, 38, 45].forEach((v, i) => {
    b.writeUInt32LE(v, 92 + i * 8);
    b.writeUInt32LE(1, 96 + i * 8);
  });
  b.write(CANARY, 140, 'latin1');
  return b;
}

export const xmp = () =>
  Buffer.from(
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
      `<rdf:Description exif:GPSLatitude="1,40.5S" dc:creator="${CANARY}"/></rdf:RDF></x:xmpmeta>`,
    'utf8',
  );

/** A real picture (decodable), `w`×`h`, with a gradient so that it is not one flat colour. */
export async function picture(format: 'jpeg' | 'png', w = 48, h = 32): Promise<Buffer> {
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 37) % 256;
  const s = sharp(raw, { raw: { width: w, height: h, channels: 3 } });
  return format === 'jpeg' ? s.jpeg().toBuffer() : s.png().toBuffer();
}

/** A JPEG with APP1 segments inserted right after its SOI. */
export const withSegments = (jpeg: Buffer, ...segments: Buffer[]) =>
  Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

export const exifSegment = () => segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps()]));
export const xmpSegment = () =>
  segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), xmp()]));

/** A clean first picture, then a second JPEG with EXIF GPS appended after its EOI (how multi-picture files end). */
export async function appendedJpeg(): Promise<Buffer> {
  return Buffer.concat([await picture('jpeg'), withSegments(await picture('jpeg', 16, 16), exifSegment())]);
}

/** A motion photo: an MPF index in APP2, XMP naming the video, and an MP4 after the picture's EOI. */
export async function motionPhoto(): Promise<Buffer> {
  const mpf = segment(0xe2, Buffer.concat([Buffer.from('MPF\0II*\0', 'latin1'), Buffer.alloc(24, 1)]));
  const video = Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42', 'latin1'), Buffer.alloc(12), Buffer.from(CANARY)]);
  return Buffer.concat([withSegments(await picture('jpeg'), mpf, xmpSegment(), exifSegment()), video]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** Chunks that only draw the picture: anything else in a stored PNG (text, eXIf, iCCP, tIME…) is metadata. */
const drawing = new Set(['IHDR', 'PLTE', 'tRNS', 'gAMA', 'sRGB', 'pHYs', 'IDAT', 'IEND']);

/** Whether a PNG holds only drawing chunks and ends with its IEND: the name of what is wrong, if anything. */
export function pngProblem(b: Buffer): string | undefined {
  let at = 8;
  while (at + 12 <= b.length) {
    const type = b.toString('latin1', at + 4, at + 8);
    if (!drawing.has(type)) return `chunk ${type}`;
    at += 12 + b.readUInt32BE(at);
    if (type === 'IEND') return at === b.length ? undefined : 'bytes after IEND';
  }
  return 'no IEND';
}

/** A PNG with eXIf (GPS), iTXt XMP and tEXt Author chunks after its header, and bytes after its IEND. */
export async function taggedPng(): Promise<Buffer> {
  const png = await picture('png');
  const afterHeader = 8 + 25; // signature, IHDR
  return Buffer.concat([
    png.subarray(0, afterHeader),
    pngChunk('eXIf', exifWithGps()),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), xmp()])),
    pngChunk('tEXt', Buffer.from(`Author\0${CANARY}`, 'latin1')),
    png.subarray(afterHeader),
    Buffer.from(`<html>${CANARY}</html>`),
  ]);
}

/** A valid 20000×20000 PNG (1-bit grey, about 50 KB): 400 million pixels, over a gigabyte once decoded. */
export function pixelBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr[8] = 1; // bit depth; colour type 0, compression, filter and interlace 0
  const rows = Buffer.alloc(20_000 * (1 + 2_500));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- MP3 ---

/** An MPEG-1 Layer III frame, 128 kbit/s at 44.1 kHz: 417 bytes. */
const frame = (i: number) => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(413, i)]);
export const mp3Frames = Array.from({ length: 6 }, (_, i) => frame(i + 1));

export function id3v2(text: string): Buffer {
  const body = Buffer.concat([Buffer.from('\0', 'latin1'), Buffer.from(text, 'latin1')]);
  const frameHead = Buffer.concat([Buffer.from('TPE1', 'latin1'), Buffer.alloc(4), Buffer.alloc(2)]);
  frameHead.writeUInt32BE(body.length, 4);
  const size = frameHead.length + body.length;
  const head = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([head, frameHead, body]);
}

export function apeTag(key: string, value: string): Buffer {
  const item = Buffer.concat([Buffer.alloc(8), Buffer.from(`${key}\0${value}`, 'latin1')]);
  item.writeUInt32LE(value.length, 0);
  const part = (header: boolean) => {
    const b = Buffer.alloc(32);
    b.write('APETAGEX', 0, 'latin1');
    b.writeUInt32LE(2000, 8);
    b.writeUInt32LE(item.length + 32, 12);
    b.writeUInt32LE(1, 16);
    b.writeUInt32LE((0x80000000 | (header ? 0x20000000 : 0)) >>> 0, 20);
    return b;
  };
  return Buffer.concat([part(true), item, part(false)]);
}

export const id3v1 = (title: string) => {
  const b = Buffer.alloc(128);
  b.write(`TAG${title}`, 0, 'latin1');
  return b;
};

/** ID3v2 in front, a second ID3v2 between frames and a third after them, an APE tag and an ID3v1 at the end. */
export const taggedMp3 = () =>
  Buffer.concat([
    id3v2(`${CANARY} artist`),
    ...mp3Frames.slice(0, 3),
    id3v2(`${CANARY} second tag`),
    ...mp3Frames.slice(3),
    id3v2(`${CANARY} appended`),
    apeTag('Artist', CANARY),
    id3v1(CANARY),
  ]);

/** An ID3 tag whose text is an HTML page, then real frames: a file a browser could take for a web page. */
export const htmlInMp3 = () => Buffer.concat([id3v2(`<html><script>alert("${CANARY}")</script></html>`), ...mp3Frames]);

export const svgPolyglot = () =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>${CANARY}</script></svg>`);

// --- PDF --- (pdf-lib reads a Uint8Array's whole ArrayBuffer: it is given copies, never a pooled Buffer)

/** A one-page PDF with an author, an XMP packet, JavaScript (open action, names tree, page action), a link with a
 * URI action, a form field, an attached file, a photo with EXIF GPS drawn on the page, and bytes after %%EOF. */
export async function hostilePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText('Acta de prueba', { x: 20, y: 150, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  page.drawImage(await doc.embedJpg(new Uint8Array(withSegments(await picture('jpeg'), exifSegment()))), {
    x: 20,
    y: 20,
  });
  doc.setAuthor(`${CANARY} Author`);
  doc.setTitle(`${CANARY} title`);
  const ctx = doc.context;
  const js = (code: string) => ctx.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(code) });
  doc.catalog.set(PDFName.of('OpenAction'), js(`app.alert("${CANARY}")`));
  doc.addJavaScript('start', `app.alert("${CANARY} names")`);
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(ctx.stream(xmp(), { Type: 'Metadata', Subtype: 'XML' })));
  page.node.set(PDFName.of('AA'), ctx.obj({ O: js('app.launchURL("https://example.org/")') }));
  const link = ctx.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [0, 0, 100, 20],
    T: PDFHexString.fromText(`${CANARY} Author`),
    A: { S: 'URI', URI: PDFString.of(`https://example.org/${CANARY}`) },
  });
  page.node.addAnnot(ctx.register(link));
  doc.getForm().createTextField('nombre').addToPage(page, { x: 150, y: 20, width: 100, height: 20 });
  await doc.attach(new TextEncoder().encode(`${CANARY} attached`), 'secreto.txt', { mimeType: 'text/plain' });
  const bytes = await doc.save({ useObjectStreams: false });
  return Buffer.concat([Buffer.from(bytes), Buffer.from(`\n<script>${CANARY}</script>\n`)]);
}
