import { exifSegment, picture, withSegments } from './hostile-files';

/**
 * One second of a quiet tone as a WAV a phone recorder could write, with the tags recorders and editing apps add
 * (a LIST/INFO chunk naming an artist, and a place as text): the tags must not survive the upload.
 */
export function taggedVoiceNote(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    samples.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8); // PCM
  fmt.writeUInt16LE(1, 10); // mono
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * 2, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const tag = (id: string, text: string) => {
    const body = Buffer.from(`${text}\0`, 'latin1');
    const padded = Buffer.concat([body, Buffer.alloc(body.length % 2)]);
    const head = Buffer.alloc(8);
    head.write(id, 0, 'latin1');
    head.writeUInt32LE(body.length, 4);
    return Buffer.concat([head, padded]);
  };
  const info = Buffer.concat([
    Buffer.from('INFO', 'latin1'),
    tag('IART', 'SECRET-ARTIST'),
    tag('ICMT', "GPS 1 40'30 S 78 38'45 W"),
  ]);
  const list = Buffer.alloc(8);
  list.write('LIST', 0, 'latin1');
  list.writeUInt32LE(info.length, 4);
  const data = Buffer.alloc(8);
  data.write('data', 0, 'latin1');
  data.writeUInt32LE(samples.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), fmt, list, info, data, samples]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/**
 * A small real JPEG as a phone stores a photo of a document: its Exif block (a GPS position) and a comment naming
 * the camera owner are what the server's pipeline must remove; the picture itself must survive re-encoding.
 */
export async function taggedPhoto(): Promise<Buffer> {
  const comment = Buffer.from('taken by SECRET-OWNER', 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  return withSegments(await picture('jpeg'), exifSegment(), com);
}
