import type { Db } from '../../platform/db/index';
import { type DivisionsFreshness, freshnessOf } from './freshness';
import * as repo from './repo';
import { titleCase } from './text';

/** One division as the tree keeps it. */
export interface Place {
  code: string;
  parentCode: string | null;
  level: number;
  /** The name in title case, as `labels` gives it. */
  label: string;
}

/** A country's divisions in this process's memory: each by its code, and each one's children in the database's order. */
export interface CountryTree {
  get(code: string): Place | undefined;
  children(code: string): readonly string[];
}

const none: readonly string[] = [];

function build(rows: Awaited<ReturnType<typeof repo.treeRows>>): CountryTree {
  const places = new Map<string, Place>();
  const children = new Map<string, string[]>();
  for (const r of rows) {
    places.set(r.code, { code: r.code, parentCode: r.parent_code, level: Number(r.level), label: titleCase(r.name) });
    if (r.parent_code === null) continue;
    const siblings = children.get(r.parent_code);
    if (siblings) siblings.push(r.code);
    else children.set(r.parent_code, [r.code]);
  }
  return { get: (code) => places.get(code), children: (code) => children.get(code) ?? none };
}

/**
 * Every country's divisions read once per process (a country is a few thousand rows) and read again after an
 * import, as DivisionsFreshness tells: ancestry, labels and "everything under" are asked on most signed-in requests
 * (jurisdiction checks, list filters), a query per level and per division when asked of the database.
 */
class Trees {
  private epoch = -1;
  private readonly countries = new Map<string, Promise<CountryTree>>();
  private readonly freshness: DivisionsFreshness;

  constructor(private readonly db: Db) {
    this.freshness = freshnessOf(db);
  }

  async of(country: string): Promise<CountryTree> {
    const epoch = await this.freshness.current();
    if (epoch > this.epoch) {
      this.countries.clear();
      this.epoch = epoch;
    }
    // A request that learnt an older epoch than another's reads for itself and keeps nothing.
    if (epoch < this.epoch) return build(await repo.treeRows(this.db, country));
    let tree = this.countries.get(country);
    if (!tree) {
      tree = repo.treeRows(this.db, country).then(build);
      this.countries.set(country, tree);
      const kept = tree;
      tree.catch(() => {
        if (this.countries.get(country) === kept) this.countries.delete(country);
      });
    }
    return tree;
  }
}

const all = new WeakMap<object, Trees>();

/** This process's tree of a country's divisions, read through `db` (never a transaction: see GeoService). */
export function countryTree(db: Db, country: string): Promise<CountryTree> {
  let trees = all.get(db);
  if (!trees) {
    trees = new Trees(db);
    all.set(db, trees);
  }
  return trees.of(country);
}
