import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Generates OpenAPI 3.1 from the route schemas at /api/openapi.json and serves the bundled UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Minka API',
        version: '0.1.0',
        description:
          'Counter-trafficking information system. Errors are `{ code, message }` with a stable code; ' +
          'messages follow Accept-Language (es, en, qu-EC).',
      },
      tags: [
        { name: 'platform', description: 'Health and readiness' },
        { name: 'geo', description: 'Administrative divisions and boundaries' },
        { name: 'auth', description: 'Sign-in, sessions, second factor, one-time links' },
        { name: 'admin', description: 'Organisations, users, roles and sessions' },
        { name: 'audit', description: 'Hash-chained audit trail' },
        { name: 'directory', description: 'Service providers and what they offer' },
        { name: 'referrals', description: 'Referrals between organisations, with consent' },
        { name: 'cases', description: 'Victim case management on HTCDS 2.0' },
        { name: 'reports', description: 'Anonymous reports: triage and inbound SMS/WhatsApp' },
        {
          name: 'plans',
          description: 'Cooperation agreements, local plans, indicators, activities, instruments, reports',
        },
        {
          name: 'insights',
          description: 'Dashboards under disclosure control, HTCDS export and import, de-identified and synthetic data',
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Same policy as the app; the bundled UI sets inline styles, as Mantine does.
    staticCSP:
      "default-src 'self'; base-uri 'none'; font-src 'self' data:; frame-ancestors 'none'; img-src 'self' data:; " +
      "object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; connect-src 'self'; form-action 'self'",
    uiConfig: { docExpansion: 'list', deepLinking: false },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
