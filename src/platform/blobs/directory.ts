import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type BlobStore, blobId, isBlobId } from './store';

const suffix = '.bin';
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/**
 * Attachments as files `<id>.bin` in one directory (mode 0700, files 0600), for a mount every node shares. A file is
 * written beside its final name, flushed to disk, then renamed over it: a reader sees the old bytes or the new,
 * never part of a file. This is also the layout of the attachments folder before the store existed.
 */
export class DirectoryStore implements BlobStore {
  readonly kind = 'directory';
  constructor(readonly dir: string) {}

  private file = (id: string) => path.join(this.dir, `${blobId(id)}${suffix}`);

  /** Writes the bytes to a fresh temporary file in the directory, flushed to disk; its path. */
  private async stage(bytes: Buffer): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = path.join(this.dir, `.${randomUUID()}.tmp`);
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return tmp;
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const file = this.file(id);
    await rename(await this.stage(bytes), file);
  }

  async add(id: string, bytes: Buffer): Promise<boolean> {
    const file = this.file(id);
    if (existsSync(file)) return false;
    const tmp = await this.stage(bytes);
    try {
      // A hard link never replaces an existing name: of two nodes adding at once, one wins, the other sees EEXIST.
      await link(tmp, file);
      return true;
    } catch (e) {
      if (code(e) === 'EEXIST') return false;
      // A shared file system without hard links: the small window between the check and the rename is accepted.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code(e) ?? '')) throw e;
      if (existsSync(file)) return false;
      await rename(tmp, file);
      return true;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async replace(id: string, bytes: Buffer): Promise<boolean> {
    const file = this.file(id);
    if (!existsSync(file)) return false;
    await rename(await this.stage(bytes), file);
    return true;
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(id));
    } catch (e) {
      if (code(e) === 'ENOENT') return null;
      throw e;
    }
  }

  async head(id: string, length: number): Promise<Buffer | null> {
    let fh: Awaited<ReturnType<typeof open>>;
    try {
      fh = await open(this.file(id), 'r');
    } catch (e) {
      if (code(e) === 'ENOENT') return null;
      throw e;
    }
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    for (const id of ids) await rm(this.file(id), { force: true });
  }

  /** Every stored id, sorted (temporary files and anything not named like a blob left out). */
  async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if (code(e) === 'ENOENT') return [];
      throw e;
    }
    return names
      .filter((n) => n.endsWith(suffix))
      .map((n) => n.slice(0, -suffix.length))
      .filter(isBlobId)
      .sort();
  }

  async list(after: string, limit: number): Promise<string[]> {
    return (await this.ids()).filter((id) => id > after).slice(0, limit);
  }

  async count(): Promise<number> {
    return (await this.ids()).length;
  }

  /** The path of a stored blob's file (backups copy files as they are). */
  pathOf = (id: string) => this.file(id);
}
