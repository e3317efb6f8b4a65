import { cleanMedia, type Media } from '../../platform/media';

const maxBytes = 5 * 1024 * 1024;
const maxFiles = 3;
const timeoutMs = 15_000;

/**
 * A RapidPro/TextIt message's attachments ("audio/ogg:https://…/x.oga"), fetched only from the configured media
 * hosts, at most 5 MB each, and cleaned of metadata like a file sent through the report page. What cannot be
 * fetched or cleaned is left out: the report itself must never be lost for its attachment.
 */
export async function fetchAttachments(
  attachments: string[],
  hosts: string[],
  maxPixels: number,
): Promise<{ media: Media[]; skipped: number }> {
  const media: Media[] = [];
  let skipped = 0;
  for (const a of attachments.slice(0, maxFiles)) {
    const at = a.indexOf(':http');
    let url: URL;
    try {
      url = new URL(at >= 0 ? a.slice(at + 1) : a);
    } catch {
      skipped++;
      continue;
    }
    const allowed = hosts.includes(url.host.toLowerCase()) && (url.protocol === 'https:' || url.protocol === 'http:');
    const bytes = allowed ? await download(url) : null;
    const cleaned = bytes
      ? await cleanMedia(bytes, { maxPixels, declared: at > 0 ? a.slice(0, at) : undefined })
      : null;
    if (cleaned) media.push(cleaned);
    else skipped++;
  }
  return { media, skipped: skipped + Math.max(0, attachments.length - maxFiles) };
}

async function download(url: URL): Promise<Buffer | null> {
  try {
    const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok || !res.body) return null;
    if (Number(res.headers.get('content-length') ?? 0) > maxBytes) return null;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) return null;
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}
