import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { openContext } from '../app/index';
import {
  type Actor,
  administratorExists,
  OrganisationsService,
  organisationIdByName,
  organisationTypes,
  permissions,
  SessionService,
  UsersService,
} from '../modules/access/index';
import { GeoService } from '../modules/geo/index';
import { type Config, ConfigError, loadConfig } from '../platform/config';
import type { Context } from '../platform/context';
import { nowIso } from '../platform/db/index';
import { hasDemoData } from '../platform/seed';

const out = (line: string) => process.stdout.write(`${line}\n`);

export interface InitOptions {
  email: string;
  name: string;
  organisation: string;
  type?: string;
  scope?: string;
  url?: string;
}

export interface InitResult {
  email: string;
  url: string;
  expiresAt: string;
  emailed: boolean;
  /** False while only the country is loaded: the administrator then imports its provinces, cantons and parishes. */
  divisionsLoaded: boolean;
}

/** The organisation type asked for (a municipal council by default), or a ConfigError naming the valid ones. */
function organisationType(o: InitOptions): (typeof organisationTypes)[number] {
  const type = o.type ?? 'local_MunicipalCouncil';
  if (!(organisationTypes as readonly string[]).includes(type))
    throw new ConfigError(`--type must be one of ${organisationTypes.join(', ')}`);
  return type as (typeof organisationTypes)[number];
}

/**
 * Creates the first administrator of a real installation (and their organisation) as an invitation: a one-time
 * link to choose a password, after which sign-in asks for an authenticator app (TOTP) before anything else.
 * Refuses a demo, a database with demo data, and an installation that already has an administrator.
 */
export async function initInstallation(ctx: Context, o: InitOptions): Promise<InitResult> {
  const { config } = ctx;
  const db = ctx.db.db;
  if (config.MINKA_DEMO)
    throw new ConfigError('minka init sets up a real installation, but MINKA_DEMO is on: a demo has its own accounts');
  if (await hasDemoData(db))
    throw new ConfigError(
      'this database holds demo data: give the real installation its own data directory (MINKA_DATA_DIR) or database (DATABASE_URL)',
    );
  if (await administratorExists(db))
    throw new ConfigError(
      'this installation already has an administrator: they invite everyone else from the web app (Administration)',
    );
  organisationType(o); // checked before the country is imported, so a wrong --type changes nothing
  const country = config.MINKA_DEFAULT_COUNTRY;
  const scope = o.scope ?? country;
  const geo = new GeoService(db);
  const loaded = await geo.division(country, scope).then(
    () => true,
    () => false,
  );
  if (!loaded && scope !== country)
    throw new ConfigError(
      `division ${scope} is not loaded: load the divisions first (minka geo import --divisions FILE), or leave out --scope`,
    );
  // An empty installation has no geography yet: the country itself is enough to hold the first administrator.
  if (!loaded) await geo.import({ country, countryName: country === 'EC' ? 'ECUADOR' : country, divisions: [] });
  const r = await inviteAdministrator(ctx, o, `cli-init-${nowIso()}`);
  return {
    email: o.email,
    url: r.link.url,
    expiresAt: r.link.expiresAt,
    emailed: r.link.emailed,
    divisionsLoaded: (await geo.children(country, country)).length > 0,
  };
}

/**
 * Invites an administrator as the installation itself (nobody is signed in; the audit trail says so): finds or
 * creates their organisation and returns the one-time link. Used by `minka init` and `minka user invite-admin`.
 */
export async function inviteAdministrator(ctx: Context, o: InitOptions, requestId: string) {
  const { config } = ctx;
  const type = organisationType(o);
  const country = config.MINKA_DEFAULT_COUNTRY;
  const scope = o.scope ?? country;
  const system: Actor = {
    userId: 'system',
    orgId: 'system',
    roles: ['administrator'],
    permissions: new Set(permissions),
    scope: { country, code: country },
    sessionId: '',
  };
  const org =
    (await organisationIdByName(ctx.db.db, o.organisation)) ??
    (
      await new OrganisationsService(ctx).create(
        system,
        {
          name: o.organisation,
          type,
          division: { country, code: scope },
        },
        requestId,
      )
    ).id;
  const base = (o.url ?? config.MINKA_PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  return new UsersService(ctx, new SessionService(ctx)).invite(
    system,
    { email: o.email, name: o.name, organisationId: org, roles: ['administrator'], scope: { country, code: scope } },
    base,
    requestId,
  );
}

/** Asks on the terminal for each value not given as an option; without a terminal, names the missing option. */
async function ask(given: Partial<InitOptions>): Promise<InitOptions> {
  const fields = [
    ['email', 'E-mail of the first administrator'],
    ['name', 'Their full name'],
    ['organisation', 'Their organisation'],
  ] as const;
  const missing = fields.filter(([k]) => !given[k]?.trim());
  if (missing.length && !process.stdin.isTTY)
    throw new ConfigError(`minka init needs ${missing.map(([k]) => `--${k}`).join(', ')} (no terminal to ask on)`);
  const values = { ...given };
  if (missing.length) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      for (const [k, question] of missing) {
        let v = '';
        while (!v) v = (await rl.question(`${question}: `)).trim();
        values[k] = v;
      }
    } finally {
      rl.close();
    }
  }
  return values as InitOptions;
}

/** `minka init`: the first administrator of a real installation. */
export function initCommand(cli: Command): void {
  cli
    .command('init')
    .description('create the first administrator of a real installation (prints a one-time invitation link)')
    .option('--email <email>', 'administrator e-mail (asked when missing)')
    .option('--name <name>', 'administrator name (asked when missing)')
    .option('--organisation <name>', 'their organisation, created if new (asked when missing)')
    .option('--type <type>', `organisation type (${organisationTypes.join(', ')})`, 'local_MunicipalCouncil')
    .option('--scope <code>', 'jurisdiction: a division code (default: the whole country)')
    .option('--url <base>', 'public address for the link (default MINKA_PUBLIC_URL or http://localhost:PORT)')
    .action(async (o: Partial<InitOptions>) => {
      const config: Config = loadConfig();
      const options = await ask(o);
      const ctx = await openContext(config);
      try {
        const r = await initInstallation(ctx, options);
        out(`First administrator ${r.email} invited.`);
        out(`One-time link (valid until ${r.expiresAt}${r.emailed ? '; also sent by e-mail' : ''}):`);
        out(`  ${r.url}`);
        out('Open it to choose a password, then sign in.');
        if (!r.divisionsLoaded)
          out(`No divisions of ${config.MINKA_DEFAULT_COUNTRY} are loaded yet: minka geo import --divisions FILE.`);
        if (config.MINKA_REQUIRE_2FA)
          out('At the first sign-in Minka asks to enrol an authenticator app (TOTP) and shows recovery codes once.');
      } finally {
        await ctx.db.close();
      }
    });
}
