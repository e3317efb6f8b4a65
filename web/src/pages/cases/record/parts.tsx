import { Button, Group, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../CasePage';
import { sharedFields } from '../shared';
import { useTransport } from '../transport';
import { FieldList } from './display';
import { EditRecord, type RecordWrite } from './EditRecord';
import { caseValues, sections } from './fields';

// The person, the victim's situation, events and perpetrators: each shown as label and value, changed through a
// form behind "Edit" or "Add" (only for those who may change the case).

type Saved = (c: CaseDetail) => void;

export function Part({
  title,
  action,
  children,
}: {
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** One record's fields, shown as label and value, with "Edit" opening the form for those who may change the case. */
function FieldsPart({
  c,
  title,
  editTitle,
  fields,
  values,
  version,
  places,
  save,
  onSaved,
}: {
  c: CaseDetail;
  title: string;
  editTitle: string;
  fields: readonly string[];
  values: Record<string, unknown>;
  version: number;
  places?: Record<string, string | null | undefined>;
  save: (w: RecordWrite) => Promise<CaseDetail>;
  onSaved: Saved;
}) {
  const shown = sharedFields(c, fields);
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (!shown.length) return null;
  return (
    <Part
      title={title}
      action={
        c.abilities.edit && (
          <Button size="compact-sm" variant="outline" color="teal.9" onClick={() => setEditing(true)}>
            {t('record.edit')}
          </Button>
        )
      }
    >
      <FieldList fields={shown} values={values} places={places} />
      {editing && (
        <EditRecord
          title={editTitle}
          fields={shown}
          values={values}
          version={version}
          places={places}
          save={save}
          onSaved={onSaved}
          onClose={() => setEditing(false)}
        />
      )}
    </Part>
  );
}

/** The person: names, birth, sex, nationality, identity, languages, contact. */
export function PersonPart({ c, onSaved }: { c: CaseDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const transport = useTransport();
  return (
    <FieldsPart
      c={c}
      title={t('record.person')}
      editTitle={t('record.editPerson')}
      fields={sections.person}
      values={c.person}
      version={c.person.version}
      save={(w) => transport.patch(c.id, '/person', w)}
      onSaved={onSaved}
    />
  );
}

/** How the case reached us from outside Minka (police, a consulate, a school): HTCDS incoming referral fields. */
export function ReferredPart({ c, onSaved }: { c: CaseDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const transport = useTransport();
  if (c.sharing) return null;
  return (
    <FieldsPart
      c={c}
      title={t('record.referredFromOutside')}
      editTitle={t('record.referredFromOutside')}
      fields={sections.referral}
      values={c}
      version={c.version}
      save={(w) => transport.patch(c.id, '', w)}
      onSaved={onSaved}
    />
  );
}

/** The victim's situation: ages, place, forms of exploitation, recruitment, control, vulnerabilities. */
export function SituationPart({ c, onSaved }: { c: CaseDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const transport = useTransport();
  // With no age known, whether the person is a minor is recorded by hand (a report may only say "a child").
  const fields =
    c.ageAtIntake === null && c.vic_AgeWhenTrafficked === null
      ? [...sections.situation, 'local_IsMinor']
      : sections.situation;
  return (
    <FieldsPart
      c={c}
      title={t('record.situation')}
      editTitle={t('record.editSituation')}
      fields={fields}
      values={caseValues(c)}
      version={c.version}
      places={{ local_Division: c.division.label }}
      save={(w) => transport.patch(c.id, '', w)}
      onSaved={onSaved}
    />
  );
}
