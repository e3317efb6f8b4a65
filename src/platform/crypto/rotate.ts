import { randomUUID } from 'node:crypto';
import type { BlobStore } from '../blobs/index';
import { nowIso } from '../db/index';
import { type FieldContext, type FieldCrypto, keyIdOf } from './fields';
import { KeyError } from './keys';
import * as repo from './repo-rotation';

// Key rotation that the service survives: the new key is stored (and the old one retired) first; running servers
// load it within MINKA_KEY_REFRESH_SECONDS, so the rotation waits that long before it writes anything under it.
// Then every value is re-sealed (or every blind index recomputed) in batches, one transaction each, with the
// position saved in the same transaction: a crash resumes from the last committed batch. Old keys stay
// readable until the end, and are destroyed only after a sweep finds nothing left under them.

/** A blind index kept in a column of the same row as the sealed value it indexes. */
export interface ColumnIndex {
  table: string;
  column: string;
  source: string;
  purpose: string;
  normalise: (plain: string) => string;
  /** Only rows that have an index get one again (some rows are sealed but deliberately not indexed). */
  onlyIndexed?: boolean;
}

/** A set of blind indexes kept in rows of another table (e.g. a person's phonetic name keys). */
export interface SetIndex {
  table: string;
  sources: string[];
  purpose: string;
  values: (...plain: (string | null)[]) => string[];
  into: { table: string; ref: string; column: string };
}

export type IndexSpec = ColumnIndex | SetIndex;

export interface RotateOptions {
  /** Rows (or files) per batch and transaction. */
  batchSize?: number;
  /** How long running servers need to load a new key (0 when none runs). */
  waitMs: number;
  /** Stop after this many batches (the rotation resumes on the next run); for tests and short maintenance windows. */
  maxBatches?: number;
  /**
   * The attachments store, whose files are sealed with data keys; files a node still keeps in its own folder from
   * before the store are moved into it first.
   */
  files?: BlobStore & { moveLocalFiles?(): Promise<unknown> };
  indexes: IndexSpec[];
  sleep?: (ms: number) => Promise<void>;
  report?: (line: string) => void;
}

export interface RotateResult {
  done: boolean;
  changed: number;
  batches: number;
  rotationId: string;
  resumed: boolean;
}

interface Progress {
  table: string;
  after: string;
  sweepChanged?: number;
}

type Phase = repo.KeyRotationTable['phase'];

/** Where a sealed column's value belongs: the convention every module follows (column name without `_enc`). */
const placeOf = (table: string, row: string, column: string): FieldContext => ({
  table,
  row,
  column: column.replace(/_enc$/, ''),
});

/** Which table a stored attachment belongs to, by its id in the store (see each module's files.ts). */
function fileContext(name: string): FieldContext | null {
  const m = name.match(/^(case-|plan-)?([0-9a-f-]{36})$/);
  if (!m) return null;
  const table = m[1] === 'case-' ? 'case_files' : m[1] === 'plan-' ? 'plan_documents' : 'report_files';
  return { table, row: m[2]!, column: 'data' };
}

/**
 * Runs (or resumes) a rotation of the data keys (`data`: every sealed value and attachment re-sealed under a new
 * key) or of the blind-index key (`index`: every blind index recomputed); finishes by destroying the old keys.
 */
