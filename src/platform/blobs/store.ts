// The one interface attachments are kept behind. A store holds opaque bytes (already sealed by the caller with
// FieldCrypto, bound to their table and row) under an id; it never sees plain content. Two stores exist: the
// database (default) and a directory on a mount every node shares.
// An S3-compatible store would implement the same methods: put = PutObject (multipart above a few MiB), add =
// PutObject with `If-None-Match: *`, replace = PutObject with `If-Match: <etag>` of a HeadObject (or HeadObject then
// PutObject), get/head = GetObject (head with a Range), delete = DeleteObjects, list = ListObjectsV2 with StartAfter,
// count = a listing. It would need settings for endpoint, bucket, region and credentials, a client library, and
// backup/restore to copy its objects (or to say that the bucket is backed up on its own, with versioning).

/** Where sealed attachments are kept; every method is safe to call from several nodes at once. */
export interface BlobStore {
  readonly kind: 'database' | 'directory';
  /** Stores the bytes under `id`, replacing any bytes already there; all or nothing. */
  put(id: string, bytes: Buffer): Promise<void>;
  /** Stores the bytes only when nothing is stored under `id` yet; false (and nothing written) when something is. */
  add(id: string, bytes: Buffer): Promise<boolean>;
  /** Replaces the bytes only when something is stored under `id`; false (and nothing written) when nothing is. */
  replace(id: string, bytes: Buffer): Promise<boolean>;
  /** The bytes stored under `id`, whole, or null. */
  get(id: string): Promise<Buffer | null>;
  /** The first `length` bytes stored under `id` (fewer when it is shorter), or null: a header without the whole. */
  head(id: string, length: number): Promise<Buffer | null>;
  /** Removes what is stored under these ids (ids with nothing stored are ignored). */
  delete(ids: readonly string[]): Promise<void>;
  /** Up to `limit` stored ids greater than `after`, in ascending order (walks the whole store in pages). */
  list(after: string, limit: number): Promise<string[]>;
  /** How many ids hold bytes. */
  count(): Promise<number>;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** The id itself when it may name a blob (letters, digits, `-`, `_`; no path can be built from it); throws otherwise. */
export function blobId(id: string): string {
  if (!idPattern.test(id)) throw new Error(`not a blob id: ${JSON.stringify(id.slice(0, 120))}`);
  return id;
}

/** True when the name can be a blob id. */
export const isBlobId = (id: string) => idPattern.test(id);
