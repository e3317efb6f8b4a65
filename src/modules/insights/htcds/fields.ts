// The official HTCDS 2.0 flat template (HTCDS_Excel_Spreadsheet_v2.0.xlsx, Sheet1): row 1 holds the field names,
// row 2 their labels, column A a row number. These are facts of the standard, kept here as constants; the test
// reads the official file and checks our header against it cell for cell.

/**
 * Row 1 of the template, column A first. Column A is the template's row number (no field name); the column
 * after cas_ReferredPrimaryCaseWorker has no field name in the template either (its label, row 2, says "Reason
 * for Outgoing Referral"). `vic_TraffickinStatusDecisionMakingOrg` is the template's own spelling.
 */
export const templateHeader = [
  '',
  'cas_CaseOwner',
  'prs_Salutation',
  'prs_FirstName',
  'prs_SecondName',
  'con_Consent',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'prs_Title',
  'prs_Email',
  'prs_HomePhone',
  'prs_MobilePhone',
  'prs_MailingCity',
  'prs_MailingCountry',
  'prs_MailingState',
  'prs_MailingStreet',
  'prs_MailingPostalCode',
  'vic_TraffickingStatus',
  'vic_TraffickinStatusDecisionMakingOrg',
  'vic_MethodOfRecruitment',
  'vic_LocationOfRecruitment',
  'vic_MethodsOfControl',
  'vic_TypeOfExploitation',
  'vic_ForcedLabourIndustry',
  'vic_TypeOfSexExploitation',
  'vic_LocationOfExploitation',
  'cas_Status',
  'cas_ReferringOrganisation',
  'cas_IncomingReferralDate',
  'cas_ReferringPrimaryCaseWorker',
  'cas_ReasonForIncomingReferral',
  'cas_IncomingReferralDetails',
  'cas_ReferredOrganisation',
  'cas_ReferredPrimaryCaseWorker',
  '',
  'cas_OutgoingReferralDate',
  'cas_OutgoingReferralDetails',
  'cas_ReasonForCaseClosure',
] as const;

/** Row 2 of the template (labels), in the same order; an import skips a row that repeats them. */
export const templateLabels = [
  '',
  'Case Owner',
  'Salutation',
  'First Name',
  'Second Name',
  'Consent',
  'Birthdate',
  'Gender',
  'Citizenship',
  'Title',
  'Email',
  'Home Phone',
  'Mobile Phone',
  'Mailing Street',
  'Mailing City',
  'Mailing State/Province',
  'Mailing Zip/Postal Code',
  'Mailing Country',
  'Trafficking Status',
  'Trafficking Status Decision Making Organization',
  'Method of Recruitment',
  'Location of Recruitment',
  'Methods of Control',
  'Type of Exploitation',
  'Forced Labour Industry',
  'Type of Sex Exploitation',
  'Location of Exploitation',
  'Status',
  'Referring Organisation',
  'Incoming Referral Date',
  'Referring Primary Case Worker',
  'Reason for Incoming Referral',
  'Incoming Referral Details',
  'Referred Organisation',
  'Referred Primary Case Worker',
  'Reason for Outgoing Referral',
  'Outgoing Referral Date',
  'Outgoing Referral Details',
  'Reason for Case Closure',
] as const;

export type HtcdsColumn = Exclude<(typeof templateHeader)[number], ''> | 'cas_ReasonForOutgoingReferral';

/** Column index (0-based) of each field; the unnamed column carries cas_ReasonForOutgoingReferral. */
export const columnIndex = new Map<HtcdsColumn, number>(
  templateHeader.map((name, i) => [(name || (i === 35 ? 'cas_ReasonForOutgoingReferral' : '')) as HtcdsColumn, i]),
);
columnIndex.delete('' as HtcdsColumn);

/**
 * Columns filled only for actors who may export personal data (exports:personal): identifying fields, consent,
 * and free text about the person or their referrals and closure.
 */
export const personalColumns: ReadonlySet<HtcdsColumn> = new Set<HtcdsColumn>([
  'prs_Salutation',
  'prs_FirstName',
  'prs_SecondName',
  'con_Consent',
  'prs_Birthdate',
  'prs_Title',
  'prs_Email',
  'prs_HomePhone',
  'prs_MobilePhone',
  'prs_MailingCity',
  'prs_MailingCountry',
  'prs_MailingState',
  'prs_MailingStreet',
  'prs_MailingPostalCode',
  'cas_IncomingReferralDetails',
  'cas_OutgoingReferralDetails',
  'cas_ReasonForCaseClosure',
]);

/** Multi-valued picklists are written as their value names joined with ";" (as Salesforce multi-select picklists). */
export const joinValues = (values: readonly string[]) => values.join(';');
/** Splits a multi-valued cell on ";" (spaces around values tolerated), dropping empty parts. */
export const splitValues = (cell: string) =>
  cell
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * A location cell: a division code of the installation's country (e.g. "0603"), or an ISO 3166-1 alpha-2
 * country code (e.g. "CO") when the place is abroad or only the country is known.
 */
export function locationCell(country: string | null, division: string | null, home: string): string {
  if (division && (!country || country === home)) return division;
  return country ?? '';
}
