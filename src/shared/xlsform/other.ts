// The texts Minka adds for `or_other`: the choice 'other' and the question `<name>_other` asking to specify.

import { languageMatches } from './text';
import type { Choice, FormLanguage, Texts } from './types';

const otherChoice: Texts = { default: 'Other', es: 'Otro', qu: 'Shuktak', en: 'Other' };
const otherQuestion: Texts = {
  default: 'Other',
  es: 'Otro (especifique)',
  qu: 'Shuktak (killkapay)',
  en: 'Other (specify)',
};

/** The texts keyed both by 'es'/'qu'/'en' and by the form's own codes for those languages ('español' …). */
function forForm(base: Texts, languages: FormLanguage[]): Texts {
  const out: Texts = { ...base };
  for (const lang of languages) {
    if (Object.hasOwn(out, lang.code)) continue;
    const ui = ['es', 'qu', 'en'].find((l) => languageMatches(lang, l));
    if (ui) out[lang.code] = base[ui]!;
  }
  return out;
}

export const otherQuestionLabel = (languages: FormLanguage[]): Texts => forForm(otherQuestion, languages);

/** The choice 'other' of a select with `or_other`. */
export const otherChoiceFor = (languages: FormLanguage[]): Choice => ({
  name: 'other',
  label: forForm(otherChoice, languages),
  extra: {},
});
