// The CTDC-style record: the column names of the Counter Trafficking Data Collaborative's global synthetic
// dataset, filled from a de-identified fact with an explicit mapping from HTCDS 2.0 values. Flags are 0/1.
// Mapping decisions (also in docs/researcher.md):
// - isForcedLabour: ForcedLabour, ChildLabour or ForcedBegging (CTDC counts begging as a type of labour).
//   isSexualExploit: SexualExploitation. isOtherExploit: every other form (ForcedMarriage, Servitude,
//   ForcedMilitaryByNonStateActors, OrganRemoval, ForcedAdoption, Surrogacy, Other).
// - typeOfLabour*: from the ISIC sections of vic_ForcedLabourIndustry (A agriculture, B mining, C manufacturing,
//   F construction, H transportation, I hospitality, T domestic work) and ForcedBegging → Begging.
//   G (wholesale and retail trade) → Peddling: in the project's cantons it is children selling in the street
//   for someone else, which is CTDC's peddling; other sections → Other. A forced-labour case with no industry
//   and no begging → NotSpecified. Aquafarming and IllicitActivities have no HTCDS source and stay 0.
// - meansOfControl*: one-to-one where HTCDS has the same idea; ThreatensChildrenFamily sets both Threats and
//   UsesChildren; RestrictsMovement has no HTCDS source and stays 0; no method recorded → NotSpecified.
// - recruiterRelation*: Familial → Family, Acquainted → Friend (CTDC's friend or acquaintance),
//   Unaquainted → Other (CTDC has no "stranger" column), Unknown → Unknown; IntimatePartner stays 0.
// - traffickMonths: under 12 months, 12 to 23, 24 or more; empty when unknown. Countries stay ISO alpha-2.
import { ageBands, type Fact, UNKNOWN } from '../facts';

export const quasiIdentifiers = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'CountryOfExploitation',
] as const;
export type QuasiIdentifier = (typeof quasiIdentifiers)[number];

const controlMap: Record<string, string[]> = {
  PhysicalThreats: ['Threats'],
  ThreatsLawEnforcement: ['ThreatOfLawEnforcement'],
  ThreatensChildrenFamily: ['Threats', 'UsesChildren'],
  DebtBondage: ['DebtBondage'],
  FalsePromises: ['FalsePromises'],
  PhysicalAbuse: ['PhysicalAbuse'],
  SexualAbuse: ['SexualAbuse'],
  TakesEarnings: ['TakesEarnings'],
  RestrictsFinancialAccess: ['RestrictsFinancialAccess'],
  RestrictsMedicalCare: ['RestrictsMedicalCare'],
  WithholdsNecessities: ['WithholdsNecessities'],
  PsychologicalAbuse: ['PsychologicalAbuse'],
  PsychoactiveSubstance: ['PsychoactiveSubstances'],
  ExcessiveWorkingHours: ['ExcessiveWorkingHours'],
  WithholdsDocuments: ['WithholdsDocuments'],
  Other: ['Other'],
};
export const controlColumns = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
  'WithholdsDocuments',
  'Other',
  'NotSpecified',
].map((c) => `meansOfControl${c}`);

const industryMap: Record<string, string> = {
  A_AgricultureForestryAndFishing: 'Agriculture',
  B_MiningAndQuarrying: 'MiningOrDrilling',
  C_Manufacturing: 'Manufacturing',
  F_Construction: 'Construction',
  G_WholesaleAndRetailTradeRepairOfMotorVehicles: 'Peddling',
  H_TransportationAndStorage: 'Transportation',
  I_AccommodationAndFoodServiceActivities: 'Hospitality',
  T_ActivitiesOfHouseholdsAsEmployers: 'DomesticWork',
};
export const labourColumns = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
  'NotSpecified',
].map((c) => `typeOfLabour${c}`);

export const sexColumns = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'].map(
  (c) => `typeOfSex${c}`,
);

