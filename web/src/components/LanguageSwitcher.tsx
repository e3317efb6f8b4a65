import { SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../api';
import { type LanguageCode, languages, setLanguage, stringsToReview } from '../i18n/index';
import { useSession } from '../session';

/**
 * Visible switch between Spanish, Kichwa and English; the choice is remembered on this device. While a language
 * still has strings no speaker has reviewed, the switch says so under it.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const toReview = stringsToReview(i18n.language);
  const { data: session } = useSession();
  const choose = async (code: LanguageCode) => {
    await setLanguage(code);
    // Signed in, the choice also decides the language of the person's e-mails (best effort: the screen has changed).
    if (session) await client.POST('/api/auth/language', { body: { language: code } }).catch(() => undefined);
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
          {t('app.languageToReview', { count: toReview })}
        </Text>
      )}
    </div>
  );
}
