import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { type Actor, can } from '../access/index';
import * as repo from './repo';
import { type CatalogueEntryCreate, type CatalogueEntryPatch, catalogueData } from './schema';
import { type CatalogueEntry, Catalogues } from './service';
import { type CatalogueList, readByKey } from './vocabulary';

type Problem = { path: string; problem: string; message: string };

const known = ['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'unrecognized_keys'];

/** The list's numbers as stored: checked against the list's rules (a bad one is a 400 at its field, nothing stored). */
function checkedData(list: CatalogueList, data: Record<string, unknown>, lang: string): Record<string, unknown> {
  const parsed = catalogueData[list].safeParse(data);
  if (!parsed.success) {
    const fields: Problem[] = parsed.error.issues.map((i) => {
      const code = known.includes(i.code) ? i.code : 'other';
      const keys = 'keys' in i && Array.isArray(i.keys) ? i.keys.map(String) : [];
      const at = [...i.path.map(String), ...(keys.length === 1 ? keys : [])].filter((p) => !/^\d+$/.test(p));
      return { path: ['body', 'data', ...at].join('.'), problem: i.code, message: t(lang, `validation.${code}`) };
    });
    throw new AppError(400, 'validation_failed', {}, { fields });
  }
  const out = parsed.data as Record<string, unknown>;
  // Visit months are a schedule: in order, each once.
  if (list === 'visit_schedule') out.months = [...new Set(out.months as number[])].sort((a, b) => a - b);
  return out;
}

/** A refusal named at one field, with its message in the reader's language. */
const refusedAt = (status: number, code: string, path: string, lang: string, params: Record<string, number> = {}) =>
  new AppError(status, code, params, { fields: [{ path, problem: code, message: t(lang, `errors.${code}`, params) }] });

const parseLabels = (text: string | null): Record<string, string> => {
  try {
    const v = text ? (JSON.parse(text) as unknown) : {};
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
};

/** The administration of the legal catalogues: add entries, reword them, change their source, numbers and order. */
export class CatalogueAdmin {
  private readonly catalogues: Catalogues;
  constructor(private readonly ctx: Context) {
    this.catalogues = new Catalogues(ctx);
  }

  private authorize(actor: Actor) {
    if (!can(actor, 'catalogues:manage')) throw new AppError(403, 'forbidden');
  }

  /** Stages are an order: an active stage may not take the order another active stage has (400 at its field). */
  private async checkOrder(list: CatalogueList, key: string, data: Record<string, unknown>, lang: string) {
    if (list !== 'proceeding_stage') return;
    const order = Number(data.order);
    const taken = (await this.catalogues.entries(list)).find(
      (e) => e.active && e.key !== key && Number((e.data as { order?: number }).order) === order,
    );
    if (taken) throw refusedAt(400, 'catalogue_stage_order_taken', 'body.data.order', lang, { order });
  }

  async add(
    actor: Actor,
    list: CatalogueList,
    b: CatalogueEntryCreate,
    lang: string,
    requestId: string,
  ): Promise<CatalogueEntry> {
    this.authorize(actor);
    if (readByKey.includes(list)) throw refusedAt(400, 'catalogue_list_fixed', 'body.key', lang);
    const data = checkedData(list, b.data, lang);
    await this.checkOrder(list, b.key, data, lang);
    const db = this.ctx.db.db;
    const exists = () =>
      new AppError(
        409,
        'catalogue_entry_exists',
        { key: b.key },
        {
          fields: [
            {
              path: 'body.key',
              problem: 'duplicate',
              message: t(lang, 'errors.catalogue_entry_exists', { key: b.key }),
            },
          ],
        },
      );
    if (await repo.selectEntry(db, list, b.key)) throw exists();
    const position =
      b.position ?? (await repo.selectEntries(db, list)).reduce((m, e) => Math.max(m, Number(e.position)), 0) + 1;
    const labels = Object.fromEntries(Object.entries(b.labels).filter(([, v]) => v));
    try {
      await writeAudited(
        this.ctx,
        {
          actor,
          action: 'catalogue.entry_added',
          recordType: 'catalogue',
          recordId: `${list}:${b.key}`,
          fields: ['labels', 'source', 'data', 'position'].join(','),
          details: { list, key: b.key, languages: Object.keys(labels) },
          requestId,
        },
        (trx) =>
          repo.insertEntry(trx, {
            list,
            key: b.key,
            position,
            labels: JSON.stringify(labels),
            source: b.source,
            data: JSON.stringify(data),
            active: 1,
            updated_by: actor.userId,
            updated_at: nowIso(),
          }),
      );
    } catch (err) {
      // Two administrators adding the same key at once: the second finds it taken.
      if (await repo.selectEntry(db, list, b.key)) throw exists();
      throw err;
    }
    return (await this.catalogues.entry(list, b.key))!;
  }

  async change(
    actor: Actor,
    list: CatalogueList,
    key: string,
    b: CatalogueEntryPatch,
    lang: string,
    requestId: string,
  ): Promise<CatalogueEntry> {
    this.authorize(actor);
    const db = this.ctx.db.db;
    const row = await repo.selectEntry(db, list, key);
    if (!row) throw notFound();
    const patch: Partial<repo.CatalogueRow> = {};
    const changed: string[] = [];
    if (b.labels && Object.keys(b.labels).length) {
      const labels = parseLabels(row.labels);
      for (const [l, v] of Object.entries(b.labels)) {
        if (v) labels[l] = v;
        else delete labels[l];
      }
      patch.labels = JSON.stringify(labels);
      changed.push(...Object.keys(b.labels).map((l) => `labels.${l}`));
    }
    if (b.source !== undefined && b.source !== row.source) {
      patch.source = b.source;
      changed.push('source');
    }
    if (b.data !== undefined) {
      patch.data = JSON.stringify(checkedData(list, b.data, lang));
      if (patch.data !== row.data) changed.push('data');
      else delete patch.data;
    }
    if (b.position !== undefined && b.position !== Number(row.position)) {
      patch.position = b.position;
      changed.push('position');
    }
    if (b.active !== undefined && b.active !== (Number(row.active) === 1)) {
      if (!b.active && readByKey.includes(list))
        throw refusedAt(409, 'catalogue_entry_read_by_minka', 'body.active', lang);
      patch.active = b.active ? 1 : 0;
      changed.push('active');
    }
    // A stage that is (or becomes) active with a new order, or comes back into use, keeps the order unique.
    if ((b.active ?? Number(row.active) === 1) && (patch.data !== undefined || patch.active === 1))
      await this.checkOrder(list, key, JSON.parse(patch.data ?? row.data) as Record<string, unknown>, lang);
    if (changed.length) {
      await writeAudited(
        this.ctx,
        {
          actor,
          action: 'catalogue.entry_changed',
          recordType: 'catalogue',
          recordId: `${list}:${key}`,
          fields: changed.join(',').slice(0, 200),
          details: {
            list,
            key,
            changed,
            ...(patch.active !== undefined ? { active: { from: Number(row.active) === 1, to: b.active } } : {}),
          },
          requestId,
        },
        (trx) => repo.updateEntry(trx, list, key, { ...patch, updated_by: actor.userId, updated_at: nowIso() }),
      );
    }
    return (await this.catalogues.entry(list, key))!;
  }
}
