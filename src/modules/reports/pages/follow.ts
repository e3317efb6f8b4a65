import type { Language } from '../../../platform/i18n/index';
import { emergency, esc, layout, tr } from './html';

/** Shown once after submission: the receipt code in groups of four. */
export function receiptPage(
  lang: Language,
  receipt: string,
  code: string,
  days: number,
  danger: boolean,
  numbers: string,
): string {
  const grouped = receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
  const body = `<h1>${tr(lang, 'receiptTitle')}</h1>${danger ? emergency(lang, numbers) : ''}<p>${tr(lang, 'receiptIntro')}</p><p class="code" id="receipt">${esc(grouped)}</p><p>${tr(lang, 'receiptUse')}</p><p><small>${tr(lang, 'receiptReference', { code })}<br>${tr(lang, 'receiptExpiry', { days })}</small></p><p><a href="/report/follow?lang=${lang}">${tr(lang, 'followTitle')}</a></p>`;
  return layout(lang, tr(lang, 'receiptTitle'), body);
}

export function followPage(lang: Language, error?: boolean): string {
  const body = `<h1>${tr(lang, 'followTitle')}</h1>${error ? `<p class="err" role="alert">${tr(lang, 'followError')}</p>` : ''}<form method="post" action="/report/follow"><input type="hidden" name="lang" value="${lang}"><label for="receipt">${tr(lang, 'followIntro')}</label><input type="text" id="receipt" name="receipt" inputmode="numeric" autocomplete="off" maxlength="40"><p><button type="submit">${tr(lang, 'open')}</button></p></form><p><a href="/report?lang=${lang}">${tr(lang, 'makeReport')}</a></p>`;
  return layout(lang, tr(lang, 'followTitle'), body);
}

export function threadPage(
  lang: Language,
  thread: { code: string; what: string; messages: { author: string; body: string; createdAt: string }[] },
): string {
  const msgs = thread.messages.length
    ? thread.messages
        .map(
          (m) =>
            `<div class="msg${m.author === 'reporter' ? ' you' : ''}"><small>${tr(lang, m.author === 'reporter' ? 'you' : 'staff')} · ${esc(m.createdAt.slice(0, 10))}</small><p>${esc(m.body)}</p></div>`,
        )
        .join('')
    : `<p>${tr(lang, 'noMessages')}</p>`;
  const body = `<h1>${tr(lang, 'threadTitle')}</h1><p><small>${esc(thread.code)}</small></p><details><summary>${tr(lang, 'yourReport')}</summary><p>${esc(thread.what)}</p></details>${msgs}
<form method="post" action="/report/thread"><input type="hidden" name="lang" value="${lang}"><label for="body">${tr(lang, 'answer')}</label><textarea id="body" name="body" maxlength="5000" required></textarea><p><button type="submit">${tr(lang, 'sendMessage')}</button></p></form>
<form method="post" action="/report/signout"><input type="hidden" name="lang" value="${lang}"><button type="submit" class="alt">${tr(lang, 'leave')}</button></form>`;
  return layout(lang, tr(lang, 'threadTitle'), body);
}

export const messagePage = (lang: Language, title: string, text: string) =>
  layout(
    lang,
    title,
    `<h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/report?lang=${lang}">${tr(lang, 'makeReport')}</a></p>`,
  );
