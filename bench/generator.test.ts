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
    const head = ['Quishpe', 'Guamán', 'Yupanqui', 'Chimbo', 'Lema', 'Cuji', 'Guallpa'];
    assert.ok(share((p) => p.surnames.some((s) => head.includes(s))) > 0.15, 'the highland surnames stay frequent');
    assert.ok(people.some((p) => ['Sisa', 'Inti', 'Killa', 'Amaru'].includes(p.givenName)));
    assert.equal(new Set(people.map((p) => p.id)).size, people.length);
  });

  it('has a country’s long tail of names, so a full name and birth year rarely repeat', () => {
    const surnames = new Set(people.flatMap((p) => p.surnames));
    assert.ok(surnames.size > 1000, `${surnames.size} surnames`);
    const counts = new Map<string, number>();
    for (const p of people) {
      const key = [p.givenName, p.secondGiven, ...p.surnames, p.birthYear].join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal([...counts.values()].filter((n) => n > 1).length, 0);
  });

  it('keeps the canton pool of the first cantons on request', () => {
    const few = generatePeople(5000, 7, 2026, 'canton');
    assert.equal(new Set(few.flatMap((p) => p.surnames)).size, 30);
    assert.deepEqual(
      few.map((p) => p.birthDate),
      people.map((p) => p.birthDate),
      'the same people otherwise',
    );
  });
});
