import { parseXlsform } from '../../shared/xlsform/index';
import type { Answers, FormDef } from '../../shared/xlsform/types';
import { cuencaStudySheets } from './demo-form';

// Made-up answers to the demo study's form, from a seeded generator (the same on every installation).

/** A small seeded generator (mulberry32): the same numbers on every installation. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const one = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: int(1, max) }, () => one(xs)))];
  return { next, int, one, some };
}

/** One made-up interview's answers for the demo form. */
export function demoAnswers(r: ReturnType<typeof seeded>, date: string): Answers {
  const role = r.one(['parent', 'parent', 'teacher', 'leader', 'young']);
  const left = r.next() < 0.6 ? 'yes' : 'no';
  const a: Answers = {
    consent_ack: 'OK',
    interview_date: date,
    role,
    age: role === 'young' ? r.int(15, 24) : r.int(25, 68),
    left_school: left,
    approach: r.some(['job_offer', 'job_offer', 'relative', 'debt', 'festivities'], 2),
    community_point: `${(-2.9 - r.int(0, 20) / 100).toFixed(2)} ${(-79.0 - r.int(0, 10) / 100).toFixed(2)}`,
  };
  if (left === 'yes') {
    a.reasons = r.some(['work', 'work', 'migration', 'begging', 'cost', 'distance'], 2);
    a.migration_months = r.some(['m06', 'm07', 'm08', 'm11', 'm12'], 3);
    a.children = Array.from({ length: r.int(1, 2) }, () => ({
      child_age: r.int(8, 17),
      destination: r.one(['cuenca', 'quito', 'guayaquil', 'colombia', 'colombia', 'venezuela']),
    }));
  }
  return a;
}

/** The demo form parsed from its sheets (it must parse: the sheets are part of the code). */
export function cuencaForm(): FormDef {
  const parsed = parseXlsform(cuencaStudySheets(), 'trata_infantil_cuenca');
  if (!parsed.ok) throw new Error(`the demo study form does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.form;
}
