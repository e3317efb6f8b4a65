import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, ok } from '../../api';
import { syncNow } from '../../offline/sync';
import { createVault, unlock, type VaultState } from '../../offline/vault';
import { useSession } from '../../session';

const minPassphrase = 8;

/** Sets up the offline copy on this device: a name for the device and an offline passphrase (never sent). */
export function Setup() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (isPending) return null;
  if (!session)
    return (
      <Alert color="blue" title={t('field.setupTitle')}>
        <Text size="sm">{t('field.setupNeedsSignIn')}</Text>
        {navigator.onLine && (
          <Anchor component={Link} to="/signin" size="sm">
            {t('nav.signIn')}
          </Anchor>
        )}
      </Alert>
    );
  // Interviewers keep study interviews in the copy (sealed like cases) to collect without signal.
  if (!['cases:write', 'studies:collect'].some((p) => session.user.permissions.includes(p)))
    return <Alert color="gray">{t('field.notForRole')}</Alert>;
  const submit = async () => {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = t('field.nameRequired');
    if (pass.length < minPassphrase) e.pass = t('field.passphraseShort', { min: minPassphrase });
    else if (pass !== again) e.again = t('field.passphraseMismatch');
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const d = await ok(client.POST('/api/field/devices', { body: { name: name.trim() } }));
      await createVault(
        pass,
        { id: d.id, secret: d.secret, name: name.trim(), userId: session.user.id, userName: session.user.name },
        d.policy,
      );
      await syncNow();
    } catch (err) {
      setFailure((err as Error).message);
    }
    setBusy(false);
  };
  return (
    <Stack maw={480}>
      <Title order={1}>{t('field.setupTitle')}</Title>
      <Text size="sm">{t('field.setupHelp')}</Text>
      <TextInput
        label={t('field.deviceName')}
        description={t('field.deviceNameHelp')}
        value={name}
        onChange={(ev) => setName(ev.currentTarget.value)}
        error={errors.name}
        required
      />
      <PasswordInput
        label={t('field.passphrase')}
        description={t('field.passphraseHelp', { min: minPassphrase })}
        value={pass}
        onChange={(ev) => setPass(ev.currentTarget.value)}
        error={errors.pass}
        autoComplete="new-password"
        required
      />
      <PasswordInput
        label={t('field.passphraseAgain')}
        value={again}
        onChange={(ev) => setAgain(ev.currentTarget.value)}
        error={errors.again}
        autoComplete="new-password"
        required
      />
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Button w="fit-content" loading={busy} onClick={() => void submit()}>
        {t('field.setUp')}
      </Button>
    </Stack>
  );
}

/** Opens the locked copy; says how many attempts remain before it is erased. */
export function Unlock({ vault }: { vault: VaultState }) {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = (vault.policy?.maxAttempts ?? 5) - vault.failures;
  const submit = async () => {
    setBusy(true);
    const r = await unlock(pass);
    setBusy(false);
    setPass('');
    if (r === 'wrong') setError(t('field.wrongPassphrase', { count: left - 1 }));
  };
  return (
    <Stack maw={480}>
      <Title order={1}>{t('field.unlockTitle')}</Title>
      <Text size="sm">{t('field.unlockHelp', { device: vault.device?.name ?? '' })}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <PasswordInput
            label={t('field.passphrase')}
            value={pass}
            onChange={(ev) => setPass(ev.currentTarget.value)}
            error={error}
            autoComplete="current-password"
            required
          />
          <Button type="submit" w="fit-content" loading={busy} disabled={!pass}>
            {t('field.unlock')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
