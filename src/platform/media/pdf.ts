import { inflateSync } from 'node:zlib';
import type { PDFDict, PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib';
import { Malformed, Unavailable } from './bytes';
import { jpeg } from './image';

// PDF: the pages are copied into a new document and nothing else is. The catalogue of the old one (OpenAction,
// Names with JavaScript and embedded files, AcroForm, Outlines with actions, XMP Metadata) and its Info dictionary
// (Author, Title, Creator, dates) stay behind; every page loses its annotations (links, form widgets, file
// attachments, and their authors), additional actions and metadata; images drawn on the pages lose their EXIF.

export class EncryptedPdf extends Error {}

type PdfLib = typeof import('pdf-lib');
let loaded: Promise<PdfLib> | undefined;

/** pdf-lib, loaded on the first PDF rather than at every start of the server or the CLI. */
function lib(): Promise<PdfLib> {
  loaded ??= import('pdf-lib').catch((err) => {
    loaded = undefined;
    throw new Unavailable('pdf-lib', { cause: err });
  });
  return loaded as Promise<PdfLib>;
}

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
];
/** Keys dropped from pages: annotations, article beads, web-capture ids, thumbnails, structure back-links. */
const pageOnly = ['Annots', 'B', 'ID', 'Thumb', 'StructParents', 'Tabs'];

/** Deletes the unsafe keys from a dictionary and from the dictionaries and arrays written inside it. */
function scrub(L: PdfLib, obj: unknown): void {
  const dict = obj instanceof L.PDFDict ? obj : obj instanceof L.PDFStream ? obj.dict : null;
  if (dict) {
    for (const k of unsafe) dict.delete(L.PDFName.of(k));
    for (const v of dict.values()) scrub(L, v);
  } else if (obj instanceof L.PDFArray) for (const v of obj.asArray()) scrub(L, v);
}

const filters = (L: PdfLib, d: PDFDict): string[] => {
  const f = d.get(L.PDFName.of('Filter'));
  if (f instanceof L.PDFName) return [f.decodeText()];
  if (f instanceof L.PDFArray) return f.asArray().map((x) => (x instanceof L.PDFName ? x.decodeText() : '?'));
  return [];
};

/** A JPEG drawn on a page is a whole JPEG file, EXIF and GPS included: it is stripped like an uploaded photo. */
function cleanImage(L: PdfLib, doc: PDFDocument, ref: PDFRef, s: PDFRawStream): void {
  const f = filters(L, s.dict);
  if (f.at(-1) !== 'DCTDecode') return;
  let data = Buffer.from(s.contents);
  if (f.length === 2 && f[0] === 'FlateDecode') data = inflateSync(data, { maxOutputLength: 64 * 1024 * 1024 });
  else if (f.length !== 1) throw new Malformed('unusual filters on a JPEG image');
  const clean = jpeg(data);
  const dict = s.dict.clone(doc.context);
  dict.set(L.PDFName.of('Filter'), L.PDFName.of('DCTDecode'));
  dict.delete(L.PDFName.of('DecodeParms'));
  dict.set(L.PDFName.of('Length'), L.PDFNumber.of(clean.length));
  doc.context.assign(ref, L.PDFRawStream.of(dict, clean));
}

/** Parses a PDF and writes its pages into a new one without scripts, actions, attachments or metadata. */
export async function pdf(b: Buffer): Promise<Buffer> {
  const L = await lib();
  let src: PDFDocument;
  try {
    // Loaded even when encrypted, to tell that case apart (pdf-lib's own error class does not survive instanceof).
    src = await L.PDFDocument.load(new Uint8Array(b), {
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
  for (const p of pages) for (const k of pageOnly) p.node.delete(L.PDFName.of(k));
  for (const [, obj] of src.context.enumerateIndirectObjects()) scrub(L, obj);
  const out = await L.PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  for (const [ref, obj] of out.context.enumerateIndirectObjects())
    if (obj instanceof L.PDFRawStream) cleanImage(L, out, ref, obj);
  return Buffer.from(await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}
