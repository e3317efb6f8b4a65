import { Malformed, need } from './bytes';

// JPEG: APP1–APP15 (EXIF with GPS, XMP, MPF, ICC…) and COM segments go; everything after the first EOI goes too,
// so a second picture appended to the first (multi-picture files, motion photos) cannot carry its own EXIF out.

const dropped = (marker: number) => (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
const restart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

export function jpeg(b: Buffer): Buffer {
  need(b[0] === 0xff && b[1] === 0xd8, 'SOI');
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  let scanned = false;
  for (;;) {
    need(b[i] === 0xff, 'JPEG marker expected');
    while (b[i + 1] === 0xff) i++; // fill bytes before a marker
    need(i + 2 <= b.length, 'truncated JPEG');
    const marker = b[i + 1]!;
    if (marker === 0xd9) {
      need(scanned, 'JPEG without image data');
      out.push(b.subarray(i, i + 2));
      return Buffer.concat(out);
    }
    need(marker !== 0x00 && marker !== 0x01 && marker !== 0xd8 && !restart(marker), 'unexpected JPEG marker');
    need(i + 4 <= b.length, 'truncated JPEG');
    const len = b.readUInt16BE(i + 2);
    need(len >= 2 && i + 2 + len <= b.length, 'truncated JPEG segment');
    if (!dropped(marker)) out.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
    if (marker === 0xda) {
      const end = endOfScan(b, i);
      out.push(b.subarray(i, end));
      i = end;
      scanned = true;
    }
  }
}

/** Entropy-coded data runs to the first 0xFF that is neither a stuffed 0xFF00 nor a restart marker. */
function endOfScan(b: Buffer, from: number): number {
  let i = from;
  for (;;) {
    const ff = b.indexOf(0xff, i);
    need(ff >= 0 && ff + 1 < b.length, 'truncated JPEG scan');
    const next = b[ff + 1]!;
    if (next !== 0x00 && !restart(next)) return ff;
    i = ff + 2;
  }
}

// PNG: only the chunks needed to draw the picture are kept (no tEXt/iTXt/zTXt, eXIf, tIME…).

const pngKeep = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'sRGB']);

export function png(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    need(i + 12 + len <= b.length, 'truncated PNG chunk');
    if (pngKeep.has(type)) out.push(b.subarray(i, i + 12 + len));
    i += 12 + len;
    if (type === 'IEND') return Buffer.concat(out);
  }
  throw new Malformed('not a complete PNG');
}
