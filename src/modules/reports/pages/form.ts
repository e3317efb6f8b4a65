import type { Language } from '../../../platform/i18n/index';
import { reportForms } from '../schema';
import { emergency, esc, icon, layout, microphone, tr } from './html';

export interface PlaceChoice {
  provinces: { code: string; label: string }[];
  cantons: { code: string; label: string }[];
  parishes: { code: string; label: string }[];
  province?: string;
  canton?: string;
  parish?: string;
}

export interface FormState {
  values?: Record<string, string | string[] | undefined>;
  error?: string;
}

const options = (list: { code: string; label: string }[], chosen: string | undefined, lang: Language) =>
  `<option value="">${tr(lang, 'any')}</option>${list.map((o) => `<option value="${esc(o.code)}"${o.code === chosen ? ' selected' : ''}>${esc(o.label)}</option>`).join('')}`;

function radios(lang: Language, name: string, value: unknown) {
  return ['yes', 'no', 'unknown']
    .map(
      (v) =>
        `<label class="opt"><input type="radio" name="${name}" value="${v}"${value === v ? ' checked' : ''}> ${tr(lang, v)}</label>`,
    )
    .join('');
}

/** The report form. The place picker is a separate GET form, so it works without JavaScript. */
export function reportPage(
  lang: Language,
  place: PlaceChoice,
  token: string,
  emergencyNumbers: string,
  state: FormState = {},
): string {
  const v = state.values ?? {};
  const division = place.parish || place.canton || place.province || '';
  const q = { province: place.province ?? '', canton: place.canton ?? '', parish: place.parish ?? '' };
  const chosenForms = [v.forms ?? []].flat();
  const picker = `<form method="get" action="/report"><fieldset><legend>${tr(lang, 'placeTitle')}</legend><input type="hidden" name="lang" value="${lang}">
<label for="province">${tr(lang, 'province')}</label><select id="province" name="province">${options(place.provinces, place.province, lang)}</select>
${place.province ? `<label for="canton">${tr(lang, 'canton')}</label><select id="canton" name="canton">${options(place.cantons, place.canton, lang)}</select>` : ''}
${place.canton ? `<label for="parish">${tr(lang, 'parish')}</label><select id="parish" name="parish">${options(place.parishes, place.parish, lang)}</select>` : ''}
<p><button type="submit" class="alt">${tr(lang, 'choose')}</button></p></fieldset></form>`;
  const body = `<h1>${tr(lang, 'title')}</h1><p>${tr(lang, 'intro')}</p>${emergency(lang, emergencyNumbers)}
${state.error ? `<p class="err" role="alert">${esc(state.error)}</p>` : ''}${picker}
<form method="post" action="/report" enctype="multipart/form-data"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="division" value="${esc(division)}">
<div class="hp" aria-hidden="true"><label>Website <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
<fieldset><legend>${tr(lang, 'placeTitle')}</legend><label for="placeText">${tr(lang, 'placeText')}</label><input type="text" id="placeText" name="placeText" maxlength="300" value="${esc(v.placeText)}"></fieldset>
<fieldset><legend>${tr(lang, 'voiceTitle')}</legend>${microphone}<label for="voice">${tr(lang, 'voiceHint')}</label><input type="file" id="voice" name="voice" accept="audio/*" capture></fieldset>
<fieldset><legend>${tr(lang, 'whatTitle')}</legend><label for="what">${tr(lang, 'whatHint')}</label><textarea id="what" name="what" maxlength="5000">${esc(v.what)}</textarea></fieldset>
<fieldset><legend>${tr(lang, 'formsTitle')}</legend>${reportForms.map((f) => `<label class="opt"><input type="checkbox" name="forms" value="${f}"${chosenForms.includes(f) ? ' checked' : ''}>${icon(f)} ${tr(lang, `forms.${f}`)}</label>`).join('')}</fieldset>
<fieldset><legend>${tr(lang, 'whenTitle')}</legend><label for="month">${tr(lang, 'month')}</label><input type="month" id="month" name="month" value="${esc(v.month)}"><label for="whenText">${tr(lang, 'whenText')}</label><input type="text" id="whenText" name="whenText" maxlength="200" value="${esc(v.whenText)}"></fieldset>
<fieldset><legend>${tr(lang, 'whoTitle')}</legend><p>${tr(lang, 'child')}</p>${radios(lang, 'child', v.child)}<label for="people">${tr(lang, 'people')}</label><input type="number" id="people" name="people" min="1" max="999" value="${esc(v.people)}"><p>${tr(lang, 'danger')}</p>${radios(lang, 'danger', v.danger)}</fieldset>
<fieldset><legend>${tr(lang, 'filesTitle')}</legend><label for="files">${tr(lang, 'filesHint')}</label><input type="file" id="files" name="files" accept="image/jpeg,image/png,audio/*" multiple></fieldset>
<fieldset><legend>${tr(lang, 'contactTitle')}</legend><label for="contact">${tr(lang, 'contactHint')}</label><input type="text" id="contact" name="contact" maxlength="300" value="${esc(v.contact)}"></fieldset>
<p><button type="submit">${tr(lang, 'send')}</button></p></form><p><a href="/report/follow?lang=${lang}">${tr(lang, 'haveCode')}</a></p>`;
  return layout(lang, tr(lang, 'title'), body, q);
}
