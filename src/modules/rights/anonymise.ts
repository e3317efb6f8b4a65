// Erasure as anonymisation (H-ANON fills this in): every sealed value about a person and their cases destroyed,
// plain aggregatable facts kept.
import type { Context } from '../../platform/context';
import type { Db } from '../../platform/db/index';
import type { Actor } from '../access/index';

export interface AnonymiseOptions {
  actor: Actor | null;
  cause: 'erasure' | 'retention';
  requestId?: string;
}

export interface AnonymiseResult {
  cases: number;
  values: number;
  files: number;
}

/** Destroys every sealed value about the person and their cases; keeps the plain facts. Idempotent. */
export async function anonymisePerson(
  _ctx: Context,
  _personId: string,
  _opts: AnonymiseOptions,
  _trx?: Db,
): Promise<AnonymiseResult> {
  throw new Error('anonymisePerson: not built yet');
}

/** Destroys every sealed value of one case's records (the person row is kept). Idempotent. */
export async function anonymiseCase(
  _ctx: Context,
  _caseId: string,
  _opts: AnonymiseOptions,
  _trx?: Db,
): Promise<AnonymiseResult> {
  throw new Error('anonymiseCase: not built yet');
}
