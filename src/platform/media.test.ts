import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTIST,
  assertNoMarkers,
  filler,
  GPS,
  latin,
  oggStream,
  opusFile,
  random,
  u16be,
  u32be,
  u32le,
  utf8,
  vorbisAudio,
  vorbisComments,
  vorbisId,
  vorbisSetup,
} from '../../tests/support/media-fixtures';
import { cleanMedia, type Media } from './media';
import { Malformed } from './media/bytes';
import { jpeg as jpegStructure } from './media/image';

// Every fixture is built here (or in tests/support/media-fixtures.ts) byte by byte; ARTIST and GPS stand for what a
// phone writes into a file.
async function clean(b: Buffer): Promise<Media> {
  const m = await cleanMedia(b);
  assert.ok(m, 'the file was refused');
  return m;
}

/**
 * The structural JPEG walk that cleans the pictures drawn inside PDFs (uploaded photos are re-encoded instead, tested
 * on real pictures in media-hostile.test.ts; the fixtures here are not decodable). Null where the walk refuses.
 */
function structure(b: Buffer): Media | null {
  try {
    return { kind: 'photo', mime: 'image/jpeg', data: jpegStructure(b) };
  } catch (err) {
    if (err instanceof Malformed || err instanceof RangeError) return null;
    throw err;
  }
}
const structural = (b: Buffer): Media => {
  const m = structure(b);
  assert.ok(m, 'the structure was refused');
  return m;
};

// --- JPEG ---

const seg = (marker: number, payload: string | Buffer) => {
  const body = typeof payload === 'string' ? latin(payload) : payload;
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
};
const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
// Scan data with a stuffed 0xFF00 and a restart marker, which do not end it.
const scan = Buffer.concat([Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]), latin('scan-data')]);

function jpegFile(exif: string): { file: Buffer; clean: Buffer } {
  const kept = [seg(0xe0, 'JFIF\0'), seg(0xdb, 'quant-table'), seg(0xc0, 'frame'), seg(0xc4, 'huffman')];
  const sos = seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
  const file = Buffer.concat([
    SOI,
    kept[0]!,
    seg(0xe1, utf8(`Exif\0\0${exif}`)),
    seg(0xfe, `taken by ${ARTIST}`),
    ...kept.slice(1),
    sos,
    scan,
    EOI,
  ]);
  return { file, clean: Buffer.concat([SOI, ...kept, sos, scan, EOI]) };
}

// --- WAV ---

function wavFile(): Buffer {
  const chunk = (id: string, data: string | Buffer) => {
    const d = typeof data === 'string' ? latin(data) : data;
    return Buffer.concat([latin(id), u32le(d.length), d, Buffer.alloc(d.length % 2)]);
  };
  const fmt = Buffer.alloc(16); // PCM, mono, 8 kHz, 16 bits
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const body = Buffer.concat([chunk('fmt ', fmt), chunk('LIST', `INFOIART${ARTIST}`), chunk('data', 'samples!')]);
  return Buffer.concat([latin('RIFF'), u32le(body.length + 4), latin('WAVE'), body]);
}

// --- ISO base media (MP4, M4A, 3GP) ---

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32be(8 + body.length), latin(type), body]);
};
/** A FullBox: `vf` is version << 24 | flags. */
const full = (type: string, vf: number, ...parts: Buffer[]) => box(type, u32be(vf), ...parts);
const mp4Audio = Buffer.concat([latin('AAC-FRAMES-IN-MDAT'), filler(200, 3)]);
const stamp = 0x12345678;

type Mp4Options = { brand?: string; compatible?: string; handler?: string; dref?: Buffer; extra?: Buffer };

