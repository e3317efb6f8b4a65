import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
import type { CaseAccess } from './access';
import { caseCodec, isMinorCase } from './codecs';
import type { People } from './people';
import { nameKeys, searchTerm } from './phonetic';
import { listScope } from './policy';
import * as repo from './repo';
import * as repoList from './repo-list';
import type { caseQuery } from './schema';

/**
 * One page of the cases the actor may list: its own organisation's in its jurisdiction, those assigned to it, and
 * those shared with it (a shared case shows its name only when its identity section is shared). Audited.
 */
export async function listCases(
  ctx: Context,
  access: CaseAccess,
  people: People,
  actor: Actor,
  q: z.infer<typeof caseQuery> & { name?: string },
  requestId: string,
) {
  const db = ctx.db.db;
  const reading = listScope(actor);
  if (reading === 'none') throw new AppError(403, 'forbidden');
  const receiverOnly = reading === 'received';
  const wanted = q.division ? await new GeoService(db).descendantCodes(actor.scope.country, q.division) : undefined;
  const after = q.after
    ? (() => {
        const [createdAt, id] = Buffer.from(q.after, 'base64url').toString().split('|');
        return createdAt && id ? { createdAt, id } : undefined;
      })()
    : undefined;
  const now = nowIso();
  const shared = await access.sharedForList(actor);
  const rows = await repoList.listCases(db, {
    country: actor.scope.country,
    own: receiverOnly
      ? undefined
      : { orgId: actor.orgId, userId: actor.userId, divisions: await access.scopeCodes(actor) },
    shared,
    divisions: wanted,
    status: q.status,
    stage: q.stage,
    minor: q.minor === undefined ? undefined : q.minor === 'true',
    assignedTo: q.mine === 'true' ? actor.userId : undefined,
    overdueBefore: q.overdue === 'true' ? now : undefined,
    traffickingStatus: q.traffickingStatus,
    exploitation: q.exploitation,
    code: q.code,
    ...(q.name ? await byName(ctx, people, q.name) : {}),
    after,
    limit: q.limit,
  });
  // A shared case shows its name only when its identity section is shared (and a name search skips it otherwise).
  const hidden = new Set(
    rows
      .slice(0, q.limit)
      .filter((c) => !(c.owner_org_id === actor.orgId || c.assigned_user_id === actor.userId))
      .filter((c) => !shared.granted(c).has('identity'))
      .map((c) => c.id),
  );
  const page = rows.slice(0, q.limit).filter((c) => !(q.name && hidden.has(c.id)));
  const persons = new Map(
    (
      await repo.personsByIds(
        db,
        page.map((c) => c.person_id),
      )
    ).map((p) => [p.id, p]),
  );
  const labels = await new GeoService(db).labels(
    actor.scope.country,
    page.map((c) => c.division_code),
  );
  const tasks = await repoList.taskCounts(
    db,
    page.map((c) => c.id),
    now,
  );
  if (page.length)
    await ctx.audit.record({
      actor,
      action: 'case.list',
      recordType: 'case',
      fields: 'name',
      details: { count: page.length, byName: Boolean(q.name) },
      requestId,
    });
  const last = page.at(-1);
  return {
    items: page.map((c) => ({
      id: c.id,
      code: c.code,
      name: persons.get(c.person_id) && !hidden.has(c.id) ? people.name(persons.get(c.person_id)!) : '',
      status: c.status,
      stage: c.stage,
      division: {
        country: c.country_code,
        code: c.division_code,
        label: labels.get(c.division_code) ?? c.division_code,
      },
      isMinor: isMinorCase(c),
      ageAtIntake: caseCodec.decode(c).age_at_intake,
      traffickingStatus: c.trafficking_status,
      exploitation: caseCodec.decode(c).exploitation,
      assignedUserId: c.assigned_user_id,
      openTasks: tasks.get(c.id)?.open ?? 0,
      overdueTasks: tasks.get(c.id)?.overdue ?? 0,
      createdAt: c.created_at,
    })),
    next: rows.length > q.limit && last ? Buffer.from(`${last.created_at}|${last.id}`).toString('base64url') : null,
  };
}

/** A name search whose term fewer persons than this have reads their cases; one with more walks the list. */
const fewPersons = 5000;

/**
 * How a name search finds cases: the person must be indexed under the typed words' most telling term (their triple,
 * pair or key) and under every other typed word's key. When few persons have that term, their cases are read; when
 * many do, the list is read newest first and each case's person checked, which soon finds a page. Only blind indexes
 * reach the database.
 */
async function byName(ctx: Context, people: People, name: string): Promise<Pick<repoList.CaseFilter, 'name'>> {
  const keys = nameKeys(name);
  // Until every person stored before pairs and triples has them, only single keys find everyone.
  const found = (await people.backfillPending())
    ? keys.length
      ? { term: keys[0]!, rest: keys.slice(1) }
      : null
    : searchTerm(keys);
  if (!found) return {};
  const indexes = (term: string) => ctx.crypto.blindIndexes('name-phonetic', term);
  const term = indexes(found.term);
  const persons = await repoList.personsWithTerm(ctx.db.db, term, fewPersons + 1);
  return { name: { term, rest: found.rest.map(indexes), persons: persons.length > fewPersons ? undefined : persons } };
}
