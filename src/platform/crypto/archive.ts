import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { KeyError, type MasterKey } from './keys';

// One file holds a whole backup: a plain header (format, the id of the key that sealed it, a salt), then the
// payload in AES-256-GCM chunks. Each chunk's AAD binds the header, its position and whether it is the last, so
// a chunk cannot be swapped, dropped or a file cut short without the restore noticing before it changes anything.
// The payload is a sequence of entries: a JSON line {name, size} followed by that many bytes.

const magic = 'MINKA-BACKUP-1\n';
const chunkSize = 1 << 20;

export interface ArchiveHeader {
  format: 1;
  /** Which master key sealed it ("v2-1a2b…": version and a fingerprint that reveals nothing of the key). */
  keyId: string;
  salt: string;
  createdAt: string;
  /** What the archive holds, for the operator (engine, counts). */
  about: Record<string, unknown>;
}

/** A fingerprint of a master key, safe to print and to store in a backup's header. */
export function masterKeyId(master: MasterKey): string {
  const fp = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), Buffer.from('minka:key-id'), 8));
  return `v${master.version}-${fp.toString('hex')}`;
}

const archiveKey = (master: MasterKey, salt: Buffer) =>
  Buffer.from(hkdfSync('sha256', master.key, salt, Buffer.from('minka:backup'), 32));

const chunkAad = (headerHash: Buffer, index: number, last: boolean) => {
  const b = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(b);
  b.writeUInt32BE(index, headerHash.length);
  b[headerHash.length + 4] = last ? 1 : 0;
  return b;
};

/** Writes an archive (mode 0600) sealed with a key derived from the master key. */
export class ArchiveWriter {
  private fd: number;
  private key: Buffer;
  private headerHash: Buffer;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private index = 0;

  constructor(file: string, master: MasterKey, about: Record<string, unknown>) {
    const salt = randomBytes(16);
    const header: ArchiveHeader = {
      format: 1,
      keyId: masterKeyId(master),
      salt: salt.toString('base64'),
      createdAt: new Date().toISOString(),
      about,
    };
    const line = `${JSON.stringify(header)}\n`;
    this.fd = openSync(file, 'wx', 0o600);
    chmodSync(file, 0o600);
    writeSync(this.fd, magic + line);
    this.headerHash = createHash('sha256').update(line).digest();
    this.key = archiveKey(master, salt);
  }

  private write(buf: Buffer): void {
    this.pending.push(buf);
    this.pendingSize += buf.length;
    while (this.pendingSize > chunkSize) {
      const all = Buffer.concat(this.pending);
      this.seal(all.subarray(0, chunkSize), false);
      this.pending = [all.subarray(chunkSize)];
      this.pendingSize = all.length - chunkSize;
    }
  }

  private seal(plain: Buffer, last: boolean): void {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(chunkAad(this.headerHash, this.index++, last));
    const data = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    writeSync(this.fd, Buffer.concat([len, iv, data]));
  }

  /** Adds an entry from memory. */
  addBuffer(name: string, data: Buffer): void {
    this.write(Buffer.from(`${JSON.stringify({ name, size: data.length })}\n`));
    this.write(data);
  }

  /** Adds an entry from a file, read in chunks. */
  addFile(name: string, file: string, size: number): void {
    this.write(Buffer.from(`${JSON.stringify({ name, size })}\n`));
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(chunkSize);
      let left = size;
      while (left > 0) {
        const n = readSync(fd, buf, 0, Math.min(chunkSize, left), null);
        if (n === 0) throw new Error(`${file} changed while it was being backed up`);
        this.write(Buffer.from(buf.subarray(0, n)));
        left -= n;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Seals the last chunk and closes the file. */
  close(): void {
    this.write(Buffer.from(`${JSON.stringify({ end: true })}\n`));
    this.seal(Buffer.concat(this.pending), true);
    closeSync(this.fd);
  }
}

/** Reads an archive's plain header (without any key). */
export function readHeader(file: string): { header: ArchiveHeader; offset: number; line: string } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const end = text.indexOf('\n', magic.length);
    if (!text.startsWith(magic) || end < 0) throw new KeyError(`${file} is not a Minka backup`);
    const line = text.slice(magic.length, end + 1);
    return { header: JSON.parse(line) as ArchiveHeader, offset: Buffer.byteLength(magic + line), line };
  } finally {
    closeSync(fd);
  }
}

const safeName = (name: string) => {
  const norm = path.posix.normalize(name);
  if (norm.startsWith('/') || norm.startsWith('..') || norm.includes('\0')) throw new KeyError(`unsafe name ${name}`);
  return norm;
};

/**
 * Opens and checks a whole archive, writing its entries under `dir` (files 0600). Refuses a wrong key before
 * reading the payload, and any tampered, reordered or truncated chunk; the caller changes nothing before this returns.
 */
export function extractArchive(
  file: string,
  master: MasterKey,
  dir: string,
): { header: ArchiveHeader; names: string[] } {
  const { header, offset, line } = readHeader(file);
  if (header.keyId !== masterKeyId(master))
    throw new KeyError(
      `this backup was sealed with master key ${header.keyId}, but the key given is ${masterKeyId(master)}; nothing was changed`,
    );
  const key = archiveKey(master, Buffer.from(header.salt, 'base64'));
  const headerHash = createHash('sha256').update(line).digest();
  const fd = openSync(file, 'r');
  const names: string[] = [];
  let pos = offset;
  let index = 0;
  let rest = Buffer.alloc(0);
  let current: { fd: number; left: number } | null = null;
  let ended = false;
  const read = (n: number) => {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, pos);
    pos += got;
    return b.subarray(0, got);
  };
  try {
    while (!ended) {
      const len = read(4);
      if (len.length < 4) throw new KeyError('the backup is cut short');
      const iv = read(12);
      const data = read(len.readUInt32BE(0));
      const peek = read(1);
      const last = peek.length === 0;
      pos -= peek.length;
      const d = createDecipheriv('aes-256-gcm', key, iv);
      d.setAAD(chunkAad(headerHash, index++, last));
      d.setAuthTag(data.subarray(data.length - 16));
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]);
      } catch {
        throw new KeyError(`the backup is damaged or was altered (chunk ${index - 1}); nothing was changed`);
      }
      rest = Buffer.concat([rest, plain]);
      // Entries: a header line, then bytes streamed to their file.
      for (;;) {
        if (current) {
          const take = Math.min(current.left, rest.length);
          writeSync(current.fd, rest.subarray(0, take));
          current.left -= take;
          rest = rest.subarray(take);
          if (current.left > 0) break;
          closeSync(current.fd);
          current = null;
        }
        const nl = rest.indexOf(10);
        if (nl < 0) break;
        const entry = JSON.parse(rest.subarray(0, nl).toString('utf8')) as { name?: string; size?: number; end?: true };
        rest = rest.subarray(nl + 1);
        if (entry.end) {
          ended = true;
          break;
        }
        const name = safeName(entry.name!);
        const target = path.join(dir, name);
        mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        current = { fd: openSync(target, 'wx', 0o600), left: entry.size! };
        names.push(name);
      }
      if (last && !ended) throw new KeyError('the backup is cut short');
    }
    if (current) throw new KeyError('the backup is cut short');
    return { header, names };
  } finally {
    if (current) closeSync(current.fd);
    closeSync(fd);
  }
}
