// Byte-level fixtures for the media cleaner tests (media.test.ts, media-ogg.test.ts): every file is built here byte
// by byte; the markers stand for what a phone writes into a file.
import assert from 'node:assert/strict';

export const ARTIST = 'SECRET-ARTIST';
export const GPS = '1°40\'30"S 78°39\'10"W';
export const markers = [ARTIST, GPS, 'SECRET'];

export const latin = (s: string) => Buffer.from(s, 'latin1');
export const utf8 = (s: string) => Buffer.from(s, 'utf8');
export const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
export const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
export const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
export const filler = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + seed) % 251));

export function assertNoMarkers(data: Buffer): void {
  for (const m of markers) {
    assert.equal(data.indexOf(utf8(m)), -1, `"${m}" is still in the file`);
    assert.equal(data.indexOf(latin(m)), -1, `"${m}" (latin1) is still in the file`);
  }
}

/** Mulberry32, so the mutation test always sees the same inputs. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- Ogg ---

/** Ogg's CRC computed bit by bit (the code under test uses a table), with the CRC field taken as zero. */
export function oggCrc(page: Buffer): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    crc = (crc ^ ((i >= 22 && i < 26 ? 0 : page[i]!) << 24)) >>> 0;
    for (let k = 0; k < 8; k++) crc = (crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1) >>> 0;
  }
  return crc;
}

export type OggGroup = { packets: Buffer[]; granule?: bigint; eos?: boolean; perPage?: number };

/** One logical stream: each group's packets laced into pages of at most `perPage` lacing values. */
export function oggStream(serial: number, groups: OggGroup[]): Buffer {
  const pages: Buffer[] = [];
  for (const [g, group] of groups.entries()) {
    const segments: Buffer[] = [];
    for (const p of group.packets) {
      for (let off = 0; ; off += 255) {
        segments.push(p.subarray(off, Math.min(p.length, off + 255)));
        if (p.length - off < 255) break;
      }
    }
    const per = group.perPage ?? 255;
    for (let i = 0; i < segments.length; i += per) {
      const slice = segments.slice(i, i + per);
      const lacing = slice.map((s) => s.length);
      const last = i + per >= segments.length;
      const flags =
        (i > 0 && segments[i - 1]!.length === 255 ? 1 : 0) | (g === 0 && i === 0 ? 2 : 0) | (last && group.eos ? 4 : 0);
      const head = Buffer.alloc(27 + lacing.length);
      head.write('OggS', 0, 'latin1');
      head[5] = flags;
      head.writeBigInt64LE(lacing.some((v) => v < 255) ? (group.granule ?? 0n) : -1n, 6);
      head.writeUInt32LE(serial, 14);
      head.writeUInt32LE(pages.length, 18);
      head[26] = lacing.length;
      head.set(lacing, 27);
      const page = Buffer.concat([head, ...slice]);
      page.writeUInt32LE(oggCrc(page), 22);
      pages.push(page);
    }
  }
  return Buffer.concat(pages);
}

export type OggPage = { serial: number; seq: number; flags: number; granule: bigint };

/** Reads an Ogg file the way a player would, checking every page's CRC; returns its pages and packets. */
export function readOgg(b: Buffer): { pages: OggPage[]; packets: Map<number, Buffer[]> } {
  const pages: OggPage[] = [];
  const packets = new Map<number, Buffer[]>();
  const partial = new Map<number, Buffer[]>();
  for (let at = 0; at < b.length; ) {
    assert.equal(b.toString('latin1', at, at + 4), 'OggS', `page at ${at}`);
    const n = b[at + 26]!;
    const lacing = [...b.subarray(at + 27, at + 27 + n)];
    const size = 27 + n + lacing.reduce((s, v) => s + v, 0);
    const page = b.subarray(at, at + size);
    assert.equal(page.length, size, 'whole page');
    assert.equal(page.readUInt32LE(22), oggCrc(page), `CRC of page ${pages.length}`);
    const serial = page.readUInt32LE(14);
    pages.push({ serial, seq: page.readUInt32LE(18), flags: page[5]!, granule: page.readBigInt64LE(6) });
    assert.equal((page[5]! & 1) === 1, partial.has(serial), 'continuation flag');
    let off = 27 + n;
    for (const v of lacing) {
      partial.set(serial, [...(partial.get(serial) ?? []), page.subarray(off, off + v)]);
      off += v;
      if (v < 255) {
        packets.set(serial, [...(packets.get(serial) ?? []), Buffer.concat(partial.get(serial)!)]);
        partial.delete(serial);
      }
    }
    at += size;
  }
  assert.equal(partial.size, 0, 'no packet left open');
  return { pages, packets };
}

export function assertOggSequences(pages: OggPage[]): void {
  for (const serial of new Set(pages.map((p) => p.serial))) {
    const mine = pages.filter((p) => p.serial === serial);
    assert.deepEqual(
      mine.map((p) => p.seq),
      mine.map((_, i) => i),
      `page numbers of stream ${serial}`,
    );
    assert.equal(mine[0]!.flags & 2, 2, 'BOS on the first page');
  }
}

export const opusHead = Buffer.concat([latin('OpusHead'), Buffer.from([1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
export const commentList = (vendor: string, comments: string[]) =>
  Buffer.concat([
    u32le(utf8(vendor).length),
    utf8(vendor),
    u32le(comments.length),
    ...comments.flatMap((c) => [u32le(utf8(c).length), utf8(c)]),
  ]);
export const opusTags = (comments: string[]) =>
  Buffer.concat([latin('OpusTags'), commentList(`libopus ${ARTIST}`, comments)]);
export const opusAudio = [1, 2, 3].map((i) => Buffer.concat([latin(`OPUS-AUDIO-${i}`), filler(100 * i, i)]));
export const emptyOpusTags = Buffer.concat([latin('OpusTags'), Buffer.alloc(8)]);

export function opusFile(serial = 0x1234, comments = [`ARTIST=${ARTIST}`, `LOCATION=${GPS}`], perPage = 255): Buffer {
  return oggStream(serial, [
    { packets: [opusHead] },
    { packets: [opusTags(comments)], perPage },
    { packets: opusAudio.slice(0, 2), granule: 1920n },
    { packets: opusAudio.slice(2), granule: 2880n, eos: true },
  ]);
}

export const vorbisId = Buffer.concat([
  latin('\x01vorbis'),
  u32le(0),
  Buffer.from([1]),
  u32le(44100),
  Buffer.alloc(12),
  Buffer.from([0xb8, 1]),
]);
export const vorbisComments = Buffer.concat([
  latin('\x03vorbis'),
  commentList('Xiph.Org libVorbis', [`ARTIST=${ARTIST}`, `GPS=${GPS}`]),
  Buffer.from([1]),
]);
export const vorbisSetup = Buffer.concat([latin('\x05vorbis'), latin('codebooks'), filler(600, 9)]);
export const vorbisAudio = [Buffer.concat([latin('VORBIS-AUDIO'), filler(300, 4)])];
