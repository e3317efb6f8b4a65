import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanMedia } from './media';

const seg = (marker: number, payload: string) => {
  const body = Buffer.from(payload, 'latin1');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

describe('metadata stripping', () => {
  it('removes EXIF (with GPS) and comments from a JPEG but keeps the image data', () => {
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      seg(0xe0, 'JFIF\0'),
      seg(0xe1, 'Exif\0\0GPSLatitude -1.9300 Guamote'),
      seg(0xfe, 'taken by FakePhone 3000'),
      seg(0xdb, 'quant-table'),
      Buffer.from([0xff, 0xda, 0, 4, 1, 2]),
      Buffer.from('scan-data', 'latin1'),
      Buffer.from([0xff, 0xd9]),
    ]);
    const out = cleanMedia(jpeg)!;
    assert.equal(out.mime, 'image/jpeg');
    const s = out.data.toString('latin1');
    assert.doesNotMatch(s, /GPSLatitude|Guamote|FakePhone/);
    assert.match(s, /JFIF/);
    assert.match(s, /quant-table/);
    assert.match(s, /scan-data/);
  });

  it('drops PNG text and time chunks', () => {
    const chunk = (type: string, data: string) => {
      const d = Buffer.from(data, 'latin1');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(d.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), d, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', 'hdr'),
      chunk('tEXt', 'Author\0Fulana Prueba'),
      chunk('eXIf', 'gps'),
      chunk('IDAT', 'pixels'),
      chunk('IEND', ''),
    ]);
    const s = cleanMedia(png)!.data.toString('latin1');
    assert.doesNotMatch(s, /Fulana|eXIf|tEXt/);
    assert.match(s, /IHDR.*IDAT.*IEND/s);
  });

  it('removes ID3 tags from MP3 and INFO lists from WAV', () => {
    const id3 = Buffer.concat([
      Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x0a', 'latin1'),
      Buffer.from('TPE1Fulana', 'latin1'),
      Buffer.from([0xff, 0xfb, 0x90, 0x00]),
      Buffer.from('frames', 'latin1'),
    ]);
    const mp3 = cleanMedia(id3)!;
    assert.equal(mp3.mime, 'audio/mpeg');
    assert.doesNotMatch(mp3.data.toString('latin1'), /Fulana|ID3/);
    const chunk = (id: string, data: string) => {
      const d = Buffer.from(data, 'latin1');
      const len = Buffer.alloc(4);
      len.writeUInt32LE(d.length);
      return Buffer.concat([Buffer.from(id, 'latin1'), len, d]);
    };
    const body = Buffer.concat([chunk('fmt ', 'fmtdata1'), chunk('LIST', 'INFOIARTFulana'), chunk('data', 'samples!')]);
    const wav = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WAVE', 'latin1'), body]);
    const out = cleanMedia(wav)!.data.toString('latin1');
    assert.doesNotMatch(out, /Fulana|LIST/);
    assert.match(out, /fmt .*data/s);
  });

  it('refuses anything it cannot clean', () => {
    assert.equal(cleanMedia(Buffer.from('%PDF-1.7 secret')), null);
    assert.equal(cleanMedia(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00])), null, 'truncated JPEG');
  });
});
