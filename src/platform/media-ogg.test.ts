import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTIST,
  assertNoMarkers,
  assertOggSequences,
  emptyOpusTags,
  filler,
  GPS,
  latin,
  oggStream,
  opusAudio,
  opusFile,
  opusHead,
  opusTags,
  readOgg,
  vorbisAudio,
  vorbisComments,
  vorbisId,
  vorbisSetup,
} from '../../tests/support/media-fixtures';
import { cleanMedia, type Media } from './media';

// Ogg voice notes through the pipeline: comment headers emptied, pages rebuilt and renumbered, CRCs fresh.

async function clean(b: Buffer): Promise<Media> {
  const m = await cleanMedia(b);
  assert.ok(m, 'the file was refused');
  return m;
}

describe('Ogg voice notes (Opus, Vorbis)', () => {
  it('empties the OpusTags of a WhatsApp-like voice note and keeps every page valid', async () => {
    const file = opusFile();
    const before = readOgg(file);
    const out = await clean(file);
    assert.deepEqual([out.kind, out.mime], ['audio', 'audio/ogg']);
    assert.equal(out.data.toString('latin1', 0, 4), 'OggS');
    assertNoMarkers(out.data);
    const after = readOgg(out.data);
    assert.equal(after.pages.length, before.pages.length);
    assertOggSequences(after.pages);
    assert.deepEqual(after.packets.get(0x1234), [opusHead, emptyOpusTags, ...opusAudio]);
    assert.deepEqual(
      after.pages.map((p) => [p.flags, p.granule]),
      before.pages.map((p) => [p.flags, p.granule]),
    );
  });

  it('rewrites comments spanning several pages into one and renumbers the pages after it', async () => {
    const cover = `METADATA_BLOCK_PICTURE=${'x'.repeat(3000)}${ARTIST}`;
    const file = opusFile(7, [`ARTIST=${ARTIST}`, cover, `LOCATION=${GPS}`], 4);
    const before = readOgg(file);
    assert.ok(before.pages.length >= 6, 'the comments spread over several pages');
    const out = await clean(file);
    assertNoMarkers(out.data);
    const after = readOgg(out.data);
    assert.equal(after.pages.length, 4, 'head, comments, two audio pages');
    assertOggSequences(after.pages);
    assert.deepEqual(after.packets.get(7), [opusHead, emptyOpusTags, ...opusAudio]);
    assert.equal(after.pages.at(-1)!.flags & 4, 4, 'EOS kept');
    assert.equal(after.pages.at(-1)!.granule, 2880n);
  });

  it('keeps audio packets that run across pages', async () => {
    const long = Buffer.concat([latin('LONG-OPUS-PACKET'), filler(2000, 5)]);
    const file = oggStream(9, [
      { packets: [opusHead] },
      { packets: [opusTags([`ARTIST=${ARTIST}`])] },
      { packets: [long, opusAudio[0]!], perPage: 3, granule: 960n, eos: true },
    ]);
    const after = readOgg((await clean(file)).data);
    assertOggSequences(after.pages);
    assert.deepEqual(after.packets.get(9), [opusHead, emptyOpusTags, long, opusAudio[0]]);
  });

  it('empties the Vorbis comment header and keeps the setup header on the same page', async () => {
    const file = oggStream(42, [
      { packets: [vorbisId] },
      { packets: [vorbisComments, vorbisSetup] },
      { packets: vorbisAudio, granule: 1024n, eos: true },
    ]);
    const out = await clean(file);
    assert.equal(out.mime, 'audio/ogg');
    assertNoMarkers(out.data);
    const after = readOgg(out.data);
    assertOggSequences(after.pages);
    const emptyComments = Buffer.concat([latin('\x03vorbis'), Buffer.alloc(8), Buffer.from([1])]);
    assert.deepEqual(after.packets.get(42), [vorbisId, emptyComments, vorbisSetup, ...vorbisAudio]);
  });

  it('cleans every stream of a chained file', async () => {
    const out = await clean(Buffer.concat([opusFile(1), opusFile(2, [`TITLE=${GPS}`, 'x'.repeat(600)], 1)]));
    assertNoMarkers(out.data);
    const after = readOgg(out.data);
    assertOggSequences(after.pages);
    assert.deepEqual(after.packets.get(2), [opusHead, emptyOpusTags, ...opusAudio]);
  });

  it('refuses broken, truncated or foreign Ogg streams', async () => {
    const file = opusFile();
    assert.equal(await cleanMedia(file.subarray(0, file.length - 10)), null, 'cut inside the last page');
    assert.equal(await cleanMedia(file.subarray(0, 40)), null, 'cut inside the first page');
    assert.equal(await cleanMedia(Buffer.concat([file, latin(ARTIST)])), null, 'bytes after the last page');
    const firstPage = 27 + 1 + opusHead.length;
    assert.equal(await cleanMedia(file.subarray(0, firstPage)), null, 'no comment header');
    const corrupt = Buffer.from(file);
    corrupt[corrupt.length - 5] = corrupt[corrupt.length - 5]! ^ 0x40;
    assert.equal(await cleanMedia(corrupt), null, 'bad CRC');
    const speex = oggStream(3, [
      { packets: [Buffer.concat([latin('Speex   '), filler(72, 1)])] },
      { packets: [latin(`vendor ${ARTIST}`)] },
    ]);
    assert.equal(await cleanMedia(speex), null, 'not Opus nor Vorbis');
    const audioOnCommentPage = oggStream(4, [
      { packets: [opusHead] },
      { packets: [opusTags([]), opusAudio[0]!], eos: true },
    ]);
    assert.equal(await cleanMedia(audioOnCommentPage), null, 'audio on the comment page');
    const other = opusFile(5);
    const stray = Buffer.concat([file, other.subarray(other.lastIndexOf('OggS'))]);
    assert.equal(await cleanMedia(stray), null, 'page of no known stream');
  });
});
