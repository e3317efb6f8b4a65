import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { type Language, requestLanguage, t } from '../../platform/i18n/index';
import { cleanFile, type Media } from '../../platform/media';
import { GeoService, titleCase } from '../geo/index';
import { storeFiles } from './files';
import { SourceLimiter } from './limiter';
import { followPage, messagePage, receiptPage, threadPage } from './pages/follow';
import { type PlaceChoice, reportPage } from './pages/form';
import { css, withDemoNotice } from './pages/html';
import { PublicReports } from './public';
import { receiptBody, reporterMessageBody, reportFormBody } from './schema';

const cookie = 'minka_receipt';
const formTokenMaxAgeMs = 6 * 3_600_000;
const csp =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The public, script-free report pages. No cookie before receipt sign-in; nothing about the reporter is kept. */
export const publicReportRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const reports = new PublicReports(ctx);
    const geo = new GeoService(ctx.db.db);
    const limiter = new SourceLimiter(app.limits, ctx.config.MINKA_REPORTS_PER_SOURCE);
    const numbers = ctx.config.MINKA_EMERGENCY_NUMBERS;

    await app.register(formbody, { bodyLimit: 64 * 1024 });
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: 5 * 1024 * 1024, files: 3, fields: 30 },
      onFile: async (part) => {
        const data = await part.toBuffer();
        (part as unknown as { value: unknown }).value = data.length ? data : undefined;
      },
    });
    app.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', csp);
      reply.header('cache-control', 'no-store');
      reply.header('referrer-policy', 'no-referrer');
      reply.removeHeader('strict-transport-security');
    });

    // A demo says so on every page, so nobody mistakes it for the real channel.
    const html = (reply: FastifyReply, lang: Language, page: string, status = 200) =>
      reply
        .status(status)
        .type('text/html; charset=utf-8')
        .send(ctx.config.MINKA_DEMO ? withDemoNotice(lang, page) : page);
    const formToken = () => {
      const ts = String(Date.now());
      return `${ts}.${ctx.crypto.blindIndex('report-form', ts)}`;
    };
    const tokenOk = (token: string) => {
      const [ts, mac] = token.split('.');
      return Boolean(
        ts && mac && ctx.crypto.blindIndex('report-form', ts) === mac && Date.now() - Number(ts) < formTokenMaxAgeMs,
      );
    };
    const options = async (parent: string) =>
      (await geo.children(ctx.config.MINKA_DEFAULT_COUNTRY, parent).catch(() => [])).map((d) => ({
        code: d.code,
        label: titleCase(d.name),
      }));

    async function place(q: Record<string, unknown>): Promise<PlaceChoice> {
      const country = ctx.config.MINKA_DEFAULT_COUNTRY;
      const provinces = await options(country);
      const province = provinces.find((p) => p.code === q.province)?.code;
      const cantons = province ? await options(province) : [];
      const canton = cantons.find((c) => c.code === q.canton)?.code;
      const parishes = canton ? await options(canton) : [];
      const parish = parishes.find((p) => p.code === q.parish)?.code;
      return { provinces, cantons, parishes, province, canton, parish };
    }

    // Without JavaScript a JSON error is a dead end: a file too large (or too many) re-renders the form instead.
    app.setErrorHandler(async (err: FastifyError, req, reply) => {
      const tooBig =
        err.statusCode === 413 || /FILE_TOO_LARGE|FILES_LIMIT|PARTS_LIMIT|FIELDS_LIMIT/.test(err.code ?? '');
      if (req.method !== 'POST' || req.url.split('?')[0] !== '/report' || !tooBig) throw err;
      const lang = requestLanguage(req);
      return html(
        reply,
        lang,
        reportPage(lang, await place({}), formToken(), numbers, { error: t(lang, 'report.errorFile') }),
        413,
      );
    });

    app.get('/report/style.css', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(css),
    );

    app.get('/report', { schema: { hide: true } }, async (req, reply) => {
      const lang = requestLanguage(req);
      return html(
        reply,
        lang,
        reportPage(lang, await place(req.query as Record<string, unknown>), formToken(), numbers),
      );
    });

    app.post('/report', { schema: { hide: true } }, async (req: FastifyRequest, reply) => {
      const raw = (req.body ?? {}) as Record<string, unknown>;
      // A browser sends an empty part for an empty file input; only non-empty files count.
      const files = [raw.voice ?? [], raw.files ?? []]
        .flat()
        .filter((f): f is Buffer => Buffer.isBuffer(f) && f.length > 0);
      const fields = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'files' && k !== 'voice'));
      const lang = requestLanguage({
        headers: req.headers,
        query: { lang: typeof fields.lang === 'string' ? fields.lang : undefined },
      });
      const again = async (key: string, status = 400) =>
        html(
          reply,
          lang,
          reportPage(lang, await place({ province: '', ...fields }), formToken(), numbers, {
            values: fields as Record<string, string>,
            error: t(lang, `report.${key}`),
          }),
          status,
        );
      if (!(await limiter.take(req.ip)))
        return html(reply, lang, messagePage(lang, t(lang, 'report.title'), t(lang, 'report.tooMany')), 429);
      const parsed = reportFormBody.safeParse(fields);
      if (!parsed.success)
        return again(parsed.error.issues.some((i) => i.path[0] === 'what') ? 'errorWhat' : 'errorInvalid');
      if (!tokenOk(parsed.data.token) || parsed.data.website) return again('errorForm');
      const media: Media[] = [];
      for (const f of files) {
        try {
          // Without `documents`, only photos and audio pass: the kinds a Media holds.
          media.push((await cleanFile(f, { maxPixels: ctx.config.MINKA_MAX_IMAGE_PIXELS })) as Media);
        } catch (err) {
          if (err instanceof AppError && err.code === 'image_too_large') return again('errorFilePixels', 413);
          return again('errorFile');
        }
      }
      // Written or spoken: a report needs one of the two.
      if (!parsed.data.what && !media.some((m) => m.kind === 'audio')) return again('errorWhat');
      const r = await reports.submit(PublicReports.fromForm(parsed.data, lang));
      if (media.length) {
        // The report is already safe; a file that cannot be stored must not cost the reporter the receipt.
        await storeFiles(ctx, r.id, media).catch((err) =>
          req.log.error({ err: { code: (err as NodeJS.ErrnoException).code } }, 'attachment not stored'),
        );
      }
      return html(
        reply,
        lang,
        receiptPage(
          lang,
          r.receipt!,
          r.code,
          ctx.config.MINKA_RECEIPT_INACTIVE_DAYS,
          parsed.data.danger === 'yes',
          numbers,
        ),
      );
    });

    app.get('/report/follow', { schema: { hide: true } }, async (req, reply) => {
      const lang = requestLanguage(req);
      return html(reply, lang, followPage(lang));
    });

    app.post('/report/follow', { schema: { hide: true } }, async (req, reply) => {
      const parsed = receiptBody.safeParse(req.body ?? {});
      const lang = requestLanguage({
        headers: req.headers,
        query: { lang: parsed.success ? parsed.data.lang : undefined },
      });
      const token = await reports.signIn(parsed.success ? parsed.data.receipt : '');
      if (!token) return html(reply, lang, followPage(lang, true), 400);
      reply.setCookie(cookie, token, {
        httpOnly: true,
        secure: ctx.config.MINKA_SECURE_COOKIES,
        sameSite: 'strict',
        path: '/report',
      });
      return reply.redirect(`/report/thread?lang=${encodeURIComponent(lang)}`, 303);
    });

    app.get('/report/thread', { schema: { hide: true } }, async (req, reply) => {
      const lang = requestLanguage(req);
      const report = await reports.fromSession(req.cookies[cookie]);
      if (!report) return reply.redirect(`/report/follow?lang=${encodeURIComponent(lang)}`, 303);
      return html(reply, lang, threadPage(lang, await reports.thread(report.id)));
    });

    app.post('/report/thread', { schema: { hide: true } }, async (req, reply) => {
      const parsed = reporterMessageBody.safeParse(req.body ?? {});
      const lang = requestLanguage({
        headers: req.headers,
        query: { lang: parsed.success ? parsed.data.lang : undefined },
      });
      const report = await reports.fromSession(req.cookies[cookie]);
      if (!report) return reply.redirect(`/report/follow?lang=${encodeURIComponent(lang)}`, 303);
      if (parsed.success) await reports.addMessage(report.id, parsed.data.body);
      return reply.redirect(`/report/thread?lang=${encodeURIComponent(lang)}`, 303);
    });

    app.post('/report/signout', { schema: { hide: true } }, async (req, reply) => {
      const token = req.cookies[cookie];
      if (token) await reports.signOut(token);
      reply.clearCookie(cookie, { path: '/report' });
      const lang = requestLanguage({
        headers: req.headers,
        query: { lang: (req.body as { lang?: string } | undefined)?.lang },
      });
      return reply.redirect(`/report?lang=${encodeURIComponent(lang)}`, 303);
    });
  };