const relationMap: Record<string, string> = {
  Familial: 'Family',
  Acquainted: 'Friend',
  Unaquainted: 'Other',
};
export const relationColumns = ['IntimatePartner', 'Friend', 'Family', 'Other', 'Unknown'].map(
  (c) => `recruiterRelation${c}`,
);

export const exploitColumns = ['isForcedLabour', 'isSexualExploit', 'isOtherExploit'];
const labourForms = new Set(['ForcedLabour', 'ChildLabour', 'ForcedBegging']);

/** Every 0/1 column, in output order. */
export const flagColumns = [...controlColumns, ...exploitColumns, ...labourColumns, ...sexColumns, ...relationColumns];
/** Every column of the export, in order: the quasi-identifiers, traffickMonths, then the flags. */
export const ctdcColumns = [...quasiIdentifiers, 'traffickMonths', ...flagColumns];

export type CtdcValue = string | number;
export type CtdcRow = Record<string, CtdcValue>;

/** CTDC's bands of time in the situation. */
export const monthBands = ['0--12 (0-1 yr)', '12--24 (1-2 yrs)', '24+ (>2 yrs)'] as const;

/** The traffickMonths band of a number of months; empty when unknown. */
export function monthsBand(months: number | null): string {
  if (months === null || Number.isNaN(months)) return '';
  if (months < 12) return monthBands[0];
  if (months < 24) return monthBands[1];
  return monthBands[2];
}

/** CTDC's gender: Female, Male, Trans/NonConforming, or empty when not specified. */
export function ctdcGender(gender: string): string {
  if (gender === 'Feminine') return 'Female';
  if (gender === 'Masculine') return 'Male';
  if (gender === 'TransgenderFeminine' || gender === 'TransgenderMasculine' || gender === 'NonConforming')
    return 'Trans/NonConforming';
  return '';
}

const known = (v: string) => (v === UNKNOWN ? '' : v);
const flags = (names: string[], on: Set<string>) => Object.fromEntries(names.map((n) => [n, on.has(n) ? 1 : 0]));

/** The CTDC row of one fact: every column of `ctdcColumns`, unknowns as empty strings, flags as 0/1. */
export function toCtdcRow(f: Fact): CtdcRow {
  const control = new Set(f.control.flatMap((c) => controlMap[c] ?? []).map((c) => `meansOfControl${c}`));
  if (control.size === 0) control.add('meansOfControlNotSpecified');
  const isForcedLabour = f.exploitation.some((e) => labourForms.has(e));
  const labour = new Set<string>();
  if (isForcedLabour) {
    for (const i of f.industries) labour.add(`typeOfLabour${industryMap[i] ?? 'Other'}`);
    if (f.exploitation.includes('ForcedBegging')) labour.add('typeOfLabourBegging');
    if (labour.size === 0) labour.add('typeOfLabourNotSpecified');
  }
  const isSexualExploit = f.exploitation.includes('SexualExploitation');
  const sex = new Set(isSexualExploit ? f.sexTypes.map((s) => `typeOfSex${s}`) : []);
  const relation = `recruiterRelation${relationMap[f.relation] ?? 'Unknown'}`;
  return {
    yearOfRegistration: f.year,
    gender: ctdcGender(f.gender),
    ageBroad: ageBands.includes(f.ageBand as (typeof ageBands)[number]) ? f.ageBand : '',
    majorityStatus: f.minor ? 'Minor' : 'Adult',
    citizenship: known(f.citizenship),
    CountryOfExploitation: f.exploitedIn ?? '',
    traffickMonths: monthsBand(f.monthsExploited),
    ...flags(controlColumns, control),
    isForcedLabour: isForcedLabour ? 1 : 0,
    isSexualExploit: isSexualExploit ? 1 : 0,
    isOtherExploit: f.exploitation.some((e) => !labourForms.has(e) && e !== 'SexualExploitation') ? 1 : 0,
    ...flags(labourColumns, labour),
    ...flags(sexColumns, sex),
    ...flags(relationColumns, new Set([relation])),
  };
}