function mp4File(o: Mp4Options = {}): Buffer {
  const brand = o.brand ?? 'M4A ';
  const ftyp = box('ftyp', latin(brand), u32be(0), latin(o.compatible ?? `${brand}mp42isom`));
  const stale = box('free', latin(`old udta: ${ARTIST}`));
  // XMP in a top-level uuid box written with a 64-bit size.
  const xmp = Buffer.concat([latin('BE7ACFCB97A942E8'), utf8(`<x:xmpmeta>${ARTIST} ${GPS}</x:xmpmeta>`)]);
  const bigUuid = Buffer.concat([u32be(1), latin('uuid'), Buffer.alloc(4), u32be(16 + xmp.length), xmp]);
  const ilst = box('ilst', box('\xa9ART', full('data', 1, u32be(0), utf8(ARTIST))));
  const meta = full('meta', 0, full('hdlr', 0, u32be(0), latin('mdir'), Buffer.alloc(13)), ilst);
  const moov = (chunkOffset: number) =>
    box(
      'moov',
      full('mvhd', 0, u32be(stamp), u32be(stamp), u32be(1000), u32be(5000), Buffer.alloc(80)),
      box(
        'trak',
        full('tkhd', 0x01000007, u32be(0), u32be(stamp), u32be(0), u32be(stamp), Buffer.alloc(76)),
        box(
          'mdia',
          full('mdhd', 0, u32be(stamp), u32be(stamp), u32be(44100), u32be(220500), Buffer.alloc(4)),
          full('hdlr', 0, u32be(0), latin(o.handler ?? 'soun'), Buffer.alloc(12), latin('SoundHandler\0')),
          box(
            'minf',
            full('smhd', 0, Buffer.alloc(4)),
            box('dinf', full('dref', 0, u32be(1), o.dref ?? full('url ', 1))),
            box(
              'stbl',
              full('stsd', 0, u32be(1), box('mp4a', Buffer.alloc(28), full('esds', 0, latin('decoder-config')))),
              full('stts', 0, u32be(1), u32be(5), u32be(1024)),
              full('stsc', 0, u32be(1), u32be(1), u32be(5), u32be(1)),
              full('stsz', 0, u32be(40), u32be(5)),
              full('stco', 0, u32be(1), u32be(chunkOffset)),
            ),
          ),
        ),
        box('udta', box('\xa9xyz', u16be(utf8(GPS).length), u16be(0x15c7), utf8(GPS))),
      ),
      box('udta', meta, box('loci', utf8(GPS))),
      o.extra ?? Buffer.alloc(0),
    );
  const before = Buffer.concat([ftyp, stale, moov(0), bigUuid, meta]);
  const mdat = box('mdat', mp4Audio);
  return Buffer.concat([ftyp, stale, moov(before.length + 8), bigUuid, meta, mdat]);
}

function topBoxes(b: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at < b.length; ) {
    const size = b.readUInt32BE(at);
    types.push(b.toString('latin1', at + 4, at + 8));
    at += size === 1 ? Number(b.readBigUInt64BE(at + 8)) : size;
  }
  return types;
}

// --- MP3, ADTS, AMR ---

const syncsafe = (n: number) => Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);

function id3v2(text: string, { footer = false, version = 3 } = {}): Buffer {
  const value = Buffer.concat([Buffer.from([3]), utf8(text)]);
  const frame = Buffer.concat([latin('TPE1'), u32be(value.length), Buffer.alloc(2), value]);
  const flags = footer ? 0x10 : 0;
  const head = Buffer.concat([latin('ID3'), Buffer.from([version, 0, flags]), syncsafe(frame.length)]);
  const foot = Buffer.concat([latin('3DI'), Buffer.from([version, 0, flags]), syncsafe(frame.length)]);
  return Buffer.concat([head, frame, footer ? foot : Buffer.alloc(0)]);
}

function id3v1(artist: string): Buffer {
  const field = (s: string, n: number) => Buffer.concat([latin(s), Buffer.alloc(n)]).subarray(0, n);
  return Buffer.concat([
    latin('TAG'),
    field('voice note', 30),
    field(artist, 30),
    field('', 30),
    field('2025', 4),
    field('', 31),
  ]);
}

