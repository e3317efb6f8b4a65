import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LanguageCode, languages, setLanguage } from '../i18n/index';

/** Visible switch between Spanish, Kichwa and English; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <VisuallyHidden id="lang-label">{t('app.language')}</VisuallyHidden>
      <SegmentedControl
        aria-labelledby="lang-label"
        size="xs"
        value={i18n.language}
        onChange={(v) => setLanguage(v as LanguageCode)}
        data={languages.map((l) => ({ value: l.code, label: l.label }))}
      />
    </div>
  );
}
