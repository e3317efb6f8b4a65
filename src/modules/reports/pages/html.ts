import { type Language, languages, stringsToReview, t } from '../../../platform/i18n/index';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => entities[c]!);

export const tr = (lang: Language, key: string, params?: Record<string, unknown>) =>
  esc(t(lang, `report.${key}`, params));

const names: Record<Language, string> = { es: 'Español', 'qu-EC': 'Kichwa', en: 'English' };

/** While this installation's Kichwa waits for speakers' review, a page in Kichwa says so (as the app's menu does). */
const review = (lang: Language) =>
  stringsToReview(lang) > 0 ? `<p class="review">${tr(lang, 'kichwaToReview')}</p>` : '';

/** The page frame: no scripts, one small stylesheet, a visible language switch that keeps the query. */
export function layout(lang: Language, title: string, body: string, query: Record<string, string> = {}): string {
  const switcher = languages
    .map((l) => {
      const q = new URLSearchParams({ ...query, lang: l }).toString();
      return l === lang ? `<strong>${names[l]}</strong>` : `<a href="?${esc(q)}" hreflang="${l}">${names[l]}</a>`;
    })
    .join(' · ');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)} · Minka</title><link rel="stylesheet" href="/report/style.css"></head><body><header><b>Minka</b><nav aria-label="${tr(lang, 'language')}">${switcher}</nav></header><main>${review(lang)}${body}</main><footer><a href="/privacidad?lang=${lang}">${esc(t(lang, 'notices.publicLink'))}</a></footer></body></html>`;
}

/** The page with a permanent notice under its top that this installation is a demo with fake data. */
export const withDemoNotice = (lang: Language, page: string) =>
  page.replace(
    '<body>',
    `<body><aside class="demo" aria-label="${tr(lang, 'demoLabel')}">${tr(lang, 'demoBanner')}</aside>`,
  );

export const css = `.demo{background:#ffe066;color:#1b1b1b;font-weight:700;padding:6px 16px;text-align:center}body{margin:0;font:18px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fafaf7}header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;padding:12px 16px;background:#1f6f5c;color:#fff}header a{color:#fff}main{max-width:640px;margin:0 auto;padding:16px}footer{max-width:640px;margin:0 auto;padding:0 16px 24px}fieldset{border:1px solid #ccc;border-radius:8px;margin:0 0 16px;padding:12px;min-width:0}legend{font-weight:700}label{display:block;margin:8px 0 4px}input[type=text],input[type=month],input[type=number],textarea,select{width:100%;max-width:100%;box-sizing:border-box;font:inherit;padding:10px;border:1px solid #888;border-radius:6px}textarea{min-height:140px}.opt{display:flex;align-items:center;gap:10px;min-height:48px}.opt input{width:24px;height:24px}.opt svg{width:36px;height:36px;flex:none}button{font:inherit;min-height:48px;padding:10px 20px;border:0;border-radius:8px;background:#1f6f5c;color:#fff;cursor:pointer}button.alt{background:#555}.danger{background:#fde8e8;border:2px solid #c62828;border-radius:8px;padding:12px;margin:0 0 16px}.danger a{font-size:1.3em;font-weight:700;color:#b71c1c}.code{font:700 1.6em/1.4 monospace;letter-spacing:2px;background:#fff;border:2px dashed #1f6f5c;padding:12px;text-align:center}.err{color:#b71c1c;font-weight:700}.msg{background:#fff;border-left:4px solid #1f6f5c;padding:8px 12px;margin:8px 0}.msg.you{border-color:#888}.hp{position:absolute;left:-9999px}.review{margin:0 0 8px;font-size:14px;color:#333}.mic{width:48px;height:48px;float:left;margin-right:8px}input[type=file]{font:inherit;min-height:48px;max-width:100%}small{color:#555}`;

/** Pictograms for the forms of exploitation: simple strokes, no text, a few hundred bytes each. */
export const pictograms: Record<string, string> = {
  begging: '<circle cx="18" cy="8" r="4"/><path d="M18 12v12M12 34l6-10 6 10M10 20h8"/><path d="M6 20h6v4H6z"/>',
  labour:
    '<circle cx="12" cy="8" r="4"/><path d="M12 12v12M6 34l6-10 6 10M12 16l10 4"/><path d="M22 20l8-12M27 6l6 4"/>',
  domestic: '<path d="M4 18L18 6l14 12M8 16v16h20V16"/><path d="M15 32v-8h6v8"/>',
  sexual: '<circle cx="13" cy="10" r="4"/><circle cx="25" cy="10" r="4"/><path d="M13 14v18M25 14v18M6 22h26"/>',
  forced_marriage: '<circle cx="13" cy="20" r="7"/><circle cx="23" cy="20" r="7"/><path d="M18 4l3 4h-6z"/>',
  other: '<circle cx="18" cy="18" r="13"/><path d="M14 14a4 4 0 1 1 4 4v4M18 27v1"/>',
};

/** A microphone beside the voice note field, for those who read little. */
export const microphone =
  '<svg class="mic" viewBox="0 0 36 36" aria-hidden="true" fill="none" stroke="#1f6f5c" stroke-width="2.5" stroke-linecap="round"><rect x="13" y="4" width="10" height="18" rx="5"/><path d="M8 17a10 10 0 0 0 20 0M18 27v5M12 32h12"/></svg>';

export const icon = (form: string) =>
  `<svg viewBox="0 0 36 36" aria-hidden="true" fill="none" stroke="#1f6f5c" stroke-width="2.5" stroke-linecap="round">${pictograms[form] ?? ''}</svg>`;

/** The configured emergency numbers as tap-to-call links. */
export function emergency(lang: Language, numbers: string): string {
  const links = numbers
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => `<a href="tel:${esc(n.replace(/\s/g, ''))}">${esc(n)}</a>`)
    .join(' · ');
  return `<div class="danger" role="alert"><b>${tr(lang, 'dangerTitle')}</b><br>${tr(lang, 'dangerCall')} ${links}</div>`;
}
