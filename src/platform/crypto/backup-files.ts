import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseStore, type FilesConfig, filesDir, isBlobId, localFilesDir, openFileStore } from '../blobs/index';
import type { DbHandle } from '../db/index';

// Which attachments a backup carries as files, and where a restore puts them. Attachments in the database store
// travel with the database itself; files on disk (the directory store, and a node's folder from before the store
// whose files are not moved in yet) travel as `attachments/<id>.bin` entries.

const suffix = '.bin';

/** The folders that may hold attachment files under this configuration (store directory first), without repeats. */
export function fileDirs(c: FilesConfig): string[] {
  const dirs = c.MINKA_FILE_STORE === 'directory' ? [filesDir(c), localFilesDir(c)] : [localFilesDir(c)];
  return [...new Set(dirs)];
}

/** Attachment files on disk: name (`<id>.bin`), path and size; the store's copy first when a name is in two folders. */
export function diskFiles(c: FilesConfig): { name: string; file: string; size: number }[] {
  const out = new Map<string, { name: string; file: string; size: number }>();
  for (const dir of fileDirs(c)) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(suffix) || !isBlobId(name.slice(0, -suffix.length)) || out.has(name)) continue;
      const file = path.join(dir, name);
      try {
        const st = statSync(file);
        if (st.isFile()) out.set(name, { name, file, size: st.size });
      } catch {
        // deleted since the listing (retention): not part of the backup
      }
    }
  }
  return [...out.values()];
}

/** True when any folder that may hold attachment files holds one. */
export const holdsFiles = (c: FilesConfig) => diskFiles(c).length > 0;

/**
 * Puts a restored archive's attachment files where the configuration keeps attachments: the directory store's
 * folder is swapped whole; with the database store each file is added to the (already restored) database. Files of
 * the replaced installation in this node's old folder go. Answers how many attachments the store holds afterwards.
 */
export async function placeFiles(c: FilesConfig, db: DbHandle, staged: string): Promise<number> {
  const local = localFilesDir(c);
  if (c.MINKA_FILE_STORE === 'directory') {
    swapIn(filesDir(c), existsSync(staged) ? staged : null);
    if (local !== filesDir(c)) rmSync(local, { recursive: true, force: true });
  } else {
    const store = new DatabaseStore(db.db);
    if (existsSync(staged))
      for (const name of readdirSync(staged).sort()) {
        const id = name.slice(0, -suffix.length);
        if (name.endsWith(suffix) && isBlobId(id)) await store.add(id, readFileSync(path.join(staged, name)));
      }
    rmSync(local, { recursive: true, force: true });
  }
  return openFileStore(c, db.db).count();
}

/** Replaces a folder by another (or by an empty one); the old one is removed only once the new one is in place. */
function swapIn(target: string, from: string | null) {
  const old = `${target}.replaced-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  if (!from) mkdirSync(target, { recursive: true, mode: 0o700 });
  else
    try {
      renameSync(from, target);
    } catch (e) {
      // A shared mount is another file system: copied instead (the staged files are 0600, the folder 0700).
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      cpSync(from, target, { recursive: true, preserveTimestamps: true });
    }
  rmSync(old, { recursive: true, force: true });
}
