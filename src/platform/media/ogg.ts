import { ascii, Malformed, need } from './bytes';

// Ogg Opus (WhatsApp voice notes) and Ogg Vorbis. Their metadata is the comment header, the packet after the
// identification header: vendor string and user comments (ARTIST=, LOCATION=…). It is replaced by an empty one,
// the pages that carried it are rebuilt, and the pages after them renumbered. Every page's CRC is checked on the
// way in and every page written is given a fresh one.

const BOS = 0x02;
const EOS = 0x04;
const CONTINUED = 0x01;

const crcTable = Uint32Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

/** Ogg's CRC-32: polynomial 0x04c11db7, initial value 0, not reflected, over the page with its CRC field zeroed. */
function crc(page: Buffer): number {
  let c = 0;
  for (let i = 0; i < page.length; i++) {
    const byte = i >= 22 && i < 26 ? 0 : page[i]!;
    c = ((c << 8) ^ crcTable[((c >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  return c;
}

type Page = { raw: Buffer; flags: number; serial: number; seq: number; lacing: Buffer; body: Buffer };

function readPage(b: Buffer, at: number): Page {
  need(ascii(b, at, 4) === 'OggS' && b[at + 4] === 0 && at + 27 <= b.length, 'Ogg page expected');
  const lacing = b.subarray(at + 27, at + 27 + b[at + 26]!);
  const head = 27 + lacing.length;
  const size = head + lacing.reduce((sum, v) => sum + v, 0);
  need(lacing.length === b[at + 26] && at + size <= b.length, 'truncated Ogg page');
  const raw = b.subarray(at, at + size);
  need(raw.readUInt32LE(22) === crc(raw), 'Ogg page CRC');
  const flags = raw[5]!;
  need((flags & ~7) === 0, 'Ogg header flags');
  return { raw, flags, serial: raw.readUInt32LE(14), seq: raw.readUInt32LE(18), lacing, body: raw.subarray(head) };
}

/** The page body cut at its lacing values; the last piece may continue on the next page. */
function pieces(p: Page): { data: Buffer; ends: boolean }[] {
  const out: { data: Buffer; ends: boolean }[] = [];
  let at = 0;
  let start = 0;
  for (const v of p.lacing) {
    at += v;
    if (v < 255) {
      out.push({ data: p.body.subarray(start, at), ends: true });
      start = at;
    }
  }
  if (start < at) out.push({ data: p.body.subarray(start, at), ends: false });
  return out;
}

function page(flags: number, granule: bigint, serial: number, seq: number, lacing: number[], body: Buffer[]): Buffer {
  const head = Buffer.alloc(27 + lacing.length);
  head.write('OggS', 0, 'latin1');
  head[5] = flags;
  head.writeBigInt64LE(granule, 6);
  head.writeUInt32LE(serial, 14);
  head.writeUInt32LE(seq >>> 0, 18);
  head[26] = lacing.length;
  head.set(lacing, 27);
  const out = Buffer.concat([head, ...body]);
  out.writeUInt32LE(crc(out), 22);
  return out;
}

function renumber(p: Page, seq: number): Buffer {
  const out = Buffer.from(p.raw);
  out.writeUInt32LE(seq >>> 0, 18);
  out.writeUInt32LE(crc(out), 22);
  return out;
}

/** Header packets laced into as few pages as they need (at most 255 lacing values each), numbered from `seq`. */
function headerPages(packets: Buffer[], serial: number, seq: number): Buffer[] {
  const segments: { len: number; data: Buffer }[] = [];
  for (const p of packets) {
    for (let off = 0; ; off += 255) {
      const len = Math.min(255, p.length - off);
      segments.push({ len, data: p.subarray(off, off + len) });
      if (len < 255) break;
    }
  }
  const pages: Buffer[] = [];
  for (let i = 0; i < segments.length; i += 255) {
    const group = segments.slice(i, i + 255);
    const lacing = group.map((s) => s.len);
    const flags = i > 0 && segments[i - 1]!.len === 255 ? CONTINUED : 0;
    // Header pages have granule 0; a page on which no packet ends has -1.
    const granule = lacing.some((v) => v < 255) ? 0n : -1n;
    const body = group.map((s) => s.data);
    pages.push(page(flags, granule, serial, seq + pages.length, lacing, body));
  }
  return pages;
}

type Stream = {
  codec: 'opus' | 'vorbis';
  headers: Buffer[]; // header packets after the identification header
  partial: Buffer[] | null; // a header packet that continues on the next page
  firstSeq: number;
  pagesRead: number;
  shift: number; // renumbering of the pages after the rewritten headers
  audio: boolean;
  ended: boolean;
};

const headerCount = { opus: 1, vorbis: 2 };
const emptyComments = {
  opus: Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]),
  vorbis: Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), Buffer.alloc(8), Buffer.from([1])]),
};

function identify(p: Page): Stream['codec'] {
  const first = pieces(p);
  need(first.length === 1 && first[0]!.ends && !(p.flags & CONTINUED), 'ID header alone on the first page');
  const id = first[0]!.data;
  if (ascii(id, 0, 8) === 'OpusHead') return 'opus';
  if (ascii(id, 0, 7) === '\x01vorbis') return 'vorbis';
  throw new Malformed('Ogg stream neither Opus nor Vorbis');
}

/** Collects one header page; once the last header packet is in, returns the rewritten header pages. */
function headerPage(s: Stream, p: Page, serial: number): Buffer[] {
  if (s.pagesRead++ === 0) s.firstSeq = p.seq;
  need(Boolean(p.flags & CONTINUED) === (s.partial !== null), 'Ogg continuation flag');
  for (const piece of pieces(p)) {
    need(s.headers.length < headerCount[s.codec], 'audio on a header page');
    const parts = [...(s.partial ?? []), piece.data];
    s.partial = piece.ends ? null : parts;
    if (piece.ends) s.headers.push(Buffer.concat(parts));
  }
  if (s.headers.length < headerCount[s.codec]) return [];
  const [comments, setup] = s.headers;
  if (s.codec === 'opus') need(ascii(comments!, 0, 8) === 'OpusTags', 'OpusTags expected');
  else need(ascii(comments!, 0, 7) === '\x03vorbis' && ascii(setup!, 0, 7) === '\x05vorbis', 'Vorbis headers');
  const pages = headerPages([emptyComments[s.codec], ...s.headers.slice(1)], serial, s.firstSeq);
  s.shift = pages.length - s.pagesRead;
  s.audio = true;
  return pages;
}

function fresh(codec: Stream['codec']): Stream {
  return { codec, headers: [], partial: null, firstSeq: 0, pagesRead: 0, shift: 0, audio: false, ended: false };
}

export function ogg(b: Buffer): Buffer {
  const out: Buffer[] = [];
  const streams = new Map<number, Stream>();
  for (let at = 0; at < b.length; ) {
    const p = readPage(b, at);
    at += p.raw.length;
    const s = streams.get(p.serial);
    if (p.flags & BOS) {
      need(!s || s.ended, 'two streams with one serial number');
      streams.set(p.serial, fresh(identify(p)));
      out.push(p.raw);
      continue;
    }
    need(s !== undefined && !s.ended, 'Ogg page outside any stream');
    if (s.audio) out.push(s.shift ? renumber(p, p.seq + s.shift) : p.raw);
    else {
      need(!(p.flags & EOS), 'Ogg stream ends in its headers');
      out.push(...headerPage(s, p, p.serial));
    }
    if (p.flags & EOS) s.ended = true;
  }
  need(streams.size > 0 && [...streams.values()].every((s) => s.audio), 'truncated Ogg headers');
  return Buffer.concat(out);
}