function apev2(key: string, value: string): Buffer {
  const v = utf8(value);
  const item = Buffer.concat([u32le(v.length), u32le(0), latin(key), Buffer.from([0]), v]);
  const part = (flags: number) =>
    Buffer.concat([latin('APETAGEX'), u32le(2000), u32le(item.length + 32), u32le(1), u32le(flags), Buffer.alloc(8)]);
  return Buffer.concat([part(0xa0000000), item, part(0x80000000)]);
}

function lyrics3(text: string): Buffer {
  const body = Buffer.concat([
    latin('LYRICSBEGIN'),
    latin('EAR'),
    latin(String(text.length).padStart(5, '0')),
    latin(text),
  ]);
  return Buffer.concat([body, latin(String(body.length).padStart(6, '0')), latin('LYRICS200')]);
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417 bytes a frame. */
const mp3Frames = Buffer.concat(
  [1, 2, 3].map((i) => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), latin(`MP3-AUDIO-${i}`), filler(402, i)])),
);

function adtsFrame(payload: Buffer): Buffer {
  const len = 7 + payload.length;
  // AAC LC, 44.1 kHz, stereo, no CRC.
  const head = Buffer.from([
    0xff,
    0xf1,
    0x50,
    0x80 | ((len >> 11) & 3),
    (len >> 3) & 0xff,
    ((len & 7) << 5) | 0x1f,
    0xfc,
  ]);
  return Buffer.concat([head, payload]);
}
const adtsFrames = Buffer.concat(
  [1, 2, 3].map((i) => adtsFrame(Buffer.concat([latin(`AAC-AUDIO-${i}`), filler(90, i)]))),
);

// Frame type 7 (12.2 kbit/s, 31 bytes) for AMR; frame type 0 (6.6 kbit/s, 17 bytes) for AMR-WB.
const amrFrames = Buffer.concat([1, 2, 3].map((i) => Buffer.concat([Buffer.from([0x3c]), filler(31, i)])));
const amrWbFrames = Buffer.concat([1, 2, 3].map((i) => Buffer.concat([Buffer.from([0x04]), filler(17, i)])));

describe('metadata stripping', () => {
  it('removes EXIF (with GPS) and comments from a JPEG but keeps the image data', async () => {
    const { file, clean: expected } = jpegFile(`GPSLatitude ${GPS}`);
    const out = structural(file);
    assert.equal(out.kind, 'photo');
    assert.equal(out.mime, 'image/jpeg');
    assertNoMarkers(out.data);
    assert.deepEqual(out.data, expected);
  });

  it('drops a second JPEG appended after the first EOI (multi-picture files, motion photos)', async () => {
    const first = jpegFile('GPS none');
    const second = jpegFile(`GPSLatitude ${GPS}`);
    const tail = Buffer.concat([latin('MotionPhoto_Data'), second.file, latin(ARTIST)]);
    const out = structural(Buffer.concat([first.file, tail]));
    assertNoMarkers(out.data);
    assert.deepEqual(out.data, first.clean);
    assert.deepEqual(out.data.subarray(-2), EOI);
  });

  it('follows a progressive JPEG through all its scans, dropping comments between them', async () => {
    const sos = seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
    const file = Buffer.concat([
      SOI,
      seg(0xdb, 'quant-table'),
      seg(0xc2, 'progressive'),
      sos,
      latin('first-scan'),
      seg(0xc4, 'more-huffman'),
      seg(0xfe, ARTIST),
      sos,
      latin('second-scan'),
      Buffer.from([0xff, 0xff]), // fill bytes before EOI
      EOI,
      jpegFile(GPS).file,
    ]);
    const s = structural(file).data.toString('latin1');
    assert.match(s, /first-scan.*more-huffman.*second-scan\xff\xd9$/s);
    assertNoMarkers(latin(s));
  });

  it('writes a WAV without what follows its RIFF form and refuses a chunk longer than the file', async () => {
    const file = wavFile();
    const out = await clean(Buffer.concat([file, latin(`LIST${ARTIST}`)]));
    assertNoMarkers(out.data);
    assert.equal(out.data.readUInt32LE(4) + 8, out.data.length, 'the RIFF size is the file');
    assert.match(out.data.toString('latin1'), /data.{4}samples!$/s);
    assert.equal(await cleanMedia(file.subarray(0, file.length - 3)), null, 'data chunk cut short');
    assert.equal(await cleanMedia(Buffer.concat([file.subarray(0, 12), file.subarray(36)])), null, 'no fmt chunk');
  });

  it('drops INFO lists from WAV', async () => {
    const out = await clean(wavFile());
    assert.equal(out.mime, 'audio/wav');
    assert.doesNotMatch(out.data.toString('latin1'), /SECRET|LIST/);
    assert.match(out.data.toString('latin1'), /^RIFF.{4}WAVEfmt .*data/s);
  });
});

