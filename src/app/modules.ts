import { accessModule } from '../modules/access/index';
import { auditModule } from '../modules/audit/index';
import { boardModule } from '../modules/board/index';
import { casesModule } from '../modules/cases/index';
import { cataloguesModule } from '../modules/catalogues/index';
import { directoryModule } from '../modules/directory/index';
import { fieldModule } from '../modules/field/index';
import { formsModule } from '../modules/forms/index';
import { geoModule } from '../modules/geo/index';
import { insightsModule } from '../modules/insights/index';
import { noticesModule } from '../modules/notices/index';
import { plansModule } from '../modules/plans/index';
import { prosecutionModule } from '../modules/prosecution/index';
import { referralsModule } from '../modules/referrals/index';
import { reportsModule } from '../modules/reports/index';
import { retentionModule } from '../modules/retention/index';
import { returnsModule } from '../modules/returns/index';
import { rightsModule } from '../modules/rights/index';
import { studiesModule } from '../modules/studies/index';
import { translationsModule } from '../modules/translations/index';
import type { ModuleDescriptor } from '../platform/module';

/**
 * The product: every module, in dependency order. Hooks, routes and jobs are registered and demo data is
 * seeded in this order (geography before access, access before the records that name users).
 */
export const modules: readonly ModuleDescriptor[] = [
  geoModule,
  accessModule,
  auditModule,
  reportsModule,
  casesModule,
  fieldModule,
  directoryModule,
  referralsModule,
  cataloguesModule,
  boardModule,
  returnsModule,
  prosecutionModule,
  rightsModule,
  retentionModule,
  plansModule,
  insightsModule,
  formsModule,
  studiesModule,
  translationsModule,
  noticesModule,
];
