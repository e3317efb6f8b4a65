import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { hasMeta } from '../../platform/db/repo';
import type { OrganisationTable } from '../../platform/db/types';
import { hashPassword } from './passwords';
import * as repo from './repo';
import { buildUserRow } from './user-row';

// Demo accounts: fake people, one per role, across Cuenca, Colta and Guamote. Documented in docs/ and
// shown on the sign-in page only while the installation runs in demo mode.
export const demoPassword = 'minka-demo-2026';
export const demoTotpSecret = 'MINKADEMOTOTPSECRETKEY234567ABCD';

const orgs: { key: string; name: string; type: string; code: string }[] = [
  {
    key: 'iom',
    name: 'Organización Internacional Demo (ficticia)',
    type: 'local_InternationalOrganisation',
    code: 'EC',
  },
  {
    key: 'jcpd-guamote',
    name: 'Junta Cantonal de Protección de Derechos de Guamote (demo)',
    type: 'local_ProtectionBoard',
    code: '0606',
  },
  { key: 'gad-colta', name: 'GAD Municipal de Colta (demo)', type: 'local_MunicipalCouncil', code: '0603' },
  {
    key: 'jcpd-cuenca',
    name: 'Junta Cantonal de Protección de Derechos de Cuenca (demo)',
    type: 'local_ProtectionBoard',
    code: '0101',
  },
  { key: 'fundacion-cuenca', name: 'Fundación Demo Cuenca (ficticia)', type: 'NGO', code: '0101' },
  { key: 'acogida-cuenca', name: 'Casa de Acogida Demo (ficticia)', type: 'NGO', code: '0101' },
  { key: 'fiscalia', name: 'Fiscalía Provincial de Chimborazo (demo)', type: 'local_Prosecutor', code: '06' },
  { key: 'donor', name: 'Fondo Donante Ejemplo (demo)', type: 'local_Donor', code: 'EC' },
];

export const demoUsers: { email: string; name: string; role: string; org: string; scope: string; totp: boolean }[] = [
  {
    email: 'admin@minka.demo',
    name: 'Administradora Demo Ficticia',
    role: 'administrator',
    org: 'iom',
    scope: 'EC',
    totp: true,
  },
  {
    email: 'supervisora.guamote@minka.demo',
    name: 'Supervisora Demo Guamote',
    role: 'supervisor',
    org: 'jcpd-guamote',
    scope: '0606',
    totp: true,
  },
  {
    email: 'tecnica.colta@minka.demo',
    name: 'Técnica Demo Colta',
    role: 'caseworker',
    org: 'gad-colta',
    scope: '0603',
    totp: true,
  },
  {
    email: 'tecnico.guamote@minka.demo',
    name: 'Técnico Demo Guamote',
    role: 'caseworker',
    org: 'jcpd-guamote',
    scope: '0606',
    totp: true,
  },
  {
    email: 'triaje.cuenca@minka.demo',
    name: 'Triaje Demo Cuenca',
    role: 'triage_officer',
    org: 'jcpd-cuenca',
    scope: '0101',
    totp: true,
  },
  {
    email: 'tecnica.cuenca@minka.demo',
    name: 'Técnica Demo Fundación Cuenca',
    role: 'caseworker',
    org: 'fundacion-cuenca',
    scope: '0101',
    totp: true,
  },
  {
    email: 'supervisora.cuenca@minka.demo',
    name: 'Supervisora Demo Fundación Cuenca',
    role: 'supervisor',
    org: 'fundacion-cuenca',
    scope: '0101',
    totp: true,
  },
  {
    email: 'acogida.cuenca@minka.demo',
    name: 'Educadora Demo Casa de Acogida',
    role: 'service_provider',
    org: 'acogida-cuenca',
    scope: '0101',
    totp: true,
  },
  {
    email: 'fiscal.chimborazo@minka.demo',
    name: 'Fiscal Demo Chimborazo',
    role: 'prosecutor',
    org: 'fiscalia',
    scope: '06',
    totp: true,
  },
  {
    email: 'planificacion.colta@minka.demo',
    name: 'Planificadora Demo Colta',
    role: 'municipal_planner',
    org: 'gad-colta',
    scope: '0603',
    totp: false,
  },
  {
    email: 'investigacion@minka.demo',
    name: 'Investigador Demo',
    role: 'researcher',
    org: 'iom',
    scope: 'EC',
    totp: false,
  },
  { email: 'donante@minka.demo', name: 'Donante Demo', role: 'donor_viewer', org: 'donor', scope: 'EC', totp: false },
  {
    email: 'encuestadora.cuenca@minka.demo',
    name: 'Encuestadora Demo Cuenca',
    role: 'interviewer',
    org: 'iom',
    scope: '0101',
    totp: false,
  },
];

/** Creates the demo organisations and one account per role (password and TOTP as documented). */
export async function seedAccessDemo(ctx: Context): Promise<void> {
  const now = nowIso();
  const ids = new Map<string, string>();
  const passwordHash = await hashPassword(demoPassword);
  await writeAudited(
    ctx,
    { actor: null, action: 'demo.seeded', details: { organisations: orgs.length, users: demoUsers.length } },
    async (trx) => {
      for (const o of orgs) {
        const row: OrganisationTable = {
          id: randomUUID(),
          name: o.name,
          org_type: o.type,
          country_code: 'EC',
          division_code: o.code,
          active: 1,
          created_at: now,
          updated_at: now,
        };
        await repo.insertOrganisation(trx, row);
        ids.set(o.key, row.id);
      }
      for (const u of demoUsers) {
        const row = buildUserRow(ctx.crypto, {
          email: u.email,
          name: u.name,
          organisationId: ids.get(u.org)!,
          scope: { country: 'EC', code: u.scope },
          status: 'active',
          passwordHash,
          totpSecret: u.totp ? demoTotpSecret : null,
        });
        const id = row.id;
        await repo.insertUser(trx, row);
        await repo.setRoles(trx, id, [u.role]);
      }
    },
  );
}

/** Demo credentials for the sign-in page, only while the installation runs in demo mode. */
export async function demoInfo(ctx: Context) {
  if (!ctx.config.MINKA_DEMO) return null;
  if (!(await hasMeta(ctx.db.db, 'demo_seed:access'))) return null;
  return {
    password: demoPassword,
    totpSecret: demoTotpSecret,
    users: demoUsers.map((u) => ({ email: u.email, role: u.role, scope: u.scope })),
  };
}