describe('MP4, M4A and 3GP audio', () => {
  it('blanks udta, meta and uuid boxes without moving a byte', async () => {
    const file = mp4File();
    const copy = Buffer.from(file);
    const out = await clean(file);
    assert.deepEqual([out.kind, out.mime], ['audio', 'audio/mp4']);
    assertNoMarkers(out.data);
    assert.deepEqual(file, copy, 'the input is left as it was');
    assert.equal(out.data.length, file.length);
    assert.equal(out.data.toString('latin1', 4, 12), 'ftypM4A ');
    assert.deepEqual(topBoxes(file), ['ftyp', 'free', 'moov', 'uuid', 'meta', 'mdat']);
    assert.deepEqual(topBoxes(out.data), ['ftyp', 'free', 'moov', 'free', 'free', 'mdat']);
    const mdat = file.indexOf(latin('mdat')) - 4;
    assert.equal(out.data.indexOf(latin('mdat')) - 4, mdat, 'mdat has not moved');
    const stco = out.data.indexOf(latin('stco'));
    const chunk = out.data.readUInt32BE(stco + 12);
    assert.equal(chunk, mdat + 8);
    assert.deepEqual(out.data.subarray(chunk, chunk + mp4Audio.length), mp4Audio);
    for (const gone of ['udta', 'meta', 'ilst', '\xa9xyz', 'loci', 'uuid'])
      assert.equal(out.data.indexOf(latin(gone)), -1, `${gone} is gone`);
    const mvhd = out.data.indexOf(latin('mvhd'));
    assert.equal(out.data.readUInt32BE(mvhd + 8), 0, 'creation time zeroed');
    assert.equal(out.data.readUInt32BE(mvhd + 16), 1000, 'timescale kept');
    const tkhd = out.data.indexOf(latin('tkhd'));
    assert.deepEqual(out.data.subarray(tkhd + 8, tkhd + 24), Buffer.alloc(16), '64-bit times zeroed');
    assert.equal(out.data.readUInt32BE(tkhd + 24), 0, 'track id kept');
    assert.match(out.data.toString('latin1'), /stsd.*mp4a.*esds.*stts.*stsc.*stsz.*stco/s);
  });

  it('cuts what follows the last box it keeps, and never moves mdat', async () => {
    const file = mp4File();
    const trailer = Buffer.concat([box('udta', box('loci', utf8(GPS))), box('free', latin(ARTIST))]);
    const out = await clean(Buffer.concat([file, trailer]));
    assertNoMarkers(out.data);
    assert.equal(out.data.length, file.length, 'the file ends with its mdat');
    assert.deepEqual(topBoxes(out.data).at(-1), 'mdat');
  });

  it('names 3GP recordings audio/3gpp', async () => {
    const out = await clean(mp4File({ brand: '3gp4' }));
    assert.equal(out.mime, 'audio/3gpp');
    assertNoMarkers(out.data);
  });

  it('refuses video, external data, unknown brands and broken boxes', async () => {
    assert.equal(await cleanMedia(mp4File({ handler: 'vide' })), null, 'video track');
    assert.equal(await cleanMedia(mp4File({ handler: 'meta' })), null, 'timed metadata track');
    assert.equal(await cleanMedia(mp4File({ brand: 'heic', compatible: 'mif1heic' })), null, 'HEIC picture');
    const url = full('url ', 0, latin('file:///home/fulana/grabacion.m4a\0'));
    assert.equal(await cleanMedia(mp4File({ dref: url })), null, 'data elsewhere');
    const file = mp4File();
    assert.equal(await cleanMedia(file.subarray(0, file.length - 10)), null, 'truncated mdat');
    assert.equal(await cleanMedia(file.subarray(0, 200)), null, 'truncated moov');
    assert.equal(
      await cleanMedia(mp4File({ extra: Buffer.from([0, 0, 0, 4, 0x66, 0x72, 0x65, 0x65]) })),
      null,
      'size 4',
    );
    assert.equal(await cleanMedia(mp4File({ extra: Buffer.concat([u32be(0), latin('free')]) })), null, 'size 0 inside');
    const noMoov = Buffer.concat([box('ftyp', latin('M4A '), u32be(0)), box('mdat', mp4Audio)]);
    assert.equal(await cleanMedia(noMoov), null, 'no moov');
  });
});

