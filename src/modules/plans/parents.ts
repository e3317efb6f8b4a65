import type { Context } from '../../platform/context';
import { Agreements } from './agreements';
import type { ParentCheck } from './documents';
import { LocalPlans } from './service';

/** Access to what plan documents hang on: a plan (plans:read / plans:write) or a cooperation agreement. */
export const planParents =
  (ctx: Context): ParentCheck =>
  async (actor, type, id, write) => {
    if (type === 'plan') await new LocalPlans(ctx).load(actor, id, write ? 'plans:write' : 'plans:read');
    else await new Agreements(ctx).check(actor, id, write);
  };
