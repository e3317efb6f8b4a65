import type { FastifyPluginAsync } from 'fastify';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { type Language, languages, requestLanguage } from '../../platform/i18n/index';
import { can, requireActor } from '../access/index';
import { notice } from './service';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => entities[c]!);

const langOf = (q: unknown, fallback: Language): Language =>
  (languages as readonly string[]).includes(String(q)) ? (q as Language) : fallback;

/** GET /api/privacy/notice (public), GET /api/privacy/record (rights:manage or retention:manage), GET /privacidad. */
export const noticesRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/privacy/notice', async (req) =>
      notice(ctx, langOf((req.query as { lang?: string }).lang, requestLanguage(req))),
    );
    app.get('/api/privacy/record', async (req) => {
      const actor = requireActor(req);
      if (!can(actor, 'rights:manage') && !can(actor, 'retention:manage')) throw new AppError(403, 'forbidden');
      return notice(ctx, langOf((req.query as { lang?: string }).lang, requestLanguage(req)));
    });
    app.get('/privacidad', async (req, reply) => {
      const lang = langOf((req.query as { lang?: string }).lang, requestLanguage(req));
      const n = await notice(ctx, lang);
      const li = (xs: string[]) => `<ul>${xs.map((x) => `<li>${x}</li>`).join('')}</ul>`;
      const body = [
        `<h1>${lang === 'en' ? 'Privacy notice' : 'Aviso de privacidad'}</h1>`,
        `<p>${esc(n.controller.name)} — ${esc(n.controller.contact)}</p>`,
        li(n.purposes.map((p) => `${esc(p.what)} <em>${esc(p.basis)}</em>`)),
        li(n.categories.map((c) => esc(c.label))),
        li(n.recipients.map(esc)),
        `<p>${esc(n.transfers)}</p>`,
        li(n.retention.map((r) => `${esc(r.label)}: ${esc(r.period)} (${esc(r.action)})`)),
        li(n.rights.map((r) => `${esc(r.label)}${r.article ? ` (LOPDP art. ${r.article})` : ''}`)),
        `<p>${esc(n.howToExercise)}</p>`,
      ].join('\n');
      const htmlLang = lang === 'qu-EC' ? 'es' : lang;
      reply.type('text/html; charset=utf-8');
      return `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Minka</title></head><body><main>${body}</main></body></html>`;
    });
  };
