import { Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { localToday } from '../../../format';
import { useOrganisations } from '../../../organisations';
import { type Complaint, errorAt, given, useCatalogue, withSource } from './data';
import { Failure, path, Submit, submit, useWrite } from './kit';

/** An institution or office: an organisation of the installation, or its name typed in. */
function OrgOrText(p: {
  label: string;
  org: string | null;
  text: string;
  onOrg: (v: string | null) => void;
  onText: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  return (
    <Stack gap={4}>
      <Select
        label={p.label}
        data={orgs.options}
        value={p.org}
        onChange={p.onOrg}
        searchable
        clearable
        error={p.error}
      />
      {!p.org && (
        <TextInput
          label={t('prosecution.orgText', { what: p.label })}
          value={p.text}
          onChange={(e) => p.onText(e.currentTarget.value)}
        />
      )}
    </Stack>
  );
}

/** A new complaint: when and by whom it was filed, to which office, its file number and first stage. */
export function ComplaintForm({ caseId, done }: { caseId: string; done: () => void }) {
  const { t } = useTranslation();
  const stages = useCatalogue('proceeding_stage').filter((s) => s.active);
  const [f, setF] = useState({
    filedOn: '',
    institutionOrgId: null as string | null,
    institution: '',
    prosecutorOrgId: null as string | null,
    prosecutorOffice: '',
    fileNumber: '',
    stage: null as string | null,
  });
  const m = useWrite(
    caseId,
    () => ok(client.POST('/api/cases/{id}/complaints', { params: { path: { id: caseId } }, body: given(f) as never })),
    done,
  );
  const at = (k: string) => errorAt(m.error, k);
  return (
    <form onSubmit={submit(() => m.mutate(undefined))}>
      <Stack gap="xs">
        <TextInput
          type="date"
          required
          label={t('prosecution.filedOn')}
          max={localToday()}
          value={f.filedOn}
          onChange={(e) => setF({ ...f, filedOn: e.currentTarget.value })}
          error={at('filedOn')}
        />
        <OrgOrText
          label={t('prosecution.institution')}
          org={f.institutionOrgId}
          text={f.institution}
          onOrg={(v) => setF({ ...f, institutionOrgId: v })}
          onText={(v) => setF({ ...f, institution: v })}
          error={at('institutionOrgId') ?? at('institution')}
        />
        <OrgOrText
          label={t('prosecution.office')}
          org={f.prosecutorOrgId}
          text={f.prosecutorOffice}
          onOrg={(v) => setF({ ...f, prosecutorOrgId: v })}
          onText={(v) => setF({ ...f, prosecutorOffice: v })}
          error={at('prosecutorOrgId') ?? at('prosecutorOffice')}
        />
        <TextInput
          label={t('prosecution.fileNumber')}
          description={t('prosecution.fileNumberHint')}
          value={f.fileNumber}
          onChange={(e) => setF({ ...f, fileNumber: e.currentTarget.value })}
          error={at('fileNumber')}
        />
        <Select
          label={t('prosecution.firstStage')}
          description={t('prosecution.firstStageHint')}
          data={stages.map((s) => ({ value: s.key, label: withSource(s) }))}
          value={f.stage}
          onChange={(v) => setF({ ...f, stage: v })}
          clearable
          error={at('stage')}
        />
        <Failure
          error={m.error}
          fields={[
            'filedOn',
            'institutionOrgId',
            'institution',
            'prosecutorOrgId',
            'prosecutorOffice',
            'fileNumber',
            'stage',
          ]}
        />
        <Submit pending={m.isPending} disabled={!f.filedOn}>
          {t('prosecution.file')}
        </Submit>
      </Stack>
    </form>
  );
}

/** Corrects the filing facts (a field left blank clears it; the file number stays unless a new one is given). */
export function EditComplaintForm({ caseId, c, done }: { caseId: string; c: Complaint; done: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    filedOn: c.filedOn,
    institutionOrgId: c.institutionOrgId,
    institution: c.institutionOrgId ? '' : (c.institution ?? ''),
    prosecutorOrgId: c.prosecutorOrgId,
    prosecutorOffice: c.prosecutorOrgId ? '' : (c.prosecutorOffice ?? ''),
    fileNumber: c.fileNumber ?? '',
  });
  const m = useWrite(
    caseId,
    () =>
      ok(
        client.PATCH('/api/cases/{id}/complaints/{sub}', {
          ...path(caseId, c.id),
          body: {
            filedOn: f.filedOn,
            institutionOrgId: f.institutionOrgId,
            institution: f.institutionOrgId ? null : f.institution.trim() || null,
            prosecutorOrgId: f.prosecutorOrgId,
            prosecutorOffice: f.prosecutorOrgId ? null : f.prosecutorOffice.trim() || null,
            fileNumber: f.fileNumber.trim() || null,
          },
        }),
      ),
    done,
  );
  const at = (k: string) => errorAt(m.error, k);
  return (
    <form onSubmit={submit(() => m.mutate(undefined))}>
      <Stack gap="xs">
        <TextInput
          type="date"
          required
          label={t('prosecution.filedOn')}
          max={localToday()}
          value={f.filedOn}
          onChange={(e) => setF({ ...f, filedOn: e.currentTarget.value })}
          error={at('filedOn')}
        />
        <OrgOrText
          label={t('prosecution.institution')}
          org={f.institutionOrgId}
          text={f.institution}
          onOrg={(v) => setF({ ...f, institutionOrgId: v })}
          onText={(v) => setF({ ...f, institution: v })}
          error={at('institutionOrgId') ?? at('institution')}
        />
        <OrgOrText
          label={t('prosecution.office')}
          org={f.prosecutorOrgId}
          text={f.prosecutorOffice}
          onOrg={(v) => setF({ ...f, prosecutorOrgId: v })}
          onText={(v) => setF({ ...f, prosecutorOffice: v })}
          error={at('prosecutorOrgId') ?? at('prosecutorOffice')}
        />
        <TextInput
          label={t('prosecution.fileNumber')}
          description={t('prosecution.fileNumberHint')}
          value={f.fileNumber}
          onChange={(e) => setF({ ...f, fileNumber: e.currentTarget.value })}
          error={at('fileNumber')}
        />
        <Failure
          error={m.error}
          fields={['filedOn', 'institutionOrgId', 'institution', 'prosecutorOrgId', 'prosecutorOffice', 'fileNumber']}
        />
        <Submit pending={m.isPending} disabled={!f.filedOn}>
          {t('prosecution.save')}
        </Submit>
      </Stack>
    </form>
  );
}
