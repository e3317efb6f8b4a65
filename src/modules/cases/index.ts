import type { ModuleDescriptor } from '../../platform/module';
import { closureRoutes } from './closure-routes';
import { seedCasesDemo } from './demo';
import { caseFileRoutes } from './files-routes';
import { FollowUps } from './followups';
import { followUpRoutes } from './followups-routes';
import { People } from './people';
import { protectionRoutes } from './protection-routes';
import { recordRoutes } from './record-routes';
import { caseRoutes } from './routes';

/** Victims' case management on HTCDS 2.0 and the protection workflow around a case. */
export const casesModule: ModuleDescriptor = {
  name: 'cases',
  routes: (ctx) =>
    [caseRoutes, recordRoutes, caseFileRoutes, followUpRoutes, protectionRoutes, closureRoutes].map((r) => ({
      plugin: r(ctx),
      prefix: '/api',
    })),
  jobs: [
    { name: 'follow-up reminders', everyMs: 3_600_000, run: (ctx) => new FollowUps(ctx).remind() },
    {
      name: 'name terms backfill',
      everyMs: 3_600_000,
      run: (ctx) => new People(ctx).backfillNameTerms(),
      freshAtStart: async (ctx) => !(await new People(ctx).backfillPending()),
    },
  ],
  seed: seedCasesDemo,
};

export { CaseAccess } from './access';
export { CareService } from './care';
export { personCodec } from './codecs';
export { demoSeedActor } from './demo';
export { CaseFiles, cleanAttachment, maxFileBytes } from './files';
export { FollowUps } from './followups';
export { IntakeService, livingRecordDefaults } from './intake';
export { People } from './people';
export { nameKeys, nameTerms } from './phonetic';
export { Protection } from './protection';
export { RecordService } from './record';
export { consentsOf, findPerson, insertCase, standingReferrals } from './repo';
export { CaseService, pickReferrals } from './service';
export { type CaseSharing, registerCaseSharing } from './sharing';
export { CaseTasks } from './tasks';
