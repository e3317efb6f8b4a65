import { Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { localToday } from '../../../format';
import { useOrganisations } from '../../../organisations';
import { given, useCatalogue, withSource } from '../kit/data';
import { errorAt } from '../kit/errors';
import { DateField, Failure, Submit } from '../kit/form';
import type { Complaint } from './data';
import { path, submit, useWrite } from './kit';

/** The filing facts a complaint is recorded and corrected with. */
type Filing = {
  filedOn: string;
  institutionOrgId: string | null;
  institution: string;
  prosecutorOrgId: string | null;
  prosecutorOffice: string;
  fileNumber: string;
};
const filingFields = [
  'filedOn',
  'institutionOrgId',
  'institution',
  'prosecutorOrgId',
  'prosecutorOffice',
  'fileNumber',
];

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

/** The filing facts' inputs: when the complaint was filed, where and to which office, and its file number. */
function FilingFields({
  f,
  set,
  at,
}: {
  f: Filing;
  set: (v: Partial<Filing>) => void;
  at: (k: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        required
        label={t('prosecution.filedOn')}
        max={localToday()}
        value={f.filedOn}
        onChange={(v) => set({ filedOn: v })}
        error={at('filedOn')}
      />
      <OrgOrText
        label={t('prosecution.institution')}
        org={f.institutionOrgId}
        text={f.institution}
        onOrg={(v) => set({ institutionOrgId: v })}
        onText={(v) => set({ institution: v })}
        error={at('institutionOrgId') ?? at('institution')}
      />
      <OrgOrText
        label={t('prosecution.office')}
        org={f.prosecutorOrgId}
        text={f.prosecutorOffice}
        onOrg={(v) => set({ prosecutorOrgId: v })}
        onText={(v) => set({ prosecutorOffice: v })}
        error={at('prosecutorOrgId') ?? at('prosecutorOffice')}
      />
      <TextInput
        label={t('prosecution.fileNumber')}
        description={t('prosecution.fileNumberHint')}
        value={f.fileNumber}
        onChange={(e) => set({ fileNumber: e.currentTarget.value })}
        error={at('fileNumber')}
      />
    </>
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
        <FilingFields f={f} set={(v) => setF({ ...f, ...v })} at={at} />
        <Select
          label={t('prosecution.firstStage')}
          description={t('prosecution.firstStageHint')}
          data={stages.map((s) => ({ value: s.key, label: withSource(s) }))}
          value={f.stage}
          onChange={(v) => setF({ ...f, stage: v })}
          clearable
          error={at('stage')}
        />
        <Failure error={m.error} fields={[...filingFields, 'stage']} />
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
        <FilingFields f={f} set={(v) => setF({ ...f, ...v })} at={at} />
        <Failure error={m.error} fields={filingFields} />
        <Submit pending={m.isPending} disabled={!f.filedOn}>
          {t('prosecution.save')}
        </Submit>
      </Stack>
    </form>
  );
}
