import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** One trusted proxy: an address, a CIDR block, or one of proxy-addr's names for the private ranges. */
function proxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [addr, bits, extra] = entry.split('/');
  const family = isIP(addr ?? '');
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Which X-Forwarded-For entries to believe: false (none), a hop count (the nearest N proxies) or the proxies'
 * addresses. `true` is refused: it believed the leftmost entry, which any client writes.
 */
const trustProxy = z.union([z.boolean(), z.number(), z.string()]).transform((v, ctx): false | number | string[] => {
  const s = String(v).trim().toLowerCase();
  if (['false', 'no', '0', ''].includes(s)) return false;
  if (/^\d+$/.test(s) && Number(s) <= 10) return Number(s);
  const list = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (s !== 'true' && s !== 'yes' && list.length && list.every(proxyEntry)) return list;
  ctx.addIssue({
    code: 'custom',
    message:
      s === 'true' || s === 'yes'
        ? 'true would believe any client-written X-Forwarded-For: give the number of proxies in front of Minka (e.g. 1) or their addresses (e.g. 10.0.0.5,10.1.0.0/16)'
        : 'must be false, a number of proxies (1-10) or a comma-separated list of proxy addresses or CIDR blocks',
  });
  return z.NEVER;
});

/** Every setting Minka reads, with its environment variable name and default. */
export const settingsSchema = z.strictObject({
  PORT: int(0, 65535).default(3000),
  /** Where to listen; default 0.0.0.0, or 127.0.0.1 for a demo (its accounts' passwords are published). */
  HOST: z.string().min(1).optional(),
  MINKA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** This installation is a demo: fake data and published demo accounts, a banner on every page, loopback only. */
  MINKA_DEMO: bool.default(false),
  /** A demo may listen on a non-loopback address only when this says so in words. */
  MINKA_DEMO_PUBLIC: bool.default(false),
  /** Replaced by MINKA_DEMO: `false` is accepted (it is the default now), `true` is refused with a pointer. */
  MINKA_SEED_DEMO: bool.optional(),
  MINKA_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as EC')
    .default('EC'),
  MINKA_BODY_LIMIT: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  MINKA_RATE_LIMIT_MAX: int(1, 1_000_000).default(600),
  MINKA_RATE_LIMIT_WINDOW_MS: int(1000, 3_600_000).default(60_000),
  MINKA_TRUST_PROXY: trustProxy.default(false),
  MINKA_SECURE_COOKIES: bool.default(true),
  MINKA_MASTER_KEY: z.string().min(1).optional(),
  /** Where the master key file is (default: master.key in the data dir); keep it on another disk than the data. */
  MINKA_MASTER_KEY_FILE: z.string().min(1).optional(),
  /** How often a running server loads data keys a rotation added (seconds); rotations wait twice this long. */
  MINKA_KEY_REFRESH_SECONDS: int(1, 3600).default(30),
  MINKA_REQUIRE_2FA: bool.default(true),
  MINKA_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  MINKA_SESSION_MAX_HOURS: int(1, 24 * 30).default(12),
  MINKA_INVITE_TTL_HOURS: int(1, 24 * 30).default(72),
  MINKA_RESET_TTL_MINUTES: int(5, 24 * 60).default(60),
  MINKA_PUBLIC_URL: z.url().optional(),
  MINKA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MINKA_MAIL_FROM: z.string().min(3).default('Minka <no-reply@localhost>'),
  /** Where signed audit checkpoints are written (default <data dir>/audit-checkpoints); copy them off the machine. */
  MINKA_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** An auditor's address that receives every signed audit checkpoint by e-mail (needs MINKA_SMTP_URL). */
  MINKA_AUDIT_EMAIL: z.email().optional(),
  MINKA_EMERGENCY_NUMBERS: z.string().min(1).default('911;1800 335486'),
  MINKA_REPORTS_DEFAULT_DIVISION: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .default('EC'),
  MINKA_RECEIPT_INACTIVE_DAYS: int(1, 3650).default(90),
  MINKA_REPORT_RETENTION_DAYS: int(1, 3650).default(90),
  /** Offline field copies: locked after this many idle minutes, erased after this many wrong passphrases… */
  MINKA_FIELD_LOCK_MINUTES: int(1, 240).default(10),
  MINKA_FIELD_MAX_ATTEMPTS: int(3, 20).default(5),
  /** …and erased by the device itself when it has not reached the server for this many days. */
  MINKA_FIELD_KEEP_DAYS: int(1, 28).default(14),
  MINKA_REPORTS_PER_SOURCE: int(1, 10_000).default(10),
  /** Photos with more pixels than this are refused before they are decoded (a "pixel bomb"); 50 million by default. */
  MINKA_MAX_IMAGE_PIXELS: int(1_000_000, 268_000_000).default(50_000_000),
  /** Disclosure control: published counts under k people are suppressed (CTDC uses 11). */
  MINKA_DISCLOSURE_K: int(2, 1000).default(11),
  /** The project's shared reference data (the demo seed loads the whole country from it when present). */
  MINKA_SHARED_DATA: z.string().min(1).optional(),
  /** Protected figures are released every this many months (from January): 1, 2, 3, 4, 6 or 12. */
  MINKA_RELEASE_MONTHS: int(1, 12)
    .refine((n) => 12 % n === 0, { message: 'must divide 12 (1, 2, 3, 4, 6 or 12)' })
    .default(3),
  /** Total epsilon that differentially private releases may spend on any one person per calendar year. */
  MINKA_DP_BUDGET: z.coerce.number().min(0.1).max(1000).default(10),
  /**
   * Tests and rehearsals only: the business clock (due dates, overdue work, record timestamps) runs this many days
   * ahead of the system clock. Refused when NODE_ENV is production.
   */
  MINKA_CLOCK_OFFSET_DAYS: int(0, 3650).default(0),
  /** Days a completed referral still opens its case sections to the receiver (0 = access ends on completion). */
  MINKA_REFERRAL_GRACE_DAYS: int(0, 3650).default(30),
  /** Days to answer a data-subject request (LOPDP): the due date is the day received plus this many days. */
  MINKA_RIGHTS_DEADLINE_DAYS: int(1, 90).default(15),
  /** The controller named in the privacy notice and the record of processing. */
  MINKA_CONTROLLER_NAME: z.string().min(1).default('Minka (instalación de demostración)'),
  /** How to reach the controller (address, e-mail or phone), shown in the privacy notice. */
  MINKA_CONTROLLER_CONTACT: z.string().min(1).default('contacto@minka.example'),
  /** The data protection officer's contact: where people exercise their rights. */
  MINKA_DPO_CONTACT: z.string().min(1).default('privacidad@minka.example'),
  MINKA_WEBHOOK_SECRET: z.string().min(16).optional(),
  /**
   * Hosts (host or host:port, comma-separated) the webhook may fetch a message's attachments from: the RapidPro
   * or TextIt server's media host. Empty: attachments (voice notes, photos) are not fetched.
   */
  MINKA_WEBHOOK_MEDIA_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * Shared limits (request rate, anonymous reports per source) live in Redis when this is set, else in the database
   * (PostgreSQL) or in the process (SQLite, a single node). Every node must use the same store.
   */
  MINKA_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /** Where attachments are kept: encrypted in the database (default, every node reads them) or in a directory. */
  MINKA_FILE_STORE: z.enum(['database', 'directory']).default('database'),
  /** The directory for MINKA_FILE_STORE=directory (default <data dir>/attachments); shared by every node. */
  MINKA_FILES_DIR: z.string().min(1).optional(),
  /** Whether this process runs the periodic jobs (reminders, purges, imports); on PostgreSQL each runs once anyway. */
  MINKA_JOBS: bool.default(true),
  /** Connections each node opens to PostgreSQL. */
  MINKA_DB_POOL: int(2, 200).default(10),
  /** On SIGTERM, how long in-flight requests may take to finish before the process exits. */
  MINKA_SHUTDOWN_GRACE_SECONDS: int(1, 600).default(25),
  MINKA_CHILD_PROTECTION_AUTHORITY: z
    .enum(['JuntaCantonalProteccionDerechos', 'DINAPEN'])
    .default('JuntaCantonalProteccionDerechos'),
});

