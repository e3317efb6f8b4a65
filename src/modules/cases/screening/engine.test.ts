import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeScreening, dimensionPositive, screen } from './engine';

describe('ILO/EC screening', () => {
  it('applies the dimension rule exactly', () => {
    const cases: [number, number, number, boolean][] = [
      [2, 0, 0, true],
      [1, 1, 0, true],
      [1, 0, 1, true],
      [0, 3, 0, true],
      [0, 2, 1, true],
      [1, 0, 0, false],
      [0, 2, 0, false],
      [0, 1, 2, false],
      [0, 0, 5, false],
    ];
    for (const [strong, medium, weak, want] of cases)
      assert.equal(dimensionPositive({ strong, medium, weak }), want, `${strong}S ${medium}M ${weak}W`);
  });

  it('suggests a possible victim for a child recruited by deception and forced to beg', () => {
    const r = screen(
      ['deceived_nature_of_job', 'deceived_wages', 'local_forced_begging', 'no_schooling'],
      'child',
      'labour',
    );
    assert.equal(r.dimensions.deceptive_recruitment!.positive, true);
    assert.equal(r.dimensions.exploitative_conditions!.positive, true);
    assert.equal(r.suggestedStatus, 'PossibleVictimOfTrafficking');
  });

  it('needs coercion or abuse of vulnerability at destination for an adult', () => {
    const base = ['deceived_nature_of_job', 'deceived_wages', 'excessive_hours', 'low_or_no_pay'];
    assert.equal(screen(base, 'adult', 'labour').suggestedStatus, null);
    assert.equal(
      screen([...base, 'documents_confiscated', 'wages_withheld'], 'adult', 'labour').suggestedStatus,
      'PossibleVictimOfTrafficking',
    );
  });

  it('ignores indicators that do not exist or do not apply, and says so', () => {
    const r = screen(['nope', 'too_young_for_work'], 'adult', 'sexual');
    assert.deepEqual(r.unknownIndicators, ['nope', 'too_young_for_work']);
  });

  it('is configuration: versioned, with every indicator in a known dimension and labelled in Spanish and English', () => {
    assert.match(activeScreening.version, /^2009\./);
    for (const i of activeScreening.indicators) {
      assert.ok(activeScreening.dimensions.includes(i.dimension), i.id);
      assert.ok(i.label.es && i.label.en, i.id);
    }
    assert.equal(new Set(activeScreening.indicators.map((i) => i.id)).size, activeScreening.indicators.length);
  });
});
