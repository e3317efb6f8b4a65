import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Match, type MatchCandidate, scoreMatch, shortlist } from './matching';

const stored = (over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  given: 'Sisa Killa',
  surnames: 'Quishpe Guamán',
  sameDate: false,
  sameIdentity: false,
  year: 2012,
  gender: 'Feminine',
  ...over,
});

describe('duplicate scoring', () => {
  it('matches another spelling with the same date of birth as strong', () => {
    const m = scoreMatch({ given: 'Sisa', surnames: 'Quispe Huaman', year: 2012 }, stored({ sameDate: true }));
    assert.equal(m.eligible, true);
    assert.equal(m.strong, true);
  });

  it('needs three alike words when only the birth year is known', () => {
    const three = scoreMatch({ given: 'Sisa', surnames: 'Quispe Huaman', year: 2012 }, stored());
    assert.equal(three.eligible, true);
    assert.equal(three.strong, false);
    const two = scoreMatch({ given: 'Sisa', surnames: 'Quispe', year: 2012 }, stored());
    assert.equal(two.eligible, false, 'a given name and a surname in the same year are too common');
  });

  it('forgives one typo in a word, not a different word', () => {
    const typo = scoreMatch({ given: 'Sisa', surnames: 'Quisxpe', year: 2012 }, stored({ sameDate: true }));
    assert.equal(typo.eligible, true, 'Quisxpe is one letter from Quishpe');
    const other = scoreMatch({ given: 'Sisa', surnames: 'Lema', year: 2012 }, stored({ sameDate: true }));
    assert.equal(other.eligible, false);
  });

  it('counts against a far birth year and another sex', () => {
    const base = scoreMatch({ given: 'Sisa Killa', surnames: 'Quishpe Guamán', year: 2012 }, stored());
    const far = scoreMatch({ given: 'Sisa Killa', surnames: 'Quishpe Guamán', year: 2001 }, stored());
    const sex = scoreMatch({ given: 'Sisa Killa', surnames: 'Quishpe Guamán', gender: 'Masculine' }, stored());
    assert.ok(far.score < base.score - 4);
    assert.ok(sex.score < base.score - 4);
  });

  it('takes the same identity number whatever the names', () => {
    const m = scoreMatch({ given: 'Otra', surnames: 'Persona' }, stored({ sameIdentity: true }));
    assert.equal(m.eligible, true);
    assert.equal(m.strong, true);
  });

  it('shows only the strong candidates when there are any, and those close to the best', () => {
    const x = (score: number, strong = false) => ({ match: { score, eligible: true, strong } as Match });
    assert.deepEqual(
      shortlist([x(14, true), x(13), x(12, true)]).map((c) => c.match.score),
      [14, 12],
    );
    assert.deepEqual(
      shortlist([x(12), x(11), x(9), x(8)]).map((c) => c.match.score),
      [12, 11],
    );
    assert.equal(shortlist([x(9), x(9), x(9), x(9), x(9), x(9)]).length, 5);
    assert.deepEqual(shortlist([]), []);
  });
});
