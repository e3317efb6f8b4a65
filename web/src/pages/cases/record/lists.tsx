import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../CasePage';
import { useTransport } from '../transport';
import { FieldList, useFieldText } from './display';
import { EditRecord, type RecordWrite } from './EditRecord';
import { sections } from './fields';
import { Part } from './parts';

// Events and perpetrators: lists with "Add", and "Edit" and "Remove" on each item, each on its own version.

type Saved = (c: CaseDetail) => void;

type Item = { id: string; version: number } & Record<string, unknown>;

/** Events or perpetrators: a list with Add, and Edit and Remove on each. */
function ListPart({
  c,
  kind,
  items,
  heading,
  onSaved,
}: {
  c: CaseDetail;
  kind: 'event' | 'perpetrator';
  items: Item[];
  heading: (item: Item) => string;
  onSaved: Saved;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fields = sections[kind];
  const collection = kind === 'event' ? 'events' : 'perpetrators';
  const transport = useTransport();
  const save = (w: RecordWrite) =>
    editing === 'new'
      ? transport.add(c.id, collection, w.fields)
      : transport.patch(c.id, `/${collection}/${(editing as Item).id}`, w);
  const remove = async (item: Item) => {
    setFailure(null);
    try {
      onSaved(await transport.remove(c.id, collection, item.id, item.version));
    } catch (e) {
      setFailure((e as Error).message);
    }
    setRemoving(null);
  };
  return (
    <Part
      title={t(`record.${collection}`)}
      action={
        c.abilities.edit && (
          <Button size="compact-sm" variant="outline" color="teal.9" onClick={() => setEditing('new')}>
            {t(`record.add.${kind}`)}
          </Button>
        )
      }
    >
      <Stack>
        {!items.length && <Text c="gray.7">{t(`record.none.${kind}`)}</Text>}
        {items.map((item) => (
          <Paper key={item.id} withBorder p="sm">
            <Group justify="space-between" wrap="wrap" mb={6}>
              <Text fw={600}>{heading(item)}</Text>
              {c.abilities.edit && (
                <Group gap={6}>
                  <Button size="compact-sm" variant="outline" color="teal.9" onClick={() => setEditing(item)}>
                    {t('record.edit')}
                  </Button>
                  {removing === item.id ? (
                    <Button size="compact-sm" color="red.9" onClick={() => remove(item)}>
                      {t('record.confirmRemove')}
                    </Button>
                  ) : (
                    <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setRemoving(item.id)}>
                      {t('record.remove')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
            <FieldList
              fields={fields.filter((f) => !['hte_Type'].includes(f))}
              values={item}
              places={{ local_DivisionCode: item.placeLabel as string | null }}
            />
          </Paper>
        ))}
        {failure && (
          <Text c="red" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
      {editing && (
        <EditRecord
          title={t(editing === 'new' ? `record.add.${kind}` : `record.editItem.${kind}`)}
          fields={fields}
          values={editing === 'new' ? (kind === 'event' ? { hte_Type: 'Exploitation' } : {}) : editing}
          version={editing === 'new' ? undefined : editing.version}
          places={editing === 'new' ? {} : { local_DivisionCode: editing.placeLabel as string | null }}
          save={save}
          onSaved={onSaved}
          onClose={() => setEditing(null)}
        />
      )}
    </Part>
  );
}

export function EventsPart({ c, onSaved }: { c: CaseDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const text = useFieldText();
  return (
    <ListPart
      c={c}
      kind="event"
      items={c.events as Item[]}
      onSaved={onSaved}
      heading={(e) =>
        [
          t(`htcds.hte_Type.${e.hte_Type}`),
          e.placeLabel ?? (e.hte_Country ? text('hte_Country', e.hte_Country) : null),
          [e.hte_Date, e.local_EndDate].filter(Boolean).join(' – ') || null,
        ]
          .filter(Boolean)
          .join(' · ')
      }
    />
  );
}

export function PerpetratorsPart({ c, onSaved }: { c: CaseDetail; onSaved: Saved }) {
  const { t } = useTranslation();
  const text = useFieldText();
  return (
    <ListPart
      c={c}
      kind="perpetrator"
      items={c.perpetrators as Item[]}
      onSaved={onSaved}
      heading={(p) =>
        [
          [p.per_FirstName, p.per_SecondName].filter(Boolean).join(' ') || t('record.unnamed'),
          text('per_RoleInProcess', p.per_RoleInProcess),
        ]
          .filter((x) => x && x !== '—')
          .join(' · ')
      }
    />
  );
}
