import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A versioned master key: 32 random bytes that wrap (encrypt) the data keys. */
export interface MasterKey {
  version: number;
  key: Buffer;
}

export class KeyError extends Error {
  override name = 'KeyError';
}

export const keyFileName = 'master.key';

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new KeyError(`${where} must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

/** Parses "v3:BASE64" (or bare BASE64, version 1) from MINKA_MASTER_KEY. */
export function parseEnvKey(value: string): MasterKey {
  const m = value.trim().match(/^v(\d+):(.+)$/);
  return m
    ? { version: Number(m[1]), key: decodeKey(m[2]!, 'MINKA_MASTER_KEY') }
    : { version: 1, key: decodeKey(value, 'MINKA_MASTER_KEY') };
}

/** Serialises a master key in the key-file / environment form "vN:BASE64". */
export const formatKey = (k: MasterKey) => `v${k.version}:${k.key.toString('base64')}`;

/** Writes the key file atomically with mode 0600. */
export function writeKeyFile(file: string, key: MasterKey): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${formatKey(key)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export const newMasterKey = (version: number): MasterKey => ({ version, key: randomBytes(32) });

/** The master key file: MINKA_MASTER_KEY_FILE when set, else master.key in the data dir. */
export const masterKeyFile = (c: { dataDir: string; MINKA_MASTER_KEY_FILE?: string }) =>
  c.MINKA_MASTER_KEY_FILE ? path.resolve(c.MINKA_MASTER_KEY_FILE) : path.join(c.dataDir, keyFileName);

/** True when the master key is read from a file inside the data dir (so one copy of the folder holds both). */
export function keyBesideData(c: {
  dataDir: string;
  MINKA_MASTER_KEY?: string;
  MINKA_MASTER_KEY_FILE?: string;
}): boolean {
  if (c.MINKA_MASTER_KEY) return false;
  const rel = path.relative(path.resolve(c.dataDir), masterKeyFile(c));
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The master key: MINKA_MASTER_KEY when set, else the key file (`file`, by default `<dataDir>/master.key`),
 * created (mode 0600) when `create` is true and no key exists yet.
 */
export function loadMasterKey(opts: { envKey?: string; dataDir: string; file?: string; create: boolean }): {
  key: MasterKey;
  source: string;
  created: boolean;
} {
  if (opts.envKey) return { key: parseEnvKey(opts.envKey), source: 'MINKA_MASTER_KEY', created: false };
  const file = opts.file ?? path.join(opts.dataDir, keyFileName);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const m = text.trim().match(/^v(\d+):(.+)$/);
    if (!m) throw new KeyError(`key file ${file} is not in the form vN:BASE64`);
    return { key: { version: Number(m[1]), key: decodeKey(m[2]!, `key file ${file}`) }, source: file, created: false };
  }
  if (!opts.create)
    throw new KeyError(`no master key: set MINKA_MASTER_KEY or create ${file} (minka serve creates it)`);
  const key = newMasterKey(1);
  writeKeyFile(file, key);
  return { key, source: file, created: true };
}
