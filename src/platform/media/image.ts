import { need } from './bytes';

// JPEG: APP1–APP15 (EXIF with GPS, XMP, MPF, ICC…) and COM segments go; everything after the first EOI goes too,
// so a second picture appended to the first (multi-picture files, motion photos) cannot carry its own EXIF out.
// Uploaded photos are re-encoded by sharp instead (raster.ts); this walk cleans the JPEGs drawn inside PDFs, which
// are copied as they are.

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
