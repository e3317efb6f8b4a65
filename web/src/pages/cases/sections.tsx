import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSections, htcds, local, recordedTaskKinds } from '../../../../src/modules/cases/vocabulary';
import type { ApiBody } from '../../api';
import { FieldList } from './record/display';
import { EditRecord } from './record/EditRecord';
import { caseValues } from './record/fields';

type ConsentBody = ApiBody<'/api/cases/{id}/consents'>;

import { formatDate, formatDateTime } from '../../format';
import { useOrganisations } from '../../organisations';
import type { CaseDetail } from './CasePage';
import { Behind } from './kit/opener';

import { useTransport } from './transport';
import type { Act } from './writes';

export type { Act };

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

// The form behind a button lives in the case page's kit, shared with the board, returns and prosecution parts.
export { Behind };

const safeguardFields = ['local_Guardian', 'local_BestInterest'];

/** A minor's safeguards: the notification task, guardian or authority, best-interest note. */
export function Safeguards({ c, act, onSaved }: { c: CaseDetail; act: Act; onSaved: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [editing, setEditing] = useState(false);
  return (
    <Section title={t('cases.safeguards')}>
      <Stack>
        {c.safeguardsMissing.length > 0 && (
          <Alert color="orange">
            {t('cases.safeguardsMissing', { list: c.safeguardsMissing.map((m) => t(`htcds.missing.${m}`)).join(', ') })}
          </Alert>
        )}
        {c.tasks
          .filter((task) => task.kind !== 'follow_up')
          .map((task) => (
            <Group key={task.id} justify="space-between">
              <Text size="sm">
                {[
                  t(`htcds.tasks.${task.kind}`),
                  ...(task.authority ? [t(`htcds.authorities.${task.authority}`)] : []),
                  `${t('cases.due')} ${formatDateTime(task.dueAt)}`,
                ].join(' · ')}
              </Text>
              {task.overdue && (
                <Badge color="red.9" variant="outline">
                  {t('work.overdue')}
                </Badge>
              )}
              {task.doneAt ? (
                <Badge color="green">{t('cases.done')}</Badge>
              ) : recordedTaskKinds.includes(task.kind) ? null : (
                <Button size="compact-sm" onClick={() => act({ to: 'taskDone', sub: task.id })}>
                  {t('cases.markDone')}
                </Button>
              )}
            </Group>
          ))}
        <FieldList fields={safeguardFields} values={caseValues(c)} />
        {/* The same versioned change as the rest of the record: a colleague's edit meanwhile is a conflict, not lost. */}
        <Button w="fit-content" size="compact-sm" variant="outline" color="teal.9" onClick={() => setEditing(true)}>
          {t('record.open.safeguards')}
        </Button>
        {editing && (
          <EditRecord
            title={t('cases.safeguards')}
            fields={safeguardFields}
            values={caseValues(c)}
            version={c.version}
            save={(w) => transport.patch(c.id, '', w)}
            onSaved={onSaved}
            onClose={() => setEditing(false)}
          />
        )}
      </Stack>
    </Section>
  );
}

export function Decision({ c, act }: { c: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(c.vic_TraffickingStatus);
  const [org, setOrg] = useState<string | null>(c.vic_TraffickingStatusDecisionMakingOrg);
  const [reason, setReason] = useState(c.decisionReason ?? '');
  const opts = (field: 'vic_TraffickingStatus' | 'vic_TraffickingStatusDecisionMakingOrg') =>
    htcds[field].map((v) => ({ value: v, label: t(`htcds.${field}.${v}`) }));
  return (
    <Section title={t('cases.decision')}>
      <Stack>
        {c.vic_TraffickingStatus && (
          <Text size="sm">
            {t(`htcds.vic_TraffickingStatus.${c.vic_TraffickingStatus}`)}
            {c.vic_TraffickingStatusDecisionMakingOrg &&
              ` · ${t(`htcds.vic_TraffickingStatusDecisionMakingOrg.${c.vic_TraffickingStatusDecisionMakingOrg}`)}`}
            {c.decisionReason && ` · ${c.decisionReason}`}
          </Text>
        )}
        <Behind label={t('record.open.decision')}>
          <Select
            label={t('cases.traffickingStatus')}
            data={opts('vic_TraffickingStatus')}
            value={status}
            onChange={setStatus}
          />
          <Select
            label={t('cases.decisionOrg')}
            data={opts('vic_TraffickingStatusDecisionMakingOrg')}
            value={org}
            onChange={setOrg}
          />
          <Textarea
            label={t('cases.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
          />
          <Button
            w="fit-content"
            disabled={!status || !org || reason.trim().length < 3}
            onClick={() =>
              act({
                to: 'decision',
                // The button stays disabled until both are chosen from the schema's values.
                body: {
                  vic_TraffickingStatus: status,
                  vic_TraffickingStatusDecisionMakingOrg: org,
                  reason,
                } as ApiBody<'/api/cases/{id}/decision'>,
              })
            }
          >
            {t('cases.saveDecision')}
          </Button>
        </Behind>
      </Stack>
    </Section>
  );
}

export function Consent({ c, act }: { c: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<string | null>('DataProcessing');
  const [givenBy, setGivenBy] = useState<string | null>(c.isMinor ? 'Guardian' : 'Self');
  const [giverName, setGiverName] = useState('');
  const [org, setOrg] = useState<string | null>(null);
  const [only, setOnly] = useState<string[]>([]);
  const orgs = useOrganisations();
  const opts = (list: readonly string[], field: string) =>
    list.map((v) => ({ value: v, label: t(`htcds.${field}.${v}`) }));
  return (
    <Section title={t('cases.consent')}>
      <Stack>
        {c.consents.map((k) => (
          <Group key={k.id} justify="space-between">
            <Text size="sm" td={k.withdrawnAt ? 'line-through' : undefined}>
              {t(`htcds.local_ConsentScope.${k.scope}`)}
              {k.organisationId && ` (${orgs.name(k.organisationId) ?? '…'})`} ·{' '}
              {t(`htcds.local_ConsentGivenBy.${k.givenBy}`)} {k.giverName && `(${k.giverName})`} ·{' '}
              {formatDate(k.givenAt)}
              {k.sections && ` · ${k.sections.map((x) => t(`cases.sections.${x}`)).join(', ')}`}
            </Text>
            {k.withdrawnAt ? (
              <Badge color="gray">{t('cases.withdrawn')}</Badge>
            ) : (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => act({ to: 'withdrawConsent', sub: k.id })}
              >
                {t('cases.withdraw')}
              </Button>
            )}
          </Group>
        ))}
        <Behind label={t('record.open.consent')}>
          <Group align="end" wrap="wrap">
            <Select
              label={t('cases.consentScope')}
              data={opts(local.local_ConsentScope, 'local_ConsentScope')}
              value={scope}
              onChange={setScope}
            />
            {scope === 'SharingWithOrganisation' && (
              <Select
                label={t('cases.consentOrganisation')}
                data={orgs.options}
                value={org}
                onChange={setOrg}
                searchable
              />
            )}
            {scope === 'SharingWithOrganisation' && (
              <MultiSelect
                label={t('cases.consentSections')}
                description={t('cases.consentSectionsHelp')}
                data={caseSections.map((x) => ({ value: x, label: t(`cases.sections.${x}`) }))}
                value={only}
                onChange={setOnly}
                maw="100%"
              />
            )}
            <Select
              label={t('cases.givenBy')}
              data={opts(local.local_ConsentGivenBy, 'local_ConsentGivenBy')}
              value={givenBy}
              onChange={setGivenBy}
            />
            <TextInput
              label={t('cases.giverName')}
              value={giverName}
              onChange={(e) => setGiverName(e.currentTarget.value)}
            />
            <Button
              disabled={scope === 'SharingWithOrganisation' && !org}
              onClick={() =>
                act({
                  to: 'consents',
                  body: {
                    scope: scope as ConsentBody['scope'],
                    givenBy: givenBy as ConsentBody['givenBy'],
                    ...(scope === 'SharingWithOrganisation' && org ? { organisationId: org } : {}),
                    ...(scope === 'SharingWithOrganisation' && only.length
                      ? { sections: only as NonNullable<ConsentBody['sections']> }
                      : {}),
                    ...(giverName.trim().length >= 2 ? { giverName } : {}),
                  },
                })
              }
            >
              {t('cases.addConsent')}
            </Button>
          </Group>
        </Behind>
      </Stack>
    </Section>
  );
}
