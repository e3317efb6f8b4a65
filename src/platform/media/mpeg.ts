import { ascii, need, syncsafe } from './bytes';

// MP3 and raw ADTS AAC share their tags: ID3v2 in front (often several chained), and at the end any mix of APEv2,
// appended ID3v2, Lyrics3 and ID3v1, and a tag may even sit between frames. All are cut out; what is written is the
// audio frames and nothing else.

/** An MPEG-1/2/2.5 audio frame header (layer bits 01–11; 00 is ADTS). */
function mpegFrame(b: Buffer, at: number): boolean {
  if (at + 4 > b.length || b[at] !== 0xff) return false;
  const b1 = b[at + 1]!;
  const b2 = b[at + 2]!;
  return (
    (b1 & 0xe0) === 0xe0 && ((b1 >> 3) & 3) !== 1 && ((b1 >> 1) & 3) !== 0 && b2 >> 4 !== 15 && ((b2 >> 2) & 3) !== 3
  );
}

/** An ADTS header: 12-bit sync, then MPEG version, layer 00, protection_absent. */
function adtsFrame(b: Buffer, at: number): boolean {
  return at + 7 <= b.length && b[at] === 0xff && (b[at + 1]! & 0xf6) === 0xf0 && ((b[at + 2]! >> 2) & 0xf) < 13;
}

/** Does the file begin like an MP3 or ADTS stream, with or without tags in front? */
export const looksMpeg = (b: Buffer): boolean =>
  ascii(b, 0, 3) === 'ID3' || ascii(b, 0, 8) === 'APETAGEX' || adtsFrame(b, 0) || mpegFrame(b, 0);

/** The length of the ID3v2 or APEv2 tag (with header) at `at`, or 0 when none starts there. */
function tagAt(b: Buffer, at: number): number {
  if (ascii(b, at, 3) === 'ID3') {
    need(at + 10 <= b.length && b[at + 3]! < 0xff && b.subarray(at + 6, at + 10).every((x) => x < 0x80), 'ID3v2');
    const footer = (b[at + 5]! & 0x10) !== 0;
    return 10 + syncsafe(b, at + 6) + (footer ? 10 : 0);
  }
  if (ascii(b, at, 8) === 'APETAGEX') {
    need(at + 32 <= b.length, 'truncated APE tag');
    return 32 + b.readUInt32LE(at + 12); // the size counts the items and the footer, not this header
  }
  return 0;
}

function leadingTags(b: Buffer): number {
  let at = 0;
  for (let size = tagAt(b, at); size > 0; size = tagAt(b, at)) {
    at += size;
    need(at <= b.length, 'truncated tag');
  }
  return at;
}

function trailingTags(b: Buffer, start: number): number {
  let end = b.length;
  for (;;) {
    const room = end - start;
    let size = 0;
    if (room > 128 && ascii(b, end - 128, 3) === 'TAG') {
      size = 128;
      if (room > 128 + 227 && ascii(b, end - 128 - 227, 4) === 'TAG+') size += 227;
    } else if (room >= 32 && ascii(b, end - 32, 8) === 'APETAGEX') {
      const withHeader = (b.readUInt32LE(end - 12) & 0x80000000) !== 0;
      size = b.readUInt32LE(end - 20) + (withHeader ? 32 : 0);
      need(size >= 32, 'APE tag');
    } else if (room >= 20 && ascii(b, end - 10, 3) === '3DI') {
      size = 20 + syncsafe(b, end - 4);
      need(size <= room && ascii(b, end - size, 3) === 'ID3', 'appended ID3v2');
    } else if (room >= 26 && ascii(b, end - 9, 9) === 'LYRICS200') {
      const digits = ascii(b, end - 15, 6);
      need(/^\d{6}$/.test(digits), 'Lyrics3v2');
      size = Number(digits) + 15;
      need(size <= room && ascii(b, end - size, 11) === 'LYRICSBEGIN', 'Lyrics3v2');
    } else if (room >= 20 && ascii(b, end - 9, 9) === 'LYRICSEND') {
      const begin = b.lastIndexOf('LYRICSBEGIN', end - 9, 'latin1');
      need(begin >= start && end - begin <= 5100 + 20, 'Lyrics3');
      size = end - begin;
    } else return end;
    need(size <= room, 'tag larger than the file');
    end -= size;
  }
}

const kbps = {
  v1l1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const sampleRates = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** The length of the MPEG audio frame at `at` (free-format frames, of no stated bitrate, are refused). */
function mpegFrameLength(b: Buffer, at: number): number {
  const version = (b[at + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = 4 - ((b[at + 1]! >> 1) & 3);
  const index = b[at + 2]! >> 4;
  const rate = sampleRates[version as 0 | 2 | 3][(b[at + 2]! >> 2) & 3]!;
  const pad = (b[at + 2]! >> 1) & 1;
  const v1 = version === 3;
  const table = layer === 1 ? (v1 ? kbps.v1l1 : kbps.v2l1) : v1 ? (layer === 2 ? kbps.v1l2 : kbps.v1l3) : kbps.v2l23;
  const bitrate = table[index]! * 1000;
  need(bitrate > 0, 'free-format MP3');
  if (layer === 1) return (Math.floor((12 * bitrate) / rate) + pad) * 4;
  return Math.floor(((layer === 3 && !v1 ? 72 : 144) * bitrate) / rate) + pad;
}

/**
 * Neither format has metadata of its own: what is left between the tags must be whole frames, end to end. Tags
 * found between frames (a second ID3v2 or an APE tag in the middle) are cut out; only the frames are written.
 */
function frames(b: Buffer, start: number, end: number, adts: boolean): Buffer {
  const kept: Buffer[] = [];
  let i = start;
  while (i < end) {
    const tag = tagAt(b, i);
    if (tag > 0) {
      need(i + tag <= end, 'truncated tag between frames');
      i += tag;
      continue;
    }
    let len: number;
    if (adts) {
      need(adtsFrame(b, i) && i + 7 <= end, 'ADTS frame expected');
      len = ((b[i + 3]! & 3) << 11) | (b[i + 4]! << 3) | (b[i + 5]! >> 5);
      need(len >= (b[i + 1]! & 1 ? 7 : 9), 'ADTS frame length');
    } else {
      need(mpegFrame(b, i) && i + 4 <= end, 'MPEG audio frame expected');
      len = mpegFrameLength(b, i);
    }
    need(i + len <= end, 'truncated audio frame');
    kept.push(b.subarray(i, i + len));
    i += len;
  }
  need(kept.length > 0, 'no audio frame');
  return Buffer.concat(kept);
}

export function mpegAudio(b: Buffer): { mime: string; data: Buffer } {
  const start = leadingTags(b);
  const end = trailingTags(b, start);
  const adts = adtsFrame(b, start);
  return { mime: adts ? 'audio/aac' : 'audio/mpeg', data: frames(b, start, end, adts) };
}
