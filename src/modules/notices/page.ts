import { type Language, languages, t } from '../../platform/i18n/index';
import type { Notice } from './generate';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => entities[c]!);
const n = (lang: Language, key: string, params?: Record<string, unknown>) => esc(t(lang, `notices.${key}`, params));
const names: Record<Language, string> = { es: 'Español', 'qu-EC': 'Kichwa', en: 'English' };
const li = (xs: string[]) => `<ul>${xs.map((x) => `<li>${x}</li>`).join('')}</ul>`;

/** The public notice page: no scripts, html lang of the notice, a language switch (es · Kichwa · English). */
export function noticePage(notice: Notice): string {
  const lang = notice.language;
  const switcher = languages
    .map((l) =>
      l === lang ? `<strong>${names[l]}</strong>` : `<a href="?lang=${esc(l)}" hreflang="${l}">${names[l]}</a>`,
    )
    .join(' · ');
  const h2 = (key: string) => `<h2>${n(lang, `sections.${key}`)}</h2>`;
  const body = [
    `<h1>${n(lang, 'title')}</h1>`,
    `<p><b>${n(lang, 'controller')}:</b> ${esc(notice.controller.name)} — ${esc(notice.controller.contact)}</p>`,
    `<p><b>${n(lang, 'dpo')}:</b> ${esc(notice.dpoContact)}</p>`,
    h2('purposes'),
    li(notice.purposes.map((p) => `${esc(p.what)}<br><small>${n(lang, 'basis')}: ${esc(p.basis)}</small>`)),
    h2('categories'),
    li(notice.categories.map((c) => esc(c.label))),
    h2('recipients'),
    li(notice.recipients.map(esc)),
    h2('transfers'),
    `<p>${esc(notice.transfers)}</p>`,
    h2('retention'),
    li(notice.retention.map((r) => `${esc(r.label)}: ${esc(r.period)} (${esc(r.action)})`)),
    h2('rights'),
    li(notice.rights.map((r) => `${esc(r.label)}${r.article ? ` (${n(lang, 'article', { n: r.article })})` : ''}`)),
    h2('how'),
    `<p>${esc(notice.howToExercise)}</p>`,
  ].join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${n(lang, 'title')} · Minka</title><link rel="stylesheet" href="/report/style.css"></head><body><header><b>Minka</b><nav aria-label="${esc(t(lang, 'report.language'))}">${switcher}</nav></header><main>${body}<p><a href="/report?lang=${esc(lang)}">${esc(t(lang, 'report.title'))}</a></p></main></body></html>`;
}
