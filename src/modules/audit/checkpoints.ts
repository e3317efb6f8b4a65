import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config';
import type { Anchor } from './chain';
import type { AuditKeyring } from './keys';
import type { checkpointProblemCodes } from './schema';

/** What a checkpoint signs: the chain head at one moment. */
export interface CheckpointBody {
  format: 'minka-audit-checkpoint/1';
  entryId: number;
  mac: string;
  keyId: string;
  count: number;
  /** The first entry chained with a MAC; entries before it are plain SHA-256 from before the upgrade. */
  keyedFrom: number;
  /** When the head entry was written. */
  entryAt: string;
  signedAt: string;
  signingKeyId: string;
}

export interface CheckpointProblem {
  file: string;
  code: (typeof checkpointProblemCodes)[number];
  reason: string;
}

export interface CheckpointScan {
  anchors: Anchor[];
  checked: number;
  latest: { entryId: number; signedAt: string } | null;
  problems: CheckpointProblem[];
}

/** The checkpoint directory: MINKA_AUDIT_CHECKPOINT_DIR, else <data dir>/audit-checkpoints. */
export const checkpointDir = (config: Config) =>
  config.MINKA_AUDIT_CHECKPOINT_DIR
    ? path.resolve(config.MINKA_AUDIT_CHECKPOINT_DIR)
    : path.join(config.dataDir, 'audit-checkpoints');

export const publicKeyFile = (kid: string) => `audit-signing-${kid}.pem`;

/**
 * Writes a signed checkpoint as two files, `<name>.json` (the exact bytes signed) and `<name>.sig` (the raw
 * Ed25519 signature), plus the public key beside them; the directory is 0700 and every file 0600.
 */
export function writeCheckpoint(dir: string, ring: AuditKeyring, body: CheckpointBody): string {
  const key = ring.signingKey(body.signingKeyId);
  if (!key) throw new Error(`no signing key ${body.signingKeyId}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const pem = path.join(dir, publicKeyFile(body.signingKeyId));
  if (!existsSync(pem))
    writeFileSync(pem, ring.publicKey(body.signingKeyId)!.export({ type: 'spki', format: 'pem' }), { mode: 0o600 });
  const bytes = Buffer.from(`${JSON.stringify(body)}\n`, 'utf8');
  const name = `checkpoint-${body.signedAt.replace(/[-:.]/g, '')}-${body.entryId}`;
  writeFileSync(path.join(dir, `${name}.sig`), sign(null, bytes, key), { mode: 0o600, flag: 'wx' });
  writeFileSync(path.join(dir, `${name}.json`), bytes, { mode: 0o600, flag: 'wx' });
  return path.join(dir, `${name}.json`);
}

function publicKeyFor(dir: string, ring: AuditKeyring, kid: string): KeyObject | undefined {
  // The key derived from the master key is authoritative; a .pem in the directory could have been replaced.
  const derived = ring.publicKey(kid);
  if (derived) return derived;
  const file = path.join(dir, publicKeyFile(kid));
  return existsSync(file) ? createPublicKey(readFileSync(file)) : undefined;
}

function parseBody(bytes: Buffer): CheckpointBody | null {
  try {
    const b = JSON.parse(bytes.toString('utf8')) as CheckpointBody;
    const okNumbers = [b.entryId, b.count, b.keyedFrom].every((n) => Number.isInteger(n) && n >= 0);
    const okStrings = [b.mac, b.keyId, b.signingKeyId, b.signedAt].every((s) => typeof s === 'string');
    return b.format === 'minka-audit-checkpoint/1' && okNumbers && okStrings ? b : null;
  } catch {
    return null;
  }
}

/**
 * Reads every checkpoint in `dir` and checks its signature; a well-signed one becomes an anchor the chain must
 * still contain, a forged or unreadable one is a problem. Throws when `dir` is not a readable directory.
 */
export function scanCheckpoints(dir: string, ring: AuditKeyring): CheckpointScan {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
  const scan: CheckpointScan = { anchors: [], checked: 0, latest: null, problems: [] };
  for (const file of readdirSync(dir)
    .filter((f) => /^checkpoint-.*\.json$/.test(f))
    .sort()) {
    const full = path.join(dir, file);
    const sigFile = full.replace(/\.json$/, '.sig');
    const bytes = readFileSync(full);
    const body = parseBody(bytes);
    if (!body || !existsSync(sigFile)) {
      scan.problems.push({ file, code: 'unreadable', reason: 'not a checkpoint, or its .sig file is missing' });
      continue;
    }
    const key = publicKeyFor(dir, ring, body.signingKeyId);
    if (!key) {
      scan.problems.push({
        file,
        code: 'unknown_signing_key',
        reason: `signed with key ${body.signingKeyId}, which neither the master key nor ${publicKeyFile(body.signingKeyId)} provides`,
      });
      continue;
    }
    if (!verify(null, bytes, key, readFileSync(sigFile))) {
      scan.problems.push({
        file,
        code: 'bad_signature',
        reason: 'signature does not match (forged or altered checkpoint)',
      });
      continue;
    }
    scan.checked++;
    scan.anchors.push({ entryId: body.entryId, mac: body.mac, keyId: body.keyId, keyedFrom: body.keyedFrom, file });
    if (!scan.latest || body.signedAt > scan.latest.signedAt)
      scan.latest = { entryId: body.entryId, signedAt: body.signedAt };
  }
  return scan;
}
