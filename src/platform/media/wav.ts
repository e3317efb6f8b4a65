import { ascii, need } from './bytes';

/**
 * WAV: only one `fmt ` and one `data` chunk are kept (no LIST/INFO, bext, iXML, id3 …), under a fresh RIFF header.
 * Every chunk must lie inside the file and inside the RIFF size; bytes after the RIFF form are not written.
 */
export function wav(b: Buffer): Buffer {
  need(ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE', 'RIFF WAVE header');
  const riffEnd = 8 + b.readUInt32LE(4);
  need(riffEnd <= b.length + 1, 'RIFF size beyond the file'); // +1: a missing final pad byte is common
  const end = Math.min(riffEnd, b.length);
  const chunks = new Map<string, Buffer>();
  let i = 12;
  while (i + 8 <= end) {
    const id = ascii(b, i, 4);
    const len = b.readUInt32LE(i + 4);
    need(i + 8 + len <= end, 'truncated WAV chunk');
    if (id === 'fmt ' || id === 'data') {
      need(!chunks.has(id), 'two fmt or data chunks');
      const chunk = Buffer.concat([b.subarray(i, i + 8 + len), Buffer.alloc(len % 2)]);
      chunks.set(id, chunk);
    }
    i += 8 + len + (len % 2);
  }
  const fmt = chunks.get('fmt ');
  const data = chunks.get('data');
  need(fmt !== undefined && data !== undefined, 'WAV without fmt or data');
  need(fmt.readUInt32LE(4) >= 16 && fmt.readUInt16LE(10) > 0 && fmt.readUInt32LE(12) > 0, 'WAV format chunk');
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + fmt.length + data.length, 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, fmt, data]);
}
