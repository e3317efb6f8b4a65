import { ascii, need } from './bytes';

// AMR and AMR-WB (RFC 4867 storage format) have no metadata of their own, but a file can still carry anything
// after its last frame: the frames are walked by their stated sizes and only whole frames are written.

/** Speech bytes per frame type (after the one-byte header); -1 marks a reserved type. */
const sizes = {
  nb: [12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0],
  wb: [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0],
};

export function amr(b: Buffer): { mime: string; data: Buffer } {
  const wide = ascii(b, 0, 9) === '#!AMR-WB\n';
  need(wide || ascii(b, 0, 6) === '#!AMR\n', 'AMR magic');
  const start = wide ? 9 : 6;
  let i = start;
  while (i < b.length) {
    const head = b[i]!;
    need((head & 0x83) === 0, 'AMR frame header'); // F bit and padding bits are zero in storage format
    const size = sizes[wide ? 'wb' : 'nb'][(head >> 3) & 0xf]!;
    need(size >= 0 && i + 1 + size <= b.length, 'AMR frame');
    i += 1 + size;
  }
  need(i > start, 'AMR without frames');
  return { mime: wide ? 'audio/amr-wb' : 'audio/amr', data: b };
}
