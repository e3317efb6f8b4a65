import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSection } from '../../../../src/modules/cases/vocabulary';
import type { CaseDetail } from './CasePage';
import { Section } from './sections';

// What a receiver (through a referral or a data-sharing agreement) was given of a case. The server sends only the
// sections shared; the page shows those and leaves out the parts that would only be empty.

/** True when the case page may show this section: always for the case's own organisation. */
export const sees = (c: CaseDetail, section: CaseSection) => !c.sharing || c.sharing.sections.includes(section);

const fieldSection: Record<string, CaseSection> = {
  local_Languages: 'languages',
  prs_PrimaryLanguage: 'languages',
  prs_SecondaryLanguage: 'languages',
  local_Contact: 'contact',
  local_AgeAtIntake: 'age',
  vic_AgeWhenTrafficked: 'age',
  local_IsMinor: 'age',
  vic_Vulnerabilities: 'vulnerabilities',
  vic_DetailsOfVulnerabilities: 'vulnerabilities',
  vic_TypeOfExploitation: 'exploitation',
  vic_MethodOfRecruitment: 'exploitation',
  vic_RelationshipToTrafficker: 'exploitation',
  vic_MethodsOfControl: 'exploitation',
  vic_ForcedLabourIndustry: 'exploitation',
  vic_TypeOfSexExploitation: 'exploitation',
  local_MonthsExploited: 'exploitation',
  vic_RecruitmentWebsitesAndApps: 'exploitation',
  vic_ExploitationWebsitesAndApps: 'exploitation',
};
const personFields = ['prs_', 'local_BirthYear', 'local_Ethnicity'];

/** The record fields a receiver was given (the case's division is always shown). */
export function sharedFields(c: CaseDetail, fields: readonly string[]): string[] {
  if (!c.sharing) return [...fields];
  return fields.filter((f) => {
    const s = fieldSection[f] ?? (personFields.some((p) => f.startsWith(p)) ? 'identity' : undefined);
    return s === undefined ? f === 'local_Division' : sees(c, s);
  });
}

/** One line for a receiver: what shared the case with them and which sections, in words. */
export function SharingNote({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (!c.sharing) return null;
  const names = c.sharing.sections.map((s) => t(`cases.sections.${s}`)).join(', ');
  const via = c.sharing.via.includes('referral') ? 'referral' : 'agreement';
  return (
    <Alert color="blue" variant="light" title={t(`cases.sharing.${via}`)}>
      {names ? t('cases.sharing.sections', { sections: names }) : t('cases.sharing.none')}
    </Alert>
  );
}

/** The decision and a child's safeguards, read-only, for a receiver given those sections. */
export function SharedFacts({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (!c.sharing) return null;
  const decision = sees(c, 'decision') && c.vic_TraffickingStatus;
  const safeguards = sees(c, 'safeguards') && (c.guardian || c.bestInterest);
  if (!decision && !safeguards) return null;
  return (
    <Section title={t('cases.sharing.facts')}>
      <Stack gap="xs">
        {decision && (
          <Text size="sm">
            {t(`htcds.vic_TraffickingStatus.${c.vic_TraffickingStatus}`)}
            {c.decisionReason ? ` · ${c.decisionReason}` : ''}
          </Text>
        )}
        {c.guardian && sees(c, 'safeguards') && <Text size="sm">{c.guardian}</Text>}
        {c.bestInterest && sees(c, 'safeguards') && <Text size="sm">{c.bestInterest}</Text>}
      </Stack>
    </Section>
  );
}
