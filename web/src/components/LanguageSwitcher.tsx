import { SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client } from '../api';
import { sessionKeys } from '../api/keys';
import { type LanguageCode, languages, setLanguage, stringsToReview } from '../i18n/index';

/**
 * Visible switch between Spanish, Kichwa and English; the choice is remembered on this device. While a language
 * still has strings no speaker has reviewed, the switch says so under it (in a few words in the app's header).
 */
export function LanguageSwitcher({ short = false }: { short?: boolean }) {
  const { t, i18n } = useTranslation();
  const toReview = stringsToReview(i18n.language);
  const qc = useQueryClient();
  const choose = async (code: LanguageCode) => {
    await setLanguage(code);
    // Signed in, the choice also decides the language of the person's e-mails (best effort: the screen has changed).
    // The session is read from the cache: the sign-in page must not ask the server for a session it does not have.
    if (qc.getQueryData(sessionKeys.current()))
      await client.POST('/api/auth/language', { body: { language: code } }).catch(() => undefined);
  };
  return (
    <div>
      <VisuallyHidden id="lang-label">{t('app.language')}</VisuallyHidden>
      <SegmentedControl
        aria-labelledby="lang-label"
        size="xs"
        value={i18n.language}
        onChange={(v) => void choose(v as LanguageCode)}
        data={languages.map((l) => ({ value: l.code, label: l.label }))}
      />
      {toReview > 0 && (
        <Text size="xs" c="dimmed" data-testid="language-review">
          {t(short ? 'app.languageToReviewShort' : 'app.languageToReview', { count: toReview })}
        </Text>
      )}
    </div>
  );
}
