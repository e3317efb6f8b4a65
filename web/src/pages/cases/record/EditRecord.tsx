import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import type { CaseDetail } from '../CasePage';
import { type Choices, type Conflict, ConflictChoices, chosenValues, initialChoices } from './ConflictChoices';
import { FieldInput } from './FieldInput';

type Values = Record<string, unknown>;
/** What the form sends: the changed fields, the version they were based on, and a reason for corrections. */
export interface RecordWrite {
  version?: number;
  fields: Values;
  reason?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);

/**
 * A form for some fields of one record, in a dialog. It sends only what changed, on the version the page was
 * showing; when someone else changed the same field meanwhile, it shows both values to choose or combine.
 */
export function EditRecord({
  title,
  fields,
  values,
  version,
  places = {},
  save,
  onSaved,
  onClose,
}: {
  title: string;
  fields: readonly string[];
  values: Values;
  version?: number;
  places?: Record<string, string | null | undefined>;
  save: (w: RecordWrite) => Promise<CaseDetail>;
  onSaved: (c: CaseDetail) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Values>(() => Object.fromEntries(fields.map((f) => [f, values[f] ?? null])));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ conflicts: Conflict[]; version: number } | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [busy, setBusy] = useState(false);
  // A change sends what differs from the record; a new record (no version yet) sends everything filled in.
  const changed =
    version === undefined
      ? fields.filter((f) => !empty(draft[f]))
      : fields.filter((f) => !same(draft[f], values[f] ?? null));
  const corrects = version !== undefined && changed.some((f) => !empty(values[f]));

  const send = async (w: RecordWrite) => {
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      onSaved(await save(w));
      onClose();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const body = e.body as { conflicts?: Conflict[]; version?: number; fields?: { path: string }[] };
      if (e.status === 409 && body.conflicts?.length) {
        setConflict({ conflicts: body.conflicts, version: body.version ?? w.version ?? 1 });
        setChoices(initialChoices(body.conflicts));
      } else if (e.code === 'correction_needs_reason') setErrors({ reason: e.message });
      else if (body.fields?.length) {
        const at: Record<string, string> = {};
        for (const f of body.fields) {
          const name = f.path.split('.').find((p) => fields.includes(p));
          if (name) at[name] = t('cases.fieldInvalid');
        }
        setErrors(at);
        if (!Object.keys(at).length) setFailure(e.message);
      } else setFailure(e.message);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    if (!changed.length) return onClose();
    void send({
      version,
      fields: Object.fromEntries(changed.map((f) => [f, draft[f]])),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };
  const resolve = () => {
    if (!conflict) return;
    const chosen = chosenValues(conflict.conflicts, choices);
    setConflict(null);
    void send({
      version: conflict.version,
      fields: { ...Object.fromEntries(changed.map((f) => [f, draft[f]])), ...chosen },
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };

  const buttons = (label: string, onClick: () => void) => (
    <Group>
      <Button onClick={onClick} loading={busy}>
        {label}
      </Button>
      <Button variant="default" onClick={onClose}>
        {t('record.cancel')}
      </Button>
    </Group>
  );

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('record.close') }}
      title={title}
      size="lg"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 500}
    >
      {conflict ? (
        <Stack>
          <Alert color="blue" role="alert" title={t('record.conflictTitle')}>
            {t('record.conflictHelp')}
          </Alert>
          <ConflictChoices
            conflicts={conflict.conflicts}
            choices={choices}
            onChange={setChoices}
            labels={{ yours: t('record.yours'), theirs: t('record.theirs') }}
            places={places}
          />
          {buttons(t('record.saveChoice'), resolve)}
        </Stack>
      ) : (
        <Stack>
          {fields.map((f) => (
            <FieldInput
              key={f}
              field={f}
              value={draft[f]}
              placeLabel={places[f]}
              error={errors[f]}
              onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
            />
          ))}
          {(corrects || errors.reason) && (
            <Textarea
              label={t('record.reason')}
              description={t('record.reasonHelp')}
              value={reason}
              error={errors.reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
            />
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {buttons(t('record.save'), submit)}
        </Stack>
      )}
    </Modal>
  );
}
