import type { Actor } from '../../access/index';
import type { CaseAccess, People } from '../../cases/index';
import type { ImportRecord } from './validate';

/** The existing person a row belongs to: one the actor can see, matching the names and the exact date of birth. */
export async function matchPerson(people: People, access: CaseAccess, actor: Actor, r: ImportRecord) {
  const p = r.intake.person;
  if (!p?.prs_FirstName && !p?.prs_SecondName) return { linkTo: undefined, similar: [] as string[] };
  const found = await people.candidates(
    {
      prs_FirstName: p.prs_FirstName,
      prs_SecondName: p.prs_SecondName,
      prs_Birthdate: p.prs_Birthdate,
      prs_Gender: p.prs_Gender,
    },
    (id) => access.personInReach(actor, id),
  );
  // A strong match (the same names and exact date of birth) is the same person; look-alikes are only reported.
  const same = found.find((c) => c.strong);
  if (same) return { linkTo: same.personId, codes: same.caseCodes, similar: [] as string[] };
  return { linkTo: undefined, similar: found.flatMap((c) => c.caseCodes) };
}
