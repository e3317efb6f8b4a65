import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { PersonTable } from '../../platform/db/types';
import { normaliseIdentity } from '../access/index';
import { type Match, scoreMatch, shortlist } from './matching';
import { keyTriples, nameKeys, nameTerms } from './phonetic';
import * as repo from './repo';
import type { candidatesBody, personBody } from './schema';

type PersonInput = z.infer<typeof personBody>;
const f = (row: string, column: string) => ({ table: 'persons', row, column });
// Database handles whose name-term backfill is known to be over (it never starts again).
const backfilled = new WeakSet<object>();

/** Persons: encrypted names with keyed phonetic tokens, and duplicate candidates before saving. */
export class People {
  constructor(private readonly ctx: Context) {}

  /** Blind indexes of a person's name terms: phonetic keys, pairs and triples (the names stay encrypted). */
  keyIndexes = (...names: (string | undefined | null)[]) =>
    nameTerms(...names).map((k) => this.ctx.crypto.blindIndex('name-phonetic', k));

  birthYear = (p: Pick<PersonInput, 'local_BirthYear' | 'prs_Birthdate'>) =>
    p.local_BirthYear ?? (p.prs_Birthdate ? Number(p.prs_Birthdate.slice(0, 4)) : undefined);

  /** Builds a person row (personal fields encrypted) and the blind indexes of its name keys, without writing. */
  build(p: PersonInput): { row: PersonTable; keys: string[] } {
    const id = randomUUID();
    const now = nowIso();
    const c = this.ctx.crypto;
    const row: PersonTable = {
      id,
      given_names_enc: c.encryptOptional(p.prs_FirstName, f(id, 'given_names')),
      surnames_enc: c.encryptOptional(p.prs_SecondName, f(id, 'surnames')),
      birthdate_enc: c.encryptOptional(p.prs_Birthdate, f(id, 'birthdate')),
      birthdate_index: p.prs_Birthdate ? c.blindIndex('person-birthdate', p.prs_Birthdate) : null,
      birth_year: this.birthYear(p) ?? null,
      gender: p.prs_Gender ?? null,
      ethnicity: p.local_Ethnicity ?? null,
      languages: JSON.stringify(p.local_Languages ?? []),
      citizenship: JSON.stringify(p.prs_Citizenship ?? []),
      identity_enc: c.encryptOptional(p.prs_IdentityNumber, f(id, 'identity')),
      identity_index: p.prs_IdentityNumber
        ? c.blindIndex('person-identity', normaliseIdentity(p.prs_IdentityNumber))
        : null,
      merged_into: null,
      marital_status: p.prs_MaritalStatus ?? null,
      primary_language: p.prs_PrimaryLanguage ?? null,
      secondary_language: p.prs_SecondaryLanguage ?? null,
      contact_enc: c.encryptOptional(p.local_Contact, f(id, 'contact')),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    return { row, keys: this.keyIndexes(p.prs_FirstName, p.prs_SecondName) };
  }

  async create(q: repo.Q, p: PersonInput): Promise<PersonTable> {
    const { row, keys } = this.build(p);
    await repo.insertPerson(q, row);
    await repo.setNameKeys(q, row.id, keys);
    return row;
  }

  /** True while persons stored before names had pairs and triples are still being indexed under them. */
  async backfillPending(): Promise<boolean> {
    if (backfilled.has(this.ctx.db.db)) return false;
    const pending = (await repo.nameTermsBackfillAfter(this.ctx.db.db)) !== undefined;
    if (!pending) backfilled.add(this.ctx.db.db);
    return pending;
  }

  /**
   * Indexes the persons stored before names had pairs and triples under all their terms, in batches that each commit
   * with the position reached (a run that stops resumes there; redoing a person only writes the same terms again).
   * Returns how many persons it indexed.
   */
  async backfillNameTerms(batch = 500): Promise<number> {
    const db = this.ctx.db.db;
    let done = 0;
    for (;;) {
      const after = await repo.nameTermsBackfillAfter(db);
      if (after === undefined) break;
      const rows = await db.transaction().execute(async (trx) => {
        const rows = await repo.personNamesAfter(trx, after, batch);
        for (const r of rows) {
          const { given, surnames } = this.decryptNames(r);
          await repo.setNameKeys(trx, r.id, this.keyIndexes(given, surnames));
        }
        if (rows.length === batch) await repo.setNameTermsBackfill(trx, rows.at(-1)!.id, nowIso());
        else await repo.endNameTermsBackfill(trx);
        return rows;
      });
      done += rows.length;
    }
    return done;
  }

  private decryptNames(p: Pick<PersonTable, 'id' | 'given_names_enc' | 'surnames_enc'>) {
    const c = this.ctx.crypto;
    return {
      given: c.decryptOptional(p.given_names_enc, f(p.id, 'given_names')),
      surnames: c.decryptOptional(p.surnames_enc, f(p.id, 'surnames')),
    };
  }

  /** "Given names Surnames", decrypted, or an empty string. */
  name(p: Pick<PersonTable, 'id' | 'given_names_enc' | 'surnames_enc'>): string {
    const { given, surnames } = this.decryptNames(p);
    return [given, surnames].filter(Boolean).join(' ');
  }

  decrypt(p: PersonTable) {
    const c = this.ctx.crypto;
    return {
      prs_FirstName: c.decryptOptional(p.given_names_enc, f(p.id, 'given_names')),
      prs_SecondName: c.decryptOptional(p.surnames_enc, f(p.id, 'surnames')),
      prs_Birthdate: c.decryptOptional(p.birthdate_enc, f(p.id, 'birthdate')),
      prs_IdentityNumber: c.decryptOptional(p.identity_enc, f(p.id, 'identity')),
    };
  }

  /**
   * Likely existing persons, best first (at most five): the persons born the same day who share a name key, share
   * three name keys, or have the same identity number are read through their blind indexes (a bounded set whatever
   * the number of persons), then scored in memory (see scoreMatch) and shortlisted (see shortlist).
   */
  async candidates(
    input: z.infer<typeof candidatesBody>,
    visible: (personId: string) => Promise<boolean> = async () => true,
  ) {
    const c = this.ctx.crypto;
    const keys = nameKeys(input.prs_FirstName, input.prs_SecondName);
    const identity = input.prs_IdentityNumber
      ? c.blindIndexes('person-identity', normaliseIdentity(input.prs_IdentityNumber))
      : undefined;
    const birthdate = input.prs_Birthdate ? c.blindIndexes('person-birthdate', input.prs_Birthdate) : undefined;
    const rows = await repo.personsToMatch(this.ctx.db.db, {
      keys: keys.flatMap((k) => c.blindIndexes('name-phonetic', k)),
      triples: keyTriples(keys).flatMap((k) => c.blindIndexes('name-phonetic', k)),
      birthdates: birthdate,
      identities: identity,
      limit: 2000,
    });
    const query = {
      given: input.prs_FirstName,
      surnames: input.prs_SecondName,
      year: this.birthYear(input),
      gender: input.prs_Gender,
    };
    const scored: { r: (typeof rows)[number]; name: string; match: Match }[] = [];
    for (const r of rows) {
      const { given, surnames } = this.decryptNames(r);
      const match = scoreMatch(query, {
        given,
        surnames,
        sameDate: Boolean(birthdate && r.birthdate_index && birthdate.includes(r.birthdate_index)),
        sameIdentity: Boolean(identity && r.identity_index && identity.includes(r.identity_index)),
        year: r.birth_year === null ? null : Number(r.birth_year),
        gender: r.gender,
      });
      if (match.eligible) scored.push({ r, name: [given, surnames].filter(Boolean).join(' '), match });
    }
    scored.sort((a, b) => b.match.score - a.match.score);
    // Only persons with a case the caller may see are shown; others stay invisible (and do not change what is shown).
    const reachable: typeof scored = [];
    for (const x of scored.slice(0, 25)) if (await visible(x.r.id)) reachable.push(x);
    const shown = shortlist(reachable);
    const codes = await repo.casesOfPersons(
      this.ctx.db.db,
      shown.map((x) => x.r.id),
    );
    return shown.map(({ r, name, match }) => ({
      personId: r.id,
      /** Same identity number, or the same names and exact date of birth. */
      strong: match.strong,
      name,
      birthYear: r.birth_year === null ? null : Number(r.birth_year),
      gender: r.gender,
      score: match.score,
      caseCodes: codes.filter((c) => c.person_id === r.id).map((c) => c.code),
    }));
  }
}