export type Settings = z.infer<typeof settingsSchema>;

export interface Config extends Settings {
  HOST: string;
  dataDir: string;
  sqlitePath: string;
  database: 'sqlite' | 'postgres';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const keys = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** Reads an optional JSON config file; its keys are the same names as the environment variables. */
function readFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`config file ${file} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Builds the validated configuration: environment variables override the optional file
 * (MINKA_CONFIG, or minka.config.json in the working directory). Throws ConfigError naming the bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env.MINKA_CONFIG ?? (existsSync('minka.config.json') ? 'minka.config.json' : undefined);
  if (env.MINKA_CONFIG && !existsSync(env.MINKA_CONFIG)) {
    throw new ConfigError(`MINKA_CONFIG points to ${env.MINKA_CONFIG}, which does not exist`);
  }
  const fromFile = file ? readFile(file) : {};
  for (const k of Object.keys(fromFile)) {
    if (!keys.includes(k as keyof Settings)) {
      throw new ConfigError(`config file ${file}: unknown setting ${k}`);
    }
  }
  const merged: Record<string, unknown> = { ...fromFile };
  for (const k of keys) {
    const v = env[k];
    if (v !== undefined && v !== '') merged[k] = v;
  }
  const result = settingsSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') || 'configuration';
    throw new ConfigError(`invalid setting ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const s = result.data;
  if (s.MINKA_SEED_DEMO) {
    throw new ConfigError(
      'MINKA_SEED_DEMO is replaced by MINKA_DEMO: a demo is declared with MINKA_DEMO=yes (or minka serve --demo)',
    );
  }
  if (s.MINKA_CLOCK_OFFSET_DAYS && env.NODE_ENV === 'production')
    throw new ConfigError(
      'MINKA_CLOCK_OFFSET_DAYS is for tests and rehearsals: a production installation keeps real time',
    );
  const dataDir = path.resolve(s.MINKA_DATA_DIR);
  return {
    ...s,
    HOST: s.HOST ?? (s.MINKA_DEMO ? '127.0.0.1' : '0.0.0.0'),
    dataDir,
    sqlitePath: path.join(dataDir, 'minka.sqlite'),
    database: s.DATABASE_URL ? 'postgres' : 'sqlite',
  };
}
