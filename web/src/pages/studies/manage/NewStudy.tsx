import { Button, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../session';
import { createStudy, type StudyWrite, studyKeys } from './api';
import { StudyForm } from './StudyForm';

const empty: StudyWrite = { title: {}, purpose: {}, consent: {}, places: [], respondents: 'anonymous' };

/** A researcher starts a study: its title, purpose and consent script in three languages, places and respondents. */
export function NewStudy() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: createStudy,
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: studyKeys.list() });
      navigate(`/studies/${s.id}`);
    },
  });
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} w="fit-content">
        {t('studies.new.title')}
      </Button>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-study-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-study-title">
          {t('studies.new.title')}
        </Title>
        <StudyForm
          initial={empty}
          country={session?.user.scope.country ?? 'EC'}
          withRespondents
          submitLabel={t('studies.new.create')}
          busy={create.isPending}
          error={create.error}
          onSubmit={(w) => create.mutate(w)}
          onCancel={() => {
            create.reset();
            setOpen(false);
          }}
        />
      </Stack>
    </Paper>
  );
}
