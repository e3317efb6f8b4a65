import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setUpdateState, updateNow, useUpdate } from '../pwa';

/** Says that a new version is ready (and offers it now), or that Minka now works offline on this device. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const s = useUpdate();
  if (s === 'none') return null;
  return (
    <Alert
      color="blue"
      role="status"
      m="sm"
      withCloseButton
      onClose={() => setUpdateState('none')}
      closeButtonLabel={t('record.close')}
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm">{s === 'ready' ? t('field.updateReady') : t('field.offlineReady')}</Text>
        {s === 'ready' && (
          <Button size="compact-sm" onClick={() => updateNow()}>
            {t('field.updateNow')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