export async function rotate(
  db: repo.Q,
  crypto: FieldCrypto,
  kind: 'data' | 'index',
  opts: RotateOptions,
): Promise<RotateResult> {
  const size = opts.batchSize ?? 200;
  const say = opts.report ?? (() => {});
  const purpose = kind === 'data' ? 'field' : 'index';
  if (kind === 'data' && !opts.files)
    throw new KeyError('a data-key rotation needs the attachments store; nothing was changed');
  const all = await repo.tablesWithColumns(db);
  // `*_index` columns are blind indexes by convention: one missing from the list would be left under a key about to
  // be destroyed, so its lookups would silently find nothing. Refused before anything changes.
  if (kind === 'index') {
    const listed = new Set(
      opts.indexes.map((s) => ('column' in s ? `${s.table}.${s.column}` : `${s.into.table}.${s.into.column}`)),
    );
    const unlisted = all
      .flatMap((t) => t.columns.filter((c) => c.endsWith('_index')).map((c) => `${t.name}.${c}`))
      .filter((c) => !listed.has(c));
    if (unlisted.length)
      throw new KeyError(`no rebuild is listed for the blind index ${unlisted.join(', ')}; nothing was changed`);
  }
  let rot = await repo.unfinished(db, kind);
  const resumed = Boolean(rot);
  if (!rot) {
    await crypto.refresh();
    const key = crypto.newDataKey(purpose);
    const now = new Date();
    const row: repo.KeyRotationTable = {
      id: randomUUID(),
      kind,
      new_key_id: key.id,
      old_key_ids: JSON.stringify(crypto.keysOf(purpose)),
      phase: 'waiting',
      progress: JSON.stringify({ table: '', after: '' }),
      batches: 0,
      changed: 0,
      started_at: now.toISOString(),
      not_before: new Date(now.getTime() + opts.waitMs).toISOString(),
      finished_at: null,
    };
    await repo.begin(db, key, JSON.parse(row.old_key_ids) as string[], row);
    rot = row;
    say(`new ${kind === 'data' ? 'data' : 'blind-index'} key ${key.id}; old keys retired but still readable`);
  } else {
    say(`resuming the ${kind} rotation started ${rot.started_at} (${rot.batches} batches done)`);
  }
  await crypto.refresh();
  if (crypto.activeKey(purpose) !== rot.new_key_id) throw new KeyError(`key ${rot.new_key_id} is not the active key`);
  const waitFor = Date.parse(rot.not_before) - Date.now();
  if (waitFor > 0) {
    say(`waiting ${Math.ceil(waitFor / 1000)} s so that running servers load the new key`);
    await (opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(waitFor);
  }

  const state = { batches: 0, changed: 0 };
  const id = rot.id;
  const newKey = rot.new_key_id;
  let phase: Phase = rot.phase === 'waiting' ? 'rows' : rot.phase;
  let progress = JSON.parse(rot.progress) as Progress;
  const result = (done: boolean): RotateResult => ({ done, ...state, rotationId: id, resumed });

  const sealed = all
    .filter((t) => t.columns.includes('id'))
    .map((t) => ({ name: t.name, columns: t.columns.filter((c) => c.endsWith('_enc')) }))
    .filter((t) => t.columns.length > 0);
  const unsealable = all.filter((t) => !t.columns.includes('id') && t.columns.some((c) => c.endsWith('_enc')));
  if (unsealable.length)
    throw new KeyError(`tables without an id column hold sealed values: ${unsealable.map((t) => t.name)}`);
  // An index walk is named by its position and target, as one table may carry several indexes.
  const tableNames =
    kind === 'data'
      ? sealed.map((t) => t.name)
      : opts.indexes.map((s, i) => `${i}:${s.table}.${'column' in s ? s.column : s.into.table}`);

  // What comes after a batch: the next cursor in this walk, or the next walk (rows, files, then sweeps until one
  // finds nothing left under an old key: a server that had not yet loaded the new key may have written under one).
  const advance = (more: Progress | null, changed: number): { phase: Phase; progress: Progress } => {
    const swept = (progress.sweepChanged ?? 0) + (phase.startsWith('sweep') ? changed : 0);
    if (more) return { phase, progress: { ...more, sweepChanged: swept } };
    const fresh = (sweepChanged: number) => ({ table: '', after: '', sweepChanged });
    if (kind === 'index' || (phase === 'sweep-files' && swept === 0)) return { phase: 'done', progress: fresh(0) };
    if (phase === 'rows') return { phase: 'files', progress: fresh(0) };
    if (phase === 'sweep-rows') return { phase: 'sweep-files', progress: fresh(swept) };
    return { phase: 'sweep-rows', progress: fresh(0) };
  };

  // One batch of one table: re-seal (data) or recompute (index) rows after the cursor, saving the next position
  // in the same transaction.
  const rowBatch = (p: Progress) =>
    db.transaction().execute(async (trx) => {
      const tableName = p.table || tableNames[0]!;
      const at = tableNames.indexOf(tableName);
      let changed = 0;
      let last = p.after;
      let count = 0;
      if (kind === 'data') {
        const t = sealed[at]!;
        const rows = await repo.rowsNotUnder(trx, t.name, t.columns, newKey, p.after, size);
        for (const r of rows) {
          const set: Record<string, string> = {};
          for (const c of t.columns) {
            const v = r[c];
            if (!v?.startsWith('enc1.')) continue;
            const next = crypto.reseal(v, placeOf(t.name, r.id!, c));
            if (next) set[c] = next;
          }
          if (Object.keys(set).length) {
            await repo.updateRow(trx, t.name, r.id!, set);
            changed++;
          }
          last = r.id!;
        }
        count = rows.length;
      } else {
        const spec = opts.indexes[at]!;
        const sources = 'source' in spec ? [spec.source] : spec.sources;
        const current = 'source' in spec && spec.onlyIndexed ? [spec.column] : [];
        const rows = await repo.rowsAfter(trx, spec.table, [...sources, ...current], p.after, size);
        for (const r of rows) {
          last = r.id!;
          if (current.length && r[current[0]!] == null) continue;
          const plain = sources.map((c) => crypto.decryptOptional(r[c], placeOf(spec.table, r.id!, c)));
          if ('source' in spec) {
            const v = plain[0] ? crypto.blindIndexWith(newKey, spec.purpose, spec.normalise(plain[0])) : null;
            await repo.updateRow(trx, spec.table, r.id!, { [spec.column]: v });
          } else {
            const values = spec.values(...plain).map((k) => crypto.blindIndexWith(newKey, spec.purpose, k));
            await repo.replaceSet(trx, spec.into.table, spec.into.ref, spec.into.column, r.id!, values);
          }
          changed++;
        }
        count = rows.length;
      }
      const more =
        count === size
          ? { table: tableName, after: last }
          : at + 1 < tableNames.length
            ? { table: tableNames[at + 1]!, after: '' }
            : null;
      const next = advance(more, changed);
      await repo.saveProgress(trx, id, {
        phase: next.phase,
        progress: JSON.stringify(next.progress),
        addChanged: changed,
      });
      return { next, changed };
    });

  // Attachments: each file re-sealed and replaced atomically, a page of ids at a time; a file already under the new
  // key is left alone (only its header is read), so a batch repeated after a crash does no harm, and a file deleted
  // meanwhile stays deleted.
  const fileBatch = async (p: Progress) => {
    const files = opts.files!;
    if (!p.after) await files.moveLocalFiles?.();
    const ids = await files.list(p.after, size);
    let changed = 0;
    for (const id of ids) {
      const ctx = fileContext(id);
      const head = await files.head(id, 64);
      if (!head) continue;
      if (!ctx || !keyIdOf(head)) throw new KeyError(`attachment ${id} is not one this installation sealed`);
      if (keyIdOf(head) === newKey) continue;
      const bytes = await files.get(id);
      const next = bytes && crypto.resealBytes(bytes, ctx);
      if (next && (await files.replace(id, next))) changed++;
    }
    const next = advance(ids.length === size ? { table: '', after: ids.at(-1)! } : null, changed);
    await repo.saveProgress(db, id, {
      phase: next.phase,
      progress: JSON.stringify(next.progress),
      addChanged: changed,
    });
    return { next, changed };
  };

  while (phase !== 'done') {
    if (opts.maxBatches !== undefined && state.batches >= opts.maxBatches) return result(false);
    state.batches++;
    const r: { next: { phase: Phase; progress: Progress }; changed: number } =
      phase === 'rows' || phase === 'sweep-rows'
        ? tableNames.length
          ? await rowBatch(progress)
          : { next: advance(null, 0), changed: 0 }
        : await fileBatch(progress);
    state.changed += r.changed;
    phase = r.next.phase;
    progress = r.next.progress;
  }
  const old = JSON.parse(rot.old_key_ids) as string[];
  // A key is destroyed only when no value anywhere still needs it (a column that does not follow the `_enc` rule).
  const stray = kind === 'data' ? await repo.sealedElsewhere(db, old) : null;
  if (stray) throw new KeyError(`${stray} holds values sealed with an old data key; the old key is kept`);
  await repo.finish(db, id, old, nowIso());
  await crypto.refresh();
  say(`${kind} rotation finished: ${old.length} old key(s) destroyed`);
  return result(true);
}

/** Unfinished rotations and their progress (for `minka keys status`). */
export const pendingRotations = (db: repo.Q) => repo.allUnfinished(db);
