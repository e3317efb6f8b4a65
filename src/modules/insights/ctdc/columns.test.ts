import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htcds } from '../../cases/vocabulary';
import { csvText, toCsv } from '../csv';
import type { Fact } from '../facts';
import { ctdcColumns, ctdcGender, flagColumns, monthsBand, toCtdcRow } from './columns';

const fact = (over: Partial<Fact> = {}): Fact => ({
  key: 'FAKE-1',
  year: 2026,
  month: 3,
  country: 'EC',
  province: '06',
  canton: '0603',
  minor: true,
  ageBand: '9--17',
  gender: 'Feminine',
  ethnicity: 'Indigena',
  citizenship: 'EC',
  exploitation: [],
  industries: [],
  sexTypes: [],
  recruitment: [],
  relation: 'Unknown',
  control: [],
  recruitedIn: null,
  exploitedIn: null,
  monthsExploited: null,
  status: null,
  protection: [],
  ...over,
});
const on = (row: Record<string, unknown>, prefix: string) =>
  Object.keys(row).filter((c) => c.startsWith(prefix) && row[c] === 1);

describe('CTDC columns', () => {
  it('has the CTDC names, each once, and never a personal or local field', () => {
    assert.equal(new Set(ctdcColumns).size, ctdcColumns.length);
    for (const c of ['yearOfRegistration', 'gender', 'ageBroad', 'majorityStatus', 'citizenship'])
      assert.ok(ctdcColumns.includes(c), c);
    for (const c of ['CountryOfExploitation', 'traffickMonths', 'isForcedLabour', 'typeOfLabourBegging'])
      assert.ok(ctdcColumns.includes(c), c);
    assert.equal(ctdcColumns.filter((c) => c.startsWith('meansOfControl')).length, 18);
    assert.equal(ctdcColumns.filter((c) => c.startsWith('typeOfLabour')).length, 13);
    assert.equal(ctdcColumns.filter((c) => c.startsWith('recruiterRelation')).length, 5);
    assert.deepEqual(Object.keys(toCtdcRow(fact())), ctdcColumns);
    assert.ok(!ctdcColumns.some((c) => /ethnic|canton|province|name|key|division/i.test(c)));
  });

  it('maps the demographic fields with CTDC conventions', () => {
    const r = toCtdcRow(fact({ gender: 'Masculine', ageBand: '0--8', citizenship: 'VE', exploitedIn: 'CO' }));
    assert.deepEqual(
      [r.yearOfRegistration, r.gender, r.ageBroad, r.majorityStatus, r.citizenship, r.CountryOfExploitation],
      [2026, 'Male', '0--8', 'Minor', 'VE', 'CO'],
    );
    const u = toCtdcRow(
      fact({ minor: false, ageBand: 'Unknown', citizenship: 'Unknown', gender: 'NonSpecifiedUnknown' }),
    );
    assert.deepEqual(
      [u.gender, u.ageBroad, u.majorityStatus, u.citizenship, u.CountryOfExploitation],
      ['', '', 'Adult', '', ''],
    );
    assert.equal(ctdcGender('Feminine'), 'Female');
    assert.equal(ctdcGender('TransgenderMasculine'), 'Trans/NonConforming');
    assert.deepEqual([0, 11, 12, 23, 24, 200].map(monthsBand), [
      '0--12 (0-1 yr)',
      '0--12 (0-1 yr)',
      '12--24 (1-2 yrs)',
      '12--24 (1-2 yrs)',
      '24+ (>2 yrs)',
      '24+ (>2 yrs)',
    ]);
    assert.equal(monthsBand(null), '');
  });

  it('maps forms of exploitation and industries as documented', () => {
    const begging = toCtdcRow(fact({ exploitation: ['ForcedBegging'] }));
    assert.deepEqual([begging.isForcedLabour, begging.isSexualExploit, begging.isOtherExploit], [1, 0, 0]);
    assert.deepEqual(on(begging, 'typeOfLabour'), ['typeOfLabourBegging']);
    const labour = toCtdcRow(
      fact({
        exploitation: ['ChildLabour'],
        industries: [
          'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
          'T_ActivitiesOfHouseholdsAsEmployers',
          'P_Education',
        ],
      }),
    );
    assert.deepEqual(on(labour, 'typeOfLabour'), [
      'typeOfLabourDomesticWork',
      'typeOfLabourPeddling',
      'typeOfLabourOther',
    ]);
    assert.deepEqual(on(toCtdcRow(fact({ exploitation: ['ForcedLabour'] })), 'typeOfLabour'), [
      'typeOfLabourNotSpecified',
    ]);
    // Industries of a case that is not forced labour do not invent a type of labour.
    assert.deepEqual(
      on(toCtdcRow(fact({ exploitation: ['Servitude'], industries: ['F_Construction'] })), 'typeOfLabour'),
      [],
    );
    const sex = toCtdcRow(fact({ exploitation: ['SexualExploitation', 'ForcedMarriage'], sexTypes: ['Pornography'] }));
    assert.deepEqual([sex.isForcedLabour, sex.isSexualExploit, sex.isOtherExploit], [0, 1, 1]);
    assert.deepEqual(on(sex, 'typeOfSex'), ['typeOfSexPornography']);
  });

  it('maps every HTCDS means of control and relation to a CTDC column', () => {
    for (const m of htcds.vic_MethodsOfControl) {
      const r = toCtdcRow(fact({ control: [m] }));
      const flags = on(r, 'meansOfControl');
      assert.ok(flags.length >= 1 && !flags.includes('meansOfControlNotSpecified'), m);
    }
    assert.deepEqual(on(toCtdcRow(fact({ control: ['ThreatensChildrenFamily'] })), 'meansOfControl'), [
      'meansOfControlThreats',
      'meansOfControlUsesChildren',
    ]);
    assert.deepEqual(on(toCtdcRow(fact({ control: ['PsychoactiveSubstance'] })), 'meansOfControl'), [
      'meansOfControlPsychoactiveSubstances',
    ]);
    assert.deepEqual(on(toCtdcRow(fact()), 'meansOfControl'), ['meansOfControlNotSpecified']);
    const rel = (relation: string) => on(toCtdcRow(fact({ relation })), 'recruiterRelation');
    assert.deepEqual(rel('Familial'), ['recruiterRelationFamily']);
    assert.deepEqual(rel('Acquainted'), ['recruiterRelationFriend']);
    assert.deepEqual(rel('Unaquainted'), ['recruiterRelationOther']);
    assert.deepEqual(rel('Unknown'), ['recruiterRelationUnknown']);
    for (const c of flagColumns) assert.ok([0, 1].includes(toCtdcRow(fact({ control: ['Other'] }))[c] as number));
  });
});

describe('CSV writer', () => {
  it('quotes, doubles quotes, defuses formulas and starts with a BOM', () => {
    assert.equal(csvText('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvText(-3), '-3');
    assert.equal(csvText('0--8'), '0--8');
    const out = toCsv(
      ['a', 'b'],
      [
        { a: 1, b: 'x\ny' },
        { a: 'say "hi"', b: 'c,d' },
      ],
    );
    assert.equal(out, '\uFEFFa,b\r\n1,"x\ny"\r\n"say ""hi""","c,d"\r\n');
  });
});
