// The CTDC file-difference attack for `npm run bench disclosure`: compares every jurisdiction's consecutive CTDC-style
// files under the design before issue 21 ("recomputed") and the batched one, and counts the rows of last period's
// registrants singled out in groups of 1..k-1. The attack itself lives in src/modules/insights/ctdc/difference.ts
// so the tests run the same code.
export {
  type CtdcAttackResult,
  type CtdcDesign,
  ctdcDifferenceAttack,
} from '../src/modules/insights/ctdc/difference';
