import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { storeFiles } from './files';
import { PublicReports } from './public';
import * as repo from './repo';
import { reportForms, spokenReport } from './schema';
import { fetchAttachments } from './webhook-media';

/** How a messaging contact is blind-indexed (`keys rotate --index` rebuilds contact_index with the same two). */
export const contactIndexing = { purpose: 'report-contact', normalise: (urn: string) => urn.toLowerCase() };

const value = z
  .object({ value: z.union([z.string(), z.number()]).optional() })
  .loose()
  .optional();
/** The parts of a RapidPro/TextIt flow-results webhook that Minka reads; anything else is ignored. */
export const rapidProPayload = z
  .object({
    contact: z.object({ uuid: z.string().max(64).optional(), urn: z.string().min(3).max(200) }).loose(),
    results: z.record(z.string(), value).default({}),
    input: z
      .object({
        text: z.string().max(5000).optional(),
        /** "audio/ogg:https://…": a WhatsApp voice note, a photo. */
        attachments: z.array(z.string().max(2000)).max(10).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const continueDays = 7;
const pick = (r: Record<string, { value?: string | number } | undefined>, ...keys: string[]) => {
  for (const k of keys) {
    const v = r[k]?.value;
    if (v !== undefined && String(v).trim()) return String(v).trim();
  }
  return undefined;
};
const yes = (v?: string) => (v ? /^(s[ií]|yes|y|ari|1|true)$/i.test(v) : null);

/** Verifies `x-minka-signature: sha256=<hex HMAC of the raw body>` in constant time. */
export function validSignature(secret: string, raw: Buffer, header: unknown): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
  const given = Buffer.from(header.slice(7));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Inbound SMS/WhatsApp reports from a RapidPro or TextIt flow, continued by contact for a week. */
export const webhookRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      (req as unknown as { rawBody: Buffer }).rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(new AppError(400, 'invalid_json'), undefined);
      }
    });
    const reports = new PublicReports(ctx);
    app.withTypeProvider<ZodTypeProvider>().post(
      '/reports/webhook/rapidpro',
      {
        schema: {
          tags: ['reports'],
          summary: 'Inbound report from a RapidPro/TextIt flow (signed with the shared secret)',
          body: rapidProPayload,
          response: {
            200: z.object({ report: z.string(), continued: z.boolean(), files: z.number(), filesSkipped: z.number() }),
            400: errorSchema,
            401: errorSchema,
            404: errorSchema,
          },
        },
        preValidation: async (req) => {
          const secret = ctx.config.MINKA_WEBHOOK_SECRET;
          if (!secret) throw new AppError(404, 'webhook_disabled');
          const raw = (req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
          if (!validSignature(secret, raw, req.headers['x-minka-signature'])) throw new AppError(401, 'bad_signature');
        },
      },
      async (req) => {
        const { contact, results, input } = req.body;
        // The active index key's first; the others match a report indexed before an index-key rotation finished.
        const indexes = ctx.crypto.blindIndexes(contactIndexing.purpose, contactIndexing.normalise(contact.urn));
        const since = new Date(Date.now() - continueDays * 86_400_000).toISOString();
        const what = pick(results, 'what', 'que', 'description', 'report');
        const open = await repo.findOpenByContact(ctx.db.db, indexes, since);
        const attachments = input?.attachments ?? [];
        const { media, skipped } = await fetchAttachments(
          attachments,
          ctx.config.MINKA_WEBHOOK_MEDIA_HOSTS,
          ctx.config.MINKA_MAX_IMAGE_PIXELS,
        );
        const voiceOnly = !what && !input?.text && media.length > 0;
        if (open && !what && (input?.text || media.length)) {
          // A voice note in an open conversation is a message of it: the file joins the report.
          if (input?.text) await reports.addMessage(open.id, input.text);
          await storeFiles(ctx, open.id, media);
          return { report: open.code, continued: true, files: media.length, filesSkipped: skipped };
        }
        const forms = (pick(results, 'forms', 'type', 'tipo') ?? '')
          .toLowerCase()
          .split(/[\s,;]+/)
          .filter((f) => (reportForms as readonly string[]).includes(f));
        const people = Number(pick(results, 'people', 'cuantos'));
        const r = await reports.submit({
          what: what ?? input?.text ?? (voiceOnly ? spokenReport : '-'),
          placeText: pick(results, 'where', 'donde', 'place'),
          whenText: pick(results, 'when', 'cuando'),
          forms,
          child: yes(pick(results, 'child', 'nino', 'menor')),
          people: Number.isInteger(people) && people > 0 && people < 1000 ? people : null,
          danger: yes(pick(results, 'danger', 'peligro')) === true,
          contact: contact.urn,
          contactIndex: indexes[0],
          // A flow may answer the language as a code or a name: qu, qu-EC, Kichwa, Quichua, runa shimi.
          language: /^(qu|kichwa|quichua|runa)/i.test(pick(results, 'language', 'idioma') ?? '') ? 'qu-EC' : 'es',
          channel: contact.urn.startsWith('whatsapp:') ? 'whatsapp' : 'sms',
          withReceipt: false,
        });
        await storeFiles(ctx, r.id, media);
        return { report: r.code, continued: false, files: media.length, filesSkipped: skipped };
      },
    );
  };
