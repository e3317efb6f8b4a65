// The one pipeline every stored file goes through (case files, plan evidence, anonymous report attachments, the
// report webhook): recognised by its first bytes (never by its name), checked against the type it was sent as, and
// rebuilt rather than patched: photos are re-encoded from their pixels, audio is re-written from its frames or
// packets without tags, PDFs are re-written page by page without scripts, actions, attachments or metadata.
// Anything else is refused: a file we cannot clean is a file we do not keep. The cleaners live in ./media/.

import { AppError } from './http/errors';
import { amr } from './media/amr';
import { ascii, Unavailable } from './media/bytes';
import { isobmff } from './media/isobmff';
import { looksMpeg, mpegAudio } from './media/mpeg';
import { ogg } from './media/ogg';
import { EncryptedPdf, pdf } from './media/pdf';
import { rebuildImage, TooManyPixels } from './media/raster';
import { wav } from './media/wav';

type Kind = 'photo' | 'audio' | 'document';
export type Cleaned = { kind: Kind; mime: string; data: Buffer };
export type Media = { kind: 'photo' | 'audio'; mime: string; data: Buffer };

/** What a caller accepts: the pixel limit, whether PDFs are welcome, and the type the sender declared. */
export type Accept = { maxPixels: number; documents?: boolean; declared?: string };

/** 50 million pixels: the largest photos of today's phone cameras, about 150 MB once decoded. */
export const defaultMaxPixels = 50_000_000;

type Format = 'jpeg' | 'png' | 'wav' | 'ogg' | 'mp4' | 'amr' | 'mpeg' | 'pdf';

function sniff(b: Buffer): Format | null {
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE') return 'wav';
  if (ascii(b, 0, 4) === 'OggS') return 'ogg';
  if (ascii(b, 4, 4) === 'ftyp') return 'mp4';
  if (ascii(b, 0, 5) === '#!AMR') return 'amr';
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (looksMpeg(b)) return 'mpeg';
  return null;
}

const kindOf: Record<Format, Kind> = {
  jpeg: 'photo',
  png: 'photo',
  wav: 'audio',
  ogg: 'audio',
  mp4: 'audio',
  amr: 'audio',
  mpeg: 'audio',
  pdf: 'document',
};

/** The kind a declared MIME type promises; 'any' when the sender did not say; null for a type never accepted. */
function declaredKind(mime: string | undefined): Kind | 'any' | null {
  const m = (mime ?? '').split(';')[0]!.trim().toLowerCase();
  if (!m || m === 'application/octet-stream' || m === 'binary/octet-stream') return 'any';
  if (m === 'image/jpeg' || m === 'image/jpg' || m === 'image/pjpeg' || m === 'image/png') return 'photo';
  // Phones label voice recordings video/3gpp, video/mp4 or video/ogg; only audio tracks are accepted anyway.
  if (/^(audio|video)\//.test(m) || m === 'application/ogg') return 'audio';
  if (m === 'application/pdf' || m === 'application/x-pdf') return 'document';
  return null;
}

async function rebuild(format: Format, b: Buffer, maxPixels: number): Promise<Cleaned> {
  switch (format) {
    case 'jpeg':
    case 'png':
      return { kind: 'photo', mime: `image/${format}`, data: await rebuildImage(b, format, maxPixels) };
    case 'wav':
      return { kind: 'audio', mime: 'audio/wav', data: wav(b) };
    case 'ogg':
      return { kind: 'audio', mime: 'audio/ogg', data: ogg(b) };
    case 'mp4':
      return { kind: 'audio', ...isobmff(b) };
    case 'amr':
      return { kind: 'audio', ...amr(b) };
    case 'mpeg':
      return { kind: 'audio', ...mpegAudio(b) };
    case 'pdf':
      return { kind: 'document', mime: 'application/pdf', data: await pdf(b) };
  }
}

/**
 * Returns the file rebuilt without metadata or trailing bytes, or throws a 4xx AppError: file_type_not_allowed
 * (no accepted format), file_type_mismatch (not what it was declared as), file_damaged (does not parse as its
 * format), image_too_large (over the pixel limit, refused before decoding) or pdf_encrypted.
 */
export async function cleanFile(b: Buffer, accept: Accept): Promise<Cleaned> {
  const format = sniff(b);
  const declared = declaredKind(accept.declared);
  if (!format || (format === 'pdf' && !accept.documents) || declared === null)
    throw new AppError(400, 'file_type_not_allowed');
  if (declared !== 'any' && declared !== kindOf[format]) throw new AppError(400, 'file_type_mismatch');
  try {
    return await rebuild(format, b, accept.maxPixels);
  } catch (err) {
    if (err instanceof Unavailable) throw err;
    if (err instanceof TooManyPixels)
      throw new AppError(413, 'image_too_large', { max: Math.floor(accept.maxPixels / 1_000_000) });
    if (err instanceof EncryptedPdf) throw new AppError(400, 'pdf_encrypted');
    // Malformed, and any RangeError of a length pointing past the end: the file is not what its first bytes say.
    throw new AppError(400, 'file_damaged');
  }
}

/** A photo or audio file rebuilt like cleanFile does, or null when it would be refused (PDFs are refused). */
export async function cleanMedia(b: Buffer, accept?: Partial<Accept>): Promise<Media | null> {
  try {
    return (await cleanFile(b, { maxPixels: defaultMaxPixels, ...accept, documents: false })) as Media;
  } catch {
    return null;
  }
}
