import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../format';
import { usePrivacy } from '../../rights/data';
import type { CaseDetail } from '../CasePage';
import { Section } from '../sections';
import { CaseFlags } from './flags';
import { Holds } from './holds';

/** When the case was anonymised (the case detail says so once the anonymisation engine has run). */
const anonymisedAt = (c: CaseDetail) => (c as { anonymisedAt?: string | null }).anonymisedAt ?? null;

/** Above the case, for everyone who opens it: its personal data were destroyed (erasure or retention). */
export function AnonymisedBanner({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const at = anonymisedAt(c);
  if (!at) return null;
  return (
    <Alert color="gray" title={t('rights.anonymised.title')} data-anonymised>
      {t('rights.anonymised.case', { date: formatDate(at) })}
    </Alert>
  );
}

/**
 * The case's privacy card: the person's restriction and objection flags, the case's legal holds, an open proceeding,
 * its anonymisation. A supervisor who handles people's rights (the server's `manage`) places and lifts
 * holds, lifts flags and logs a request from here; the case's other staff read it.
 */
export function PrivacyPart({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = usePrivacy(c.id);
  const p = q.data;
  return (
    <div data-part="privacy">
      <Section title={t('rights.privacy.title')}>
        <Stack>
          {q.error && (
            <Alert color="red" role="alert">
              {q.error.message}
            </Alert>
          )}
          {p?.anonymisedAt && (
            <Text size="sm">{t('rights.anonymised.case', { date: formatDate(p.anonymisedAt) })}</Text>
          )}
          {p?.openProceeding && !p.anonymisedAt && <Text size="sm">{t('rights.privacy.openProceeding')}</Text>}
          {p?.retention && (
            <Text size="sm" data-retention>
              {t(p.retention.held ? 'rights.privacy.retentionHeld' : 'rights.privacy.retentionDue', {
                date: formatDate(p.retention.dueOn),
              })}
            </Text>
          )}
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('rights.flags.title')}
            </Text>
            <CaseFlags caseId={c.id} liftable={!p?.anonymisedAt} />
          </Stack>
          {p && <Holds caseId={c.id} holds={p.holds} writable={p.abilities.manage && !p.anonymisedAt} />}
          {p?.abilities.manage && !p.anonymisedAt && (
            <Anchor component={Link} to={`/rights/new?code=${encodeURIComponent(c.code)}`} size="sm">
              {t('rights.privacy.newRequest')}
            </Anchor>
          )}
        </Stack>
      </Section>
    </div>
  );
}
