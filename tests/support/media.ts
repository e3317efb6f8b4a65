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
 * A small JPEG as a phone stores a photo of a document: its Exif block and comment carry a GPS position and the
 * camera owner's name (what the server's cleaner must remove); a marker text stands in for the picture.
 */
export function taggedPhoto(): Buffer {
  const seg = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0', 'latin1')),
    seg(0xe1, Buffer.from(`Exif\0\0GPS 1°40'30"S 78°38'45"W SECRET-OWNER`, 'utf8')),
    seg(0xfe, Buffer.from('taken by SECRET-OWNER', 'latin1')),
    seg(0xdb, Buffer.from('quant-table', 'latin1')),
    seg(0xc0, Buffer.from('frame', 'latin1')),
    seg(0xc4, Buffer.from('huffman', 'latin1')),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from('document-picture', 'latin1'),
    Buffer.from([0xff, 0xd9]),
  ]);
}
