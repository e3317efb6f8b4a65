import { randomUUID } from 'node:crypto';
import { type Db, nowIso } from '../../platform/db/index';
import type { DivisionTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { forgetGeoReads } from './freshness';
import { ImportFileError } from './parse';
import { type DivisionView, presentDivision } from './present';
import type { DivisionRow } from './repo';
import * as repo from './repo';
import type { BoundaryInput, DivisionInput } from './schema';
import { escapeLike, searchForm, titleCase } from './text';
import { type CountryTree, countryTree } from './tree';

const levelNames = ['country', 'level1', 'level2', 'level3'] as const;

/** Geography reads and imports. Divisions are public reference data, so reads need no actor. */
export class GeoService {
  constructor(private readonly db: Db) {}

  /** Countries with their division counts per level. */
  async countries() {
    const rows = await repo.listCountries(this.db);
    return Promise.all(
      rows.map(async (r) => {
        const counts: Record<string, number> = {};
        for (const c of await repo.countByLevel(this.db, r.country_code))
          counts[levelNames[c.level] ?? `level${c.level}`] = c.n;
        return { code: r.code, name: r.name, label: titleCase(r.name), counts };
      }),
    );
  }

  /** One division with its ancestors; 404 when unknown. */
  /** The level of a division (0 = country … 3 = parish), or undefined when it does not exist. */
  async levelOf(country: string, code: string): Promise<number | undefined> {
    const tree = await this.tree(country);
    if (tree) return tree.get(code)?.level;
    const row = await repo.findDivision(this.db, country, code);
    return row ? Number(row.level) : undefined;
  }

  async division(country: string, code: string) {
    const row = await repo.findDivision(this.db, country, code);
    if (!row) throw notFound();
    const ancestors: DivisionView[] = [];
    let parent = row.parent_code;
    for (let guard = 0; parent && guard < 4; guard++) {
      const p = await repo.findDivision(this.db, country, parent);
      if (!p) break;
      ancestors.unshift(presentDivision(p));
      parent = p.parent_code;
    }
    return { ...presentDivision(row), ancestors, childCount: await repo.countChildren(this.db, country, code) };
  }

  /** The division's code followed by every ancestor's up to the country, or null when unknown. */
  async ancestry(country: string, code: string): Promise<string[] | null> {
    const tree = await this.tree(country);
    const find = async (c: string) => {
      if (tree) return tree.get(c);
      const row = await repo.findDivision(this.db, country, c);
      return row && { code: row.code, parentCode: row.parent_code };
    };
    const out: string[] = [];
    let next: string | null = code;
    for (let guard = 0; next && guard < 5; guard++) {
      const place = await find(next);
      if (!place) return out.length ? out : null;
      out.push(place.code);
      next = place.parentCode;
    }
    return out;
  }

  /** Display names (title case) for a set of division codes, from this process's copy (or in one query). */
  async labels(country: string, codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (!unique.length) return new Map();
    const tree = await this.tree(country);
    if (tree) {
      const labels = new Map<string, string>();
      for (const c of unique) {
        const place = tree.get(c);
        if (place) labels.set(c, place.label);
      }
      return labels;
    }
    const rows = await repo.namesOf(this.db, country, unique);
    return new Map(rows.map((r) => [r.code, titleCase(r.name)]));
  }

  /** Every division of a country at one level (e.g. 2 for cantons), in code order. */
  async descendantsAt(country: string, level: number): Promise<{ code: string; name: string }[]> {
    return repo.atLevel(this.db, country, level);
  }

  /** The division's code and every code below it (for "in this jurisdiction" filters in SQL). */
  async descendantCodes(country: string, code: string): Promise<string[]> {
    const tree = await this.tree(country);
    if (!tree) return [code, ...(await repo.codesBelow(this.db, country, code))];
    const out = [code];
    let frontier = [code];
    for (let depth = 0; frontier.length && depth < 4; depth++) {
      frontier = frontier.flatMap((parent) => tree.children(parent));
      out.push(...frontier);
    }
    return out;
  }

  /**
   * This process's copy of the country's divisions (see tree.ts); none inside a transaction, whose reads must go
   * through it (on SQLite another query would wait for the transaction's one connection).
   */
  private async tree(country: string): Promise<CountryTree | null> {
    return this.db.isTransaction ? null : countryTree(this.db, country);
  }

  /** Every division under one (four levels at most), level by level. */
  private async descendants(country: string, code: string): Promise<DivisionRow[]> {
    const out: DivisionRow[] = [];
    let frontier = [code];
    for (let depth = 0; frontier.length && depth < 4; depth++) {
      const next: DivisionRow[] = [];
      for (const parent of frontier) next.push(...(await repo.listChildren(this.db, country, parent)));
      out.push(...next);
      frontier = next.map((r) => r.code);
    }
    return out;
  }

  /**
   * A division and everything under it, each with the name of the division it lies in: what an offline device
   * needs to pick a place without the server (a canton has tens of parishes; the whole country about 1,300).
   */
  async within(country: string, code: string): Promise<(DivisionView & { parentLabel: string | null })[]> {
    const top = await repo.findDivision(this.db, country, code);
    const rows = top ? [top, ...(await this.descendants(country, code))] : [];
    const names = new Map(rows.map((r) => [r.code, titleCase(r.name)]));
    return rows
      .filter((r) => Number(r.level) > 0)
      .map((r) => ({
        ...presentDivision(r),
        parentLabel: r.parent_code && Number(r.level) > 1 ? (names.get(r.parent_code) ?? null) : null,
      }));
  }

  /** Children of a division (or of the country when code is the country code); 404 when the parent is unknown. */
  async children(country: string, code: string): Promise<DivisionView[]> {
    const parent = await repo.findDivision(this.db, country, code);
    if (!parent) throw notFound();
    return (await repo.listChildren(this.db, country, code)).map(presentDivision);
  }

  /** Accent- and case-insensitive search by name. */
  async search(
    q: string,
    opts: { country?: string; level?: number; limit: number },
  ): Promise<(DivisionView & { parentLabel: string | null })[]> {
    const form = searchForm(q);
    if (form.length < 2) throw new AppError(400, 'query_too_short', { min: 2 });
    const rows = await repo.searchDivisions(this.db, `%${escapeLike(form)}%`, opts);
    // Where each one lies (its province or canton), so two parishes of one name are told apart by names, not codes.
    const parents = new Map<string, string>();
    for (const country of new Set(rows.map((r) => r.country_code))) {
      const codes = rows.filter((r) => r.country_code === country && r.parent_code).map((r) => r.parent_code!);
      for (const [code, label] of await this.labels(country, codes)) parents.set(`${country}:${code}`, label);
    }
    return rows.map((r) => {
      const parent = r.parent_code ? parents.get(`${r.country_code}:${r.parent_code}`) : undefined;
      return { ...presentDivision(r), parentLabel: parent && Number(r.level) > 1 ? parent : null };
    });
  }

  /** Boundaries as a GeoJSON FeatureCollection, filtered by level or parent. */
  async boundaries(country: string, opts: { level?: number; parent?: string }) {
    if (!(await repo.findDivision(this.db, country, country))) {
      throw new AppError(404, 'unknown_country', { country });
    }
    const rows = await repo.boundariesFor(this.db, country, opts);
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.code,
        properties: {
          country: r.country_code,
          code: r.code,
          name: r.name,
          label: titleCase(r.name),
          level: Number(r.level),
        },
        geometry: JSON.parse(r.geometry),
      })),
    };
  }

  /**
   * Loads divisions and boundaries for one country in one transaction. Idempotent: rows equal to what is
   * stored are left alone. Nothing is deleted; divisions missing from the file are counted as `notInFile`.
   */
  async import(input: {
    country: string;
    countryName: string;
    divisions: DivisionInput[];
    boundaries?: BoundaryInput[];
  }) {
    const { country } = input;
    const rows: DivisionInput[] = [
      { code: country, name: input.countryName, parentCode: null, level: 0 },
      ...input.divisions,
    ];
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const r of rows) {
      if (seen.has(r.code)) problems.push(`code ${r.code} appears more than once`);
      seen.add(r.code);
    }
    const result = await this.db.transaction().execute(async (trx) => {
      const existing = new Map((await repo.allDivisions(trx, country)).map((d) => [d.code, d]));
      for (const r of rows) {
        if (r.parentCode && !seen.has(r.parentCode) && !existing.has(r.parentCode)) {
          problems.push(`code ${r.code}: parent ${r.parentCode} is neither in the file nor loaded`);
        }
      }
      if (problems.length) throw new ImportFileError(problems);

      const now = nowIso();
      const report = {
        added: 0,
        updated: 0,
        unchanged: 0,
        notInFile: 0,
        boundaries: { added: 0, updated: 0, unchanged: 0, unmatched: [] as string[] },
      };
      const toInsert: DivisionTable[] = [];
      for (const r of rows) {
        const name = r.name.trim();
        const old = existing.get(r.code);
        if (!old) {
          toInsert.push({
            country_code: country,
            code: r.code,
            level: r.level,
            parent_code: r.parentCode,
            name,
            name_search: searchForm(name),
            created_at: now,
            updated_at: now,
          });
          report.added++;
        } else if (old.name !== name || old.parent_code !== r.parentCode || Number(old.level) !== r.level) {
          await repo.updateDivision(trx, {
            country_code: country,
            code: r.code,
            name,
            name_search: searchForm(name),
            parent_code: r.parentCode,
            level: r.level,
            updated_at: now,
          });
          report.updated++;
        } else report.unchanged++;
      }
      await repo.insertDivisions(trx, toInsert);
      report.notInFile = [...existing.keys()].filter((c) => !seen.has(c)).length;

      if (input.boundaries) {
        const stored = await repo.boundaryGeometries(trx, country);
        for (const b of input.boundaries) {
          if (!seen.has(b.code) && !existing.has(b.code)) {
            report.boundaries.unmatched.push(b.code);
            continue;
          }
          const text = JSON.stringify(b.geometry);
          const old = stored.get(b.code);
          if (old === text) report.boundaries.unchanged++;
          else {
            await repo.upsertBoundary(trx, country, b.code, text, now, old !== undefined);
            if (old === undefined) report.boundaries.added++;
            else report.boundaries.updated++;
          }
        }
      }
      const { boundaries: b } = report;
      if (report.added + report.updated + b.added + b.updated > 0)
        await repo.newDivisionsVersion(trx, randomUUID(), now);
      return report;
    });
    forgetGeoReads(this.db);
    return result;
  }
}

export type ImportReport = Awaited<ReturnType<GeoService['import']>>;