describe('MP3, ADTS AAC and AMR', () => {
  it('drops every ID3v2, APE, Lyrics3 and ID3v1 tag around MP3 frames', async () => {
    const file = Buffer.concat([
      id3v2(`${ARTIST}`, { footer: true, version: 4 }),
      id3v2(`GPS ${GPS}`),
      mp3Frames,
      id3v2(`appended ${ARTIST}`, { footer: true, version: 4 }),
      apev2('Artist', ARTIST),
      lyrics3(`${ARTIST} ${GPS}`),
      id3v1(ARTIST),
    ]);
    const out = await clean(file);
    assert.deepEqual([out.kind, out.mime], ['audio', 'audio/mpeg']);
    assertNoMarkers(out.data);
    assert.deepEqual(out.data, mp3Frames);
  });

  it('keeps the frames of the former ID3-only case', async () => {
    const out = await clean(Buffer.concat([latin('ID3\x03\x00\x00\x00\x00\x00\x0a'), latin('TPE1Fulana'), mp3Frames]));
    assert.equal(out.mime, 'audio/mpeg');
    assert.doesNotMatch(out.data.toString('latin1'), /Fulana|ID3/);
  });

  it('strips tags around a raw ADTS AAC stream and does not take it for MP3', async () => {
    const file = Buffer.concat([id3v2(ARTIST), adtsFrames, apev2('Location', GPS), id3v1(ARTIST)]);
    const out = await clean(file);
    assert.deepEqual([out.kind, out.mime], ['audio', 'audio/aac']);
    assert.deepEqual(out.data, adtsFrames);
    assert.equal((await clean(adtsFrames)).mime, 'audio/aac', 'bare ADTS');
    assert.equal((await clean(mp3Frames)).mime, 'audio/mpeg', 'bare MP3');
  });

  it('accepts AMR as it is', async () => {
    const nb = Buffer.concat([latin('#!AMR\n'), amrFrames]);
    assert.deepEqual(await clean(nb), { kind: 'audio', mime: 'audio/amr', data: nb });
    const wb = Buffer.concat([latin('#!AMR-WB\n'), amrWbFrames]);
    assert.equal((await clean(wb)).mime, 'audio/amr-wb');
    assert.equal(await cleanMedia(Buffer.concat([nb, latin(ARTIST)])), null, 'bytes after the last frame');
    assert.equal(await cleanMedia(nb.subarray(0, -1)), null, 'cut frame');
  });

  it('refuses truncated or foreign content behind audio tags', async () => {
    const tagged = Buffer.concat([id3v2(ARTIST), mp3Frames]);
    assert.equal(await cleanMedia(tagged.subarray(0, 20)), null, 'cut inside the ID3 tag');
    assert.equal(await cleanMedia(tagged.subarray(0, tagged.length - 100)), null, 'cut inside the last frame');
    assert.equal(await cleanMedia(Buffer.concat([id3v2(ARTIST), jpegFile(GPS).file])), null, 'a picture behind a tag');
    assert.equal(await cleanMedia(id3v2(ARTIST)), null, 'a tag and nothing else');
    assert.equal(await cleanMedia(Buffer.concat([mp3Frames, latin(`trailing ${ARTIST}`)])), null, 'unknown trailer');
    assert.equal(await cleanMedia(adtsFrames.subarray(0, adtsFrames.length - 1)), null, 'cut ADTS frame');
  });
});

