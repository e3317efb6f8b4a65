import { ascii, need } from './bytes';

// MP4 / M4A / 3GP (ISO base media). Sample tables (stco/co64) point into mdat by absolute offset, so nothing may
// move: every box that is not known to be needed where it stands (udta with ©xyz/loci/XMP, meta with ilst/keys,
// uuid, free/skip leftovers, anything unknown) becomes a `free` box of the same size with zeroed content, and the
// creation/modification times in mvhd, tkhd and mdhd are zeroed. Only audio tracks are accepted: a timed-metadata
// or text track keeps its samples in mdat, where they cannot be cleaned.

type Box = { at: number; type: string; head: number; end: number };

/** The boxes kept under each parent ('' is the file itself); the parents listed here are walked into. */
const kept = new Map(
  Object.entries({
    '': 'ftyp moov mdat moof mfra sidx styp',
    moov: 'mvhd trak mvex iods',
    trak: 'tkhd mdia edts tref',
    mdia: 'mdhd hdlr minf',
    minf: 'smhd hdlr dinf stbl',
    dinf: 'dref',
    stbl: 'stsd stts ctts cslg stsc stsz stz2 stco co64 stss sdtp sbgp sgpd',
    edts: 'elst',
    mvex: 'mehd trex',
    moof: 'mfhd traf',
    traf: 'tfhd tfdt trun sbgp sgpd',
    mfra: 'tfra mfro',
  }).map(([parent, boxes]) => [parent, new Set(boxes.split(' '))]),
);
const stamped = new Set(['mvhd', 'tkhd', 'mdhd']);
const brands = /^(M4A |M4B |mp41|mp42|isom|iso[2-6]|mmp4|3gp[4-9]|3g[egrs][6-9]|3g2[abc])$/;

function children(b: Buffer, from: number, to: number, top: boolean): Box[] {
  const list: Box[] = [];
  for (let at = from; at < to; ) {
    need(at + 8 <= to, 'truncated box header');
    let size = b.readUInt32BE(at);
    let head = 8;
    if (size === 1) {
      need(at + 16 <= to, 'truncated box header');
      const large = b.readBigUInt64BE(at + 8);
      need(large <= BigInt(to - at), 'box beyond its parent');
      size = Number(large);
      head = 16;
    } else if (size === 0) {
      need(top, 'open-ended box inside another');
      size = to - at;
    }
    const type = ascii(b, at + 4, 4);
    if (type === 'uuid') head += 16;
    need(size >= head && at + size <= to, 'box beyond its parent');
    list.push({ at, type, head, end: at + size });
    at += size;
  }
  return list;
}

const inside = (b: Buffer, box: Box) => children(b, box.at + box.head, box.end, false);

function blank(b: Buffer, box: Box): void {
  b.write('free', box.at + 4, 'latin1');
  b.fill(0, box.at + (b.readUInt32BE(box.at) === 1 ? 16 : 8), box.end);
}

/** mvhd, tkhd, mdhd: version 1 has 64-bit creation and modification times, version 0 32-bit ones. */
function unstamp(b: Buffer, box: Box): void {
  const at = box.at + box.head;
  const len = b[at] === 1 ? 16 : 8;
  need(at + 4 + len <= box.end, 'truncated header box');
  b.fill(0, at + 4, at + 4 + len);
}

function handler(b: Buffer, trak: Box): string {
  const mdia = inside(b, trak).find((x) => x.type === 'mdia');
  const hdlr = mdia && inside(b, mdia).find((x) => x.type === 'hdlr');
  need(hdlr !== undefined && hdlr.at + hdlr.head + 12 <= hdlr.end, 'track without handler');
  return ascii(b, hdlr.at + hdlr.head + 8, 4);
}

/** Data references must say "in this file" (flag 1): a URL or alias would name a path elsewhere. */
function selfContained(b: Buffer, dref: Box): void {
  const from = dref.at + dref.head + 8; // version, flags, entry count
  need(from <= dref.end, 'truncated dref');
  for (const entry of children(b, from, dref.end, false)) {
    const flags = entry.at + entry.head;
    need(flags + 4 <= entry.end && (b[flags + 3]! & 1) === 1, 'external data reference');
    b.fill(0, flags + 4, entry.end);
  }
}

function clean(b: Buffer, parent: string, list: Box[]): void {
  for (const box of list) {
    if (!kept.get(parent)?.has(box.type)) {
      blank(b, box);
      continue;
    }
    if (stamped.has(box.type)) unstamp(b, box);
    if (box.type === 'dref') selfContained(b, box);
    if (box.type === 'trak') need(handler(b, box) === 'soun', 'not an audio track');
    if (kept.has(box.type)) clean(b, box.type, inside(b, box));
  }
}

export function isobmff(input: Buffer): { mime: string; data: Buffer } {
  const b = Buffer.from(input); // cleaned in place, on a copy
  const top = children(b, 0, b.length, true);
  const ftyp = top[0];
  need(ftyp?.type === 'ftyp' && ftyp.end - ftyp.at >= 16 && top.filter((x) => x.type === 'ftyp').length === 1, 'ftyp');
  const major = ascii(b, ftyp.at + 8, 4);
  const compatible = [major];
  for (let at = ftyp.at + 16; at + 4 <= ftyp.end; at += 4) compatible.push(ascii(b, at, 4));
  const audioBrand = compatible.some((x) => brands.test(x));
  need(audioBrand, 'not an MP4 audio brand');
  const moov = top.filter((x) => x.type === 'moov');
  need(moov.length === 1 && top.some((x) => x.type === 'mdat'), 'moov and mdat');
  const tracks = inside(b, moov[0]!).filter((x) => x.type === 'trak');
  need(tracks.length > 0, 'no track');
  clean(b, '', top);
  // Blanked boxes after the last one kept (a trailer, leftovers) are cut off rather than left as zeroed space.
  const last = top.findLast((x) => kept.get('')!.has(x.type))!;
  const mime = major.startsWith('3g2') ? 'audio/3gpp2' : major.startsWith('3g') ? 'audio/3gpp' : 'audio/mp4';
  return { mime, data: b.subarray(0, last.end) };
}
