import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePeople } from './generator';

describe('fake people generator', () => {
  const people = generatePeople(5000, 7);

  it('is deterministic for a seed and differs across seeds', () => {
    assert.deepEqual(generatePeople(50, 7), people.slice(0, 50));
    assert.notDeepEqual(generatePeople(50, 8), people.slice(0, 50));
  });

  it('marks every person as fake', () => {
    assert.ok(people.every((p) => p.id.startsWith('FAKE-') && /^99\d{8}$/.test(p.identityNumber)));
  });

  it('skews young, weights the highlands and uses Kichwa surnames', () => {
    const share = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length / people.length;
    assert.ok(share((p) => p.ageAtIntake < 18) > 0.5, 'most are minors');
    assert.ok(share((p) => p.ageAtIntake >= 8 && p.ageAtIntake <= 60) === 1);
    assert.ok(share((p) => p.cantonCode === '0606' || p.cantonCode === '0603') > 0.4, 'Guamote and Colta dominate');
    assert.ok(
      share((p) =>
        p.surnames.some((s) => ['Quishpe', 'Guamán', 'Yupanqui', 'Chimbo', 'Lema', 'Cuji', 'Guallpa'].includes(s)),
      ) > 0.3,
    );
    assert.ok(people.some((p) => ['Sisa', 'Inti', 'Killa', 'Amaru'].includes(p.givenName)));
    assert.equal(new Set(people.map((p) => p.id)).size, people.length);
  });
});
