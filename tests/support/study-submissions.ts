import type { Answers } from '../../src/shared/xlsform/types';

// Submissions to the demo Cuenca study's form (src/modules/studies/demo-form.ts), valid and invalid, each with the
// outcome the form's rules give: the browser and the server must both reach exactly this outcome.

export interface SubmissionFixture {
  name: string;
  answers: Answers | Record<string, unknown>;
  /** [] = valid; otherwise every problem as `path code`, sorted. */
  expect: string[];
}

const base = (): Answers => ({
  consent_ack: 'OK',
  interview_date: '2026-11-20',
  role: 'parent',
  age: 41,
  left_school: 'no',
  approach: ['job_offer'],
});

export const submissionFixtures: SubmissionFixture[] = [
  { name: 'a parent whose children stayed in school', answers: base(), expect: [] },
  {
    name: 'a child left school: reasons, months and two children who travelled',
    answers: {
      ...base(),
      left_school: 'yes',
      reasons: ['work', 'other'],
      reasons_other: 'Cuidar ganado (texto de prueba)',
      migration_months: ['m07', 'm12'],
      children: [
        { child_age: 12, destination: 'colombia' },
        { child_age: 15, destination: 'quito' },
      ],
    },
    expect: [],
  },
  {
    name: 'the coarse community point is accepted',
    answers: { ...base(), community_point: '-2.9 -79.01' },
    expect: [],
  },
  { name: 'age out of range breaks the constraint', answers: { ...base(), age: 130 }, expect: ['age constraint'] },
  { name: 'a missing required answer', answers: { ...base(), role: null }, expect: ['role required'] },
  { name: 'a choice that is not in the list', answers: { ...base(), role: 'mayor' }, expect: ['role choice'] },
  { name: 'an age that is not a whole number', answers: { ...base(), age: 'cuarenta' }, expect: ['age type'] },
  {
    name: 'reasons are required once a child left school',
    answers: { ...base(), left_school: 'yes', children: [{ child_age: 9, destination: 'cuenca' }] },
    expect: ['reasons required'],
  },
  {
    name: 'a child in the repeat older than 17 breaks its constraint, a destination is missing',
    answers: {
      ...base(),
      left_school: 'yes',
      reasons: ['begging'],
      children: [
        { child_age: 21, destination: 'guayaquil' },
        { child_age: 10, destination: null },
      ],
    },
    expect: ['children[0].child_age constraint', 'children[1].destination required'],
  },
  {
    name: 'a question nobody asked',
    answers: { ...base(), favourite_colour: 'azul' },
    expect: ['favourite_colour unknown_question'],
  },
  { name: 'an impossible date', answers: { ...base(), interview_date: '2026-02-30' }, expect: ['interview_date type'] },
];

/** A result as the fixtures write it: every issue as `path code`, sorted. */
export const outcome = (issues: readonly { path: string; code: string }[]) =>
  issues.map((i) => `${i.path} ${i.code}`).sort();
