import { need } from './bytes';

/** WAV: only the `fmt ` and `data` chunks are kept (no LIST/INFO, bext, iXML, id3 …), under a fresh RIFF header. */
export function wav(b: Buffer): Buffer {
  const chunks: Buffer[] = [];
  const seen = new Set<string>();
  let i = 12;
  while (i + 8 <= b.length) {
    const id = b.toString('latin1', i, i + 4);
    const len = b.readUInt32LE(i + 4);
    if (id === 'fmt ' || id === 'data') {
      chunks.push(b.subarray(i, i + 8 + len + (len % 2)));
      seen.add(id);
    }
    i += 8 + len + (len % 2);
  }
  need(seen.has('fmt ') && seen.has('data'), 'WAV without fmt or data');
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, body]);
}
