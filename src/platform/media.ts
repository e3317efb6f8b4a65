// Strips metadata (EXIF/GPS, text chunks, ID3 tags, RIFF INFO) from the few formats the report form
// accepts. Anything else is refused: a file we cannot clean is a file we do not keep.

export type Media = { kind: 'photo' | 'audio'; mime: string; data: Buffer };

function jpeg(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xda) {
      out.push(b.subarray(i));
      return Buffer.concat(out);
    }
    const len = b.readUInt16BE(i + 2);
    const keep = !(marker >= 0xe1 && marker <= 0xef) && marker !== 0xfe;
    if (keep) out.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  throw new Error('not a complete JPEG');
}

const pngKeep = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'sRGB']);
function png(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (pngKeep.has(type)) out.push(b.subarray(i, i + 12 + len));
    i += 12 + len;
    if (type === 'IEND') return Buffer.concat(out);
  }
  throw new Error('not a complete PNG');
}

function mp3(b: Buffer): Buffer {
  let start = 0;
  if (b.toString('latin1', 0, 3) === 'ID3') {
    const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
    start = 10 + size;
  }
  let end = b.length;
  if (end - start > 128 && b.toString('latin1', end - 128, end - 125) === 'TAG') end -= 128;
  return b.subarray(start, end);
}

function wav(b: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const id = b.toString('latin1', i, i + 4);
    const len = b.readUInt32LE(i + 4);
    if (id === 'fmt ' || id === 'data') chunks.push(b.subarray(i, i + 8 + len + (len % 2)));
    i += 8 + len + (len % 2);
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** Recognises a file by its first bytes (never by its name) and returns it without metadata, or null. */
export function cleanMedia(b: Buffer): Media | null {
  try {
    if (b[0] === 0xff && b[1] === 0xd8) return { kind: 'photo', mime: 'image/jpeg', data: jpeg(b) };
    if (b.toString('latin1', 1, 4) === 'PNG') return { kind: 'photo', mime: 'image/png', data: png(b) };
    if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE')
      return { kind: 'audio', mime: 'audio/wav', data: wav(b) };
    if (b.toString('latin1', 0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0))
      return { kind: 'audio', mime: 'audio/mpeg', data: mp3(b) };
  } catch {
    return null;
  }
  return null;
}
