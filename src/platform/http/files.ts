import type { FastifyReply } from 'fastify';

export const mime = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Sends a generated file as a download (never cached: exports and sheets can hold personal data). */
export function sendFile(reply: FastifyReply, type: string, filename: string, body: string | Buffer | Uint8Array) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
