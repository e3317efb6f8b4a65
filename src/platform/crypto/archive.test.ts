import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ArchiveWriter, extractArchive, masterKeyId, readHeader } from './archive';
import { newMasterKey } from './keys';

describe('sealed backup archive', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'minka-archive-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const master = newMasterKey(3);
  // Over two chunks, so order and truncation checks have something to bite on.
  const big = Buffer.alloc(1_500_000, 7);
  const make = (name: string) => {
    const file = path.join(dir, name);
    const w = new ArchiveWriter(file, master, { engine: 'test' });
    w.addBuffer('a/zqsecret.txt', Buffer.from('zqplain fake person'));
    w.addBuffer('b/big.bin', big);
    w.addBuffer('empty', Buffer.alloc(0));
    w.close();
    return file;
  };
  const out = (name: string) => mkdtempSync(path.join(dir, `${name}-`));

  it('round-trips entries, names its key, is 0600 and shows no plain text', () => {
    const file = make('ok.backup');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readHeader(file).header.keyId, masterKeyId(master));
    assert.doesNotMatch(readFileSync(file).toString('latin1'), /zqplain/);
    const to = out('ok');
    const r = extractArchive(file, master, to);
    assert.deepEqual(r.names, ['a/zqsecret.txt', 'b/big.bin', 'empty']);
    assert.equal(readFileSync(path.join(to, 'a/zqsecret.txt'), 'utf8'), 'zqplain fake person');
    assert.ok(readFileSync(path.join(to, 'b/big.bin')).equals(big));
    assert.equal(statSync(path.join(to, 'b/big.bin')).mode & 0o777, 0o600);
  });

  it('refuses a wrong key before writing anything, and a changed or cut file', () => {
    const file = make('bad.backup');
    const to = out('wrong');
    assert.throws(() => extractArchive(file, newMasterKey(3), to), /sealed with master key v3-.*nothing was changed/);
    assert.deepEqual(readdirSync(to), []);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100]! ^= 1;
    writeFileSync(path.join(dir, 'flipped.backup'), bytes);
    assert.throws(
      () => extractArchive(path.join(dir, 'flipped.backup'), master, out('flip')),
      /damaged or was altered/,
    );
    const cut = path.join(dir, 'cut.backup');
    writeFileSync(cut, readFileSync(file));
    truncateSync(cut, statSync(cut).size - 200);
    assert.throws(() => extractArchive(cut, master, out('cut')), /damaged|cut short/);
  });
});
