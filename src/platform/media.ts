// Strips metadata (EXIF/GPS, text chunks, ID3/APE tags, RIFF INFO, Ogg comments, MP4 udta/meta) from the few formats
// the report form and case attachments accept. Anything else is refused: a file we cannot clean is a file we do not
// keep. The cleaners live in ./media/, one file per family of formats.

import { ascii } from './media/bytes';
import { jpeg, png } from './media/image';
import { isobmff } from './media/isobmff';
import { looksMpeg, mpegAudio } from './media/mpeg';
import { ogg } from './media/ogg';
import { wav } from './media/wav';

export type Media = { kind: 'photo' | 'audio'; mime: string; data: Buffer };

/**
 * Recognises a file by its first bytes (never by its name) and returns it without metadata, or null when it is of
 * no accepted format, or truncated or malformed.
 */
export function cleanMedia(b: Buffer): Media | null {
  try {
    if (b[0] === 0xff && b[1] === 0xd8) return { kind: 'photo', mime: 'image/jpeg', data: jpeg(b) };
    if (ascii(b, 1, 3) === 'PNG') return { kind: 'photo', mime: 'image/png', data: png(b) };
    if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE')
      return { kind: 'audio', mime: 'audio/wav', data: wav(b) };
    if (ascii(b, 0, 4) === 'OggS') return { kind: 'audio', mime: 'audio/ogg', data: ogg(b) };
    if (ascii(b, 4, 4) === 'ftyp') return { kind: 'audio', ...isobmff(b) };
    // AMR has no metadata of its own: it is kept as it came.
    if (ascii(b, 0, 6) === '#!AMR\n') return { kind: 'audio', mime: 'audio/amr', data: b };
    if (ascii(b, 0, 9) === '#!AMR-WB\n') return { kind: 'audio', mime: 'audio/amr-wb', data: b };
    if (looksMpeg(b)) return { kind: 'audio', ...mpegAudio(b) };
  } catch {
    return null;
  }
  return null;
}
