import type { Generated } from 'kysely';

/** Key-value facts about this installation (for example which demo seed ran). */
export interface MetaTable {
  key: string;
  value: string;
  updated_at: string;
}

/** One node of an administrative hierarchy: country (level 0) down to level 3. */
export interface DivisionTable {
  country_code: string;
  code: string;
  level: number;
  parent_code: string | null;
  name: string;
  name_search: string;
  created_at: string;
  updated_at: string;
}

/** A division's boundary as GeoJSON geometry text (WGS84). */
export interface DivisionBoundaryTable {
  country_code: string;
  code: string;
  geometry: string;
  updated_at: string;
}

/** Every table Minka owns; modules add theirs here. */
export interface Database {
  meta: MetaTable;
  divisions: DivisionTable;
  division_boundaries: DivisionBoundaryTable;
}

export type { Generated };