describe('refusals and robustness', () => {
  const fixtures: [string, Buffer][] = [
    ['jpeg', jpegFile(GPS).file],
    ['wav', wavFile()],
    ['opus', opusFile(1, [`ARTIST=${ARTIST}`, `LOCATION=${GPS}`], 3)],
    [
      'vorbis',
      oggStream(2, [
        { packets: [vorbisId] },
        { packets: [vorbisComments, vorbisSetup] },
        { packets: vorbisAudio, eos: true },
      ]),
    ],
    ['mp4', mp4File()],
    ['mp3', Buffer.concat([id3v2(ARTIST, { footer: true }), mp3Frames, apev2('Artist', ARTIST), id3v1(ARTIST)])],
    ['adts', Buffer.concat([id3v2(GPS), adtsFrames, id3v1(ARTIST)])],
    ['amr', Buffer.concat([latin('#!AMR\n'), amrFrames])],
  ];

  // JPEG: the structural walk (this fixture is not decodable); the rest: the whole pipeline.
  const run = (name: string, b: Buffer) => (name === 'jpeg' ? structure(b) : cleanMedia(b));

  it('refuses what it cannot clean', async () => {
    assert.equal(await cleanMedia(Buffer.from('%PDF-1.7 secret')), null);
    assert.equal(await cleanMedia(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00])), null, 'truncated JPEG');
    assert.equal(await cleanMedia(Buffer.alloc(0)), null, 'empty');
    assert.equal(structure(jpegFile(GPS).file.subarray(0, -2)), null, 'JPEG without EOI');
    assert.equal(await cleanMedia(jpegFile(GPS).file), null, 'not a decodable picture');
  });

  it('never lets a marker through when a file is cut anywhere', async () => {
    const strict = new Set(['jpeg', 'mp4']); // no prefix of these is a whole file
    for (const [name, file] of fixtures) {
      for (let n = 0; n < file.length; n++) {
        const out = await run(name, file.subarray(0, n));
        if (out) assertNoMarkers(out.data);
        if (out && strict.has(name)) assert.fail(`${name} cut at ${n} of ${file.length} was accepted`);
      }
    }
  });

  // A hang fails through the test's timeout; how fast the cleaners are is for `npm run bench`, not a test.
  it('neither throws nor hangs on corrupted files', { timeout: 120_000 }, async () => {
    const next = random(2025);
    for (const [name, file] of fixtures) {
      for (let round = 0; round < 400; round++) {
        const bad = Buffer.from(file);
        const flips = 1 + Math.floor(next() * 4);
        for (let k = 0; k < flips; k++) bad[Math.floor(next() * bad.length)] = Math.floor(next() * 256);
        const out = await run(name, bad);
        assert.ok(out === null || Buffer.isBuffer(out.data), `${name} round ${round}`);
      }
    }
  });
});
