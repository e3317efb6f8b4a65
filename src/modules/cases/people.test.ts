import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { People } from './people';
import { nameKeys } from './phonetic';
import { setNameKeys } from './repo';
import { updatePersonsByMergedIntoAndId } from './repo-merges';

// Duplicate candidates read only the persons born the same day, sharing three name keys or the identity number;
// these hold the look-up to what a caseworker expects from it (all names here are made up).

for (const target of dbTargets()) {
  describe(`duplicate candidates on ${target.name}`, () => {
    let db: TestDb;
    let people: People;
    const ids: Record<string, string> = {};
    const add = async (key: string, p: Parameters<People['create']>[1]) => {
      ids[key] = (await people.create(db.handle.db, p)).id;
    };
    const base = { local_Languages: [], prs_Citizenship: [] };
    before(async () => {
      db = await target.open();
      people = new People(db.ctx);
      await add('sisa', {
        ...base,
        prs_FirstName: 'Sisa Killa',
        prs_SecondName: 'Quishpe Guamán',
        prs_Birthdate: '2012-05-04',
        prs_Gender: 'Feminine',
      });
      // The same first name and surname, born the same day: a look-alike the full name tells apart.
      await add('namesake', {
        ...base,
        prs_FirstName: 'Sisa',
        prs_SecondName: 'Quishpe Morocho',
        prs_Birthdate: '2012-05-04',
        prs_Gender: 'Feminine',
      });
      await add('inti', { ...base, prs_FirstName: 'Inti', prs_SecondName: 'Lema Chimbo', local_BirthYear: 1990 });
      await add('rosa', {
        ...base,
        prs_FirstName: 'Rosa',
        prs_SecondName: 'Tenemaza',
        prs_Birthdate: '2001-01-01',
        prs_IdentityNumber: '9912345678',
      });
      await add('merged', { ...base, prs_FirstName: 'Amaru', prs_SecondName: 'Yupanqui Cuji', local_BirthYear: 2010 });
      await updatePersonsByMergedIntoAndId(db.handle.db, { merged_into: ids.inti! }, ids.merged!);
    });
    after(() => db.cleanup());

    const found = async (input: Parameters<People['candidates']>[0]) =>
      (await people.candidates(input)).map((c) => Object.keys(ids).find((k) => ids[k] === c.personId));

    it('finds another spelling with the same date of birth, and not the namesake behind it', async () => {
      const r = await people.candidates({
        prs_FirstName: 'Sisa Killa',
        prs_SecondName: 'Quispe Huaman',
        prs_Birthdate: '2012-05-04',
        prs_Gender: 'Feminine',
      });
      assert.deepEqual(
        r.map((c) => c.personId),
        [ids.sisa],
      );
      assert.equal(r[0]!.strong, true);
      assert.equal(r[0]!.name, 'Sisa Killa Quishpe Guamán');
    });

    it('forgives a typo in a surname when the date of birth is the same', async () => {
      assert.deepEqual(
        await found({ prs_FirstName: 'Sisa', prs_SecondName: 'Quishpe Guamxn', prs_Birthdate: '2012-05-04' }),
        ['sisa'],
      );
    });

    it('finds by three names and the birth year alone, not by two', async () => {
      assert.deepEqual(await found({ prs_FirstName: 'Inti', prs_SecondName: 'Lema Chimbo', local_BirthYear: 1991 }), [
        'inti',
      ]);
      assert.deepEqual(await found({ prs_FirstName: 'Inti', prs_SecondName: 'Lema', local_BirthYear: 1990 }), []);
    });

    it('finds the same identity number whatever the names', async () => {
      assert.deepEqual(await found({ prs_FirstName: 'Otra', prs_IdentityNumber: '99-1234-5678' }), ['rosa']);
    });

    it('never offers a person already merged into another', async () => {
      assert.deepEqual(
        await found({ prs_FirstName: 'Amaru', prs_SecondName: 'Yupanqui Cuji', local_BirthYear: 2010 }),
        [],
      );
    });

    it('shows only the persons the caller may see', async () => {
      const r = await people.candidates(
        { prs_FirstName: 'Sisa Killa', prs_SecondName: 'Quishpe Guamán', prs_Birthdate: '2012-05-04' },
        async (id) => id !== ids.sisa,
      );
      assert.deepEqual(
        r.map((c) => c.personId),
        [ids.namesake],
        'the namesake, no longer behind someone shown',
      );
    });
    it('indexes persons stored before pairs and triples existed, once, through the backfill', async () => {
      // Inti as stored before: his single keys only, so three names and a year do not find him.
      const keysOnly = nameKeys('Inti', 'Lema Chimbo').map((k) => db.ctx.crypto.blindIndex('name-phonetic', k));
      await setNameKeys(db.handle.db, ids.inti!, keysOnly);
      const query = { prs_FirstName: 'Inti', prs_SecondName: 'Lema Chimbo', local_BirthYear: 1990 };
      assert.deepEqual(await found(query), []);
      await db.handle.db
        .insertInto('meta')
        .values({ key: 'cases.name_terms_after', value: '', updated_at: new Date().toISOString() })
        .execute();
      const later = new People(db.ctx);
      assert.equal(await later.backfillPending(), true);
      assert.equal(await later.backfillNameTerms(2), Object.keys(ids).length);
      assert.equal(await later.backfillPending(), false);
      assert.equal(await later.backfillNameTerms(), 0, 'a second run finds nothing to do');
      assert.deepEqual(await found(query), ['inti']);
    });
  });
}
