import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef, PDFStream } from 'pdf-lib';
import { Malformed } from './bytes';
import { jpeg } from './image';

// PDF: the pages are copied into a new document and nothing else is. The catalogue of the old one (OpenAction,
// Names with JavaScript and embedded files, AcroForm, Outlines with actions, XMP Metadata) and its Info dictionary
// (Author, Title, Creator, dates) stay behind; every page loses its annotations (links, form widgets, file
// attachments, and their authors), additional actions and metadata; images drawn on the pages lose their EXIF.

export class EncryptedPdf extends Error {}

/** Keys dropped from every dictionary the pages reach: actions, scripts, attachments, metadata. */
const unsafe = [
  'AA',
  'OpenAction',
  'JS',
  'JavaScript',
  'URI',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'Metadata',
  'PieceInfo',
  'LastModified',
].map((k) => PDFName.of(k));
/** Keys dropped from pages: annotations, article beads, web-capture ids, thumbnails, structure back-links. */
const pageOnly = ['Annots', 'B', 'ID', 'Thumb', 'StructParents', 'Tabs'].map((k) => PDFName.of(k));

/** Deletes the unsafe keys from a dictionary and from the dictionaries and arrays written inside it. */
function scrub(obj: unknown): void {
  const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
  if (dict) {
    for (const k of unsafe) dict.delete(k);
    for (const v of dict.values()) scrub(v);
  } else if (obj instanceof PDFArray) for (const v of obj.asArray()) scrub(v);
}

const filters = (d: PDFDict): string[] => {
  const f = d.get(PDFName.of('Filter'));
  if (f instanceof PDFName) return [f.decodeText()];
  if (f instanceof PDFArray) return f.asArray().map((x) => (x instanceof PDFName ? x.decodeText() : '?'));
  return [];
};

/** A JPEG drawn on a page is a whole JPEG file, EXIF and GPS included: it is stripped like an uploaded photo. */
function cleanImage(doc: PDFDocument, ref: PDFRef, s: PDFRawStream): void {
  const f = filters(s.dict);
  if (f.at(-1) !== 'DCTDecode') return;
  let data = Buffer.from(s.contents);
  if (f.length === 2 && f[0] === 'FlateDecode') data = inflateSync(data, { maxOutputLength: 64 * 1024 * 1024 });
  else if (f.length !== 1) throw new Malformed('unusual filters on a JPEG image');
  const clean = jpeg(data);
  const dict = s.dict.clone(doc.context);
  dict.set(PDFName.of('Filter'), PDFName.of('DCTDecode'));
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Length'), PDFNumber.of(clean.length));
  doc.context.assign(ref, PDFRawStream.of(dict, clean));
}

/** Parses a PDF and writes its pages into a new one without scripts, actions, attachments or metadata. */
export async function pdf(b: Buffer): Promise<Buffer> {
  let src: PDFDocument;
  try {
    // Loaded even when encrypted, to tell that case apart (pdf-lib's own error class does not survive instanceof).
    src = await PDFDocument.load(new Uint8Array(b), {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
  } catch {
    throw new Malformed('unreadable PDF');
  }
  if (src.isEncrypted) throw new EncryptedPdf();
  const pages = src.getPages();
  if (pages.length === 0) throw new Malformed('PDF without pages');
  // Keys are dropped before the copy, so what only they pointed to (XMP streams, attached files) is never copied.
  for (const p of pages) for (const k of pageOnly) p.node.delete(k);
  for (const [, obj] of src.context.enumerateIndirectObjects()) scrub(obj);
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  for (const [ref, obj] of out.context.enumerateIndirectObjects())
    if (obj instanceof PDFRawStream) cleanImage(out, ref, obj);
  return Buffer.from(await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}
