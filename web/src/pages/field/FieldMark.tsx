import { Button } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { fieldKeys } from '../../api/keys';

/** Keeps a case on the person's field devices (an encrypted copy, taken at their next sync), or stops keeping it. */
export function FieldMark({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: fieldKeys.marked(), queryFn: () => ok(client.GET('/api/field/cases')) });
  const marked = Boolean(q.data?.caseIds.includes(caseId));
  const toggle = useMutation({
    mutationFn: () =>
      ok(
        marked
          ? client.DELETE('/api/field/cases/{id}', { params: { path: { id: caseId } } })
          : client.PUT('/api/field/cases/{id}', { params: { path: { id: caseId } } }),
      ),
    onSuccess: (d) => qc.setQueryData(fieldKeys.marked(), d),
  });
  if (!q.data) return null;
  return (
    <Button
      size="compact-sm"
      variant={marked ? 'filled' : 'outline'}
      color="teal.9"
      aria-pressed={marked}
      loading={toggle.isPending}
      onClick={() => toggle.mutate()}
      title={t('field.markHelp')}
    >
      {marked ? t('field.marked') : t('field.mark')}
    </Button>
  );
}
