import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import type { Language } from '../../platform/i18n/index';
import { label as sharedLabel } from '../../shared/labels/index';
import * as repo from './repo';

type Q = Parameters<typeof repo.selectEntry>[0];

import { catalogueData } from './schema';
import type { CatalogueList } from './vocabulary';

const languages = ['es', 'en', 'qu-EC'] as const;
type Labels = Record<(typeof languages)[number], string>;
export type CatalogueDataOf<L extends CatalogueList> = z.infer<(typeof catalogueData)[L]>;

/** An entry as the services read it. */
export interface CatalogueEntry<L extends CatalogueList = CatalogueList> {
  list: L;
  key: string;
  labels: Labels;
  source: string;
  data: CatalogueDataOf<L>;
  active: boolean;
  position: number;
}

const parseJson = (text: string | null): Record<string, unknown> => {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/**
 * The installation's legal catalogues (measure types, authorities, deadlines, offences, proceeding stages, visit
 * schedules). Labels: the administrator's wording when given, else the shipped label of `catalogue.<list>.<key>`,
 * else the Spanish wording, else the key.
 */
export class Catalogues {
  constructor(private readonly ctx: Pick<Context, 'db'>) {}

  private present<L extends CatalogueList>(row: repo.CatalogueRow): CatalogueEntry<L> {
    const own = parseJson(row.labels);
    const labels = Object.fromEntries(
      languages.map((l) => {
        const given = typeof own[l] === 'string' && own[l] ? (own[l] as string) : null;
        const shipped = sharedLabel(l, `catalogue.${row.list}`, row.key);
        const es = typeof own.es === 'string' && own.es ? own.es : null;
        return [l, given ?? (shipped !== row.key ? shipped : (es ?? row.key))];
      }),
    ) as Labels;
    const data = catalogueData[row.list as L].parse(parseJson(row.data)) as CatalogueDataOf<L>;
    return {
      list: row.list as L,
      key: row.key,
      labels,
      source: row.source,
      data,
      active: Number(row.active) === 1,
      position: Number(row.position),
    };
  }

  /** Every entry of a list, in its order (inactive ones included: old records keep their label). */
  async entries<L extends CatalogueList>(list: L, q: Q = this.ctx.db.db): Promise<CatalogueEntry<L>[]> {
    return (await repo.selectEntries(q, list)).map((r) => this.present<L>(r));
  }

  /** One entry, or null when the list has no such key (read inside `q` when the caller holds a transaction). */
  async entry<L extends CatalogueList>(list: L, key: string, q: Q = this.ctx.db.db): Promise<CatalogueEntry<L> | null> {
    const row = await repo.selectEntry(q, list, key);
    return row ? this.present<L>(row) : null;
  }

  /** An active entry a new record may use; 400 `unknown_<list>` otherwise (the field's error). */
  async require<L extends CatalogueList>(list: L, key: string): Promise<CatalogueEntry<L>> {
    const e = await this.entry(list, key);
    if (!e?.active) throw new AppError(400, 'unknown_catalogue_entry', { list, key });
    return e;
  }

  /** The label of an entry in a language (the key itself for an unknown entry). */
  static label(e: Pick<CatalogueEntry, 'labels'> | null, lang: Language | string, key = ''): string {
    if (!e) return key;
    return e.labels[lang as keyof Labels] ?? e.labels.es;
  }
}

/** Hours the law gives when the catalogue has no active notification deadline (CONA art. 72). */
const defaultNotificationHours = 24;

/**
 * Hours within which a child's case must be notified to the protection authority: the installation's catalogue
 * (deadline/board_notification), 24 when it has none; read inside `q` when the caller holds a transaction.
 */
export async function notificationHours(ctx: Pick<Context, 'db'>, q?: Q): Promise<number> {
  const e = await new Catalogues(ctx).entry('deadline', 'board_notification', q);
  return e?.active ? e.data.hours : defaultNotificationHours;
}
