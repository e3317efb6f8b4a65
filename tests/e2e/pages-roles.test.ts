import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { check, visit } from './pages-check';
import { type E2E, newPage, signIn, signInWithoutCode, startE2E } from './support';

// The pages of pages.test.ts for the planner, the researcher, a receiving shelter and a prosecutor (a file of their
// own, so the journeys run side by side).
describe("the planner's, researcher's, shelter's and prosecutor's pages pass axe-core and fit a 360 px screen (Chromium)", () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('planner, researcher, receiving shelter and prosecutor: their pages', async () => {
    const found: string[] = [];
    const planner = (await newPage(e2e)).page;
    await signInWithoutCode(planner, 'planificacion.colta@minka.demo');
    await visit(planner, '/plans', found);
    // The list stays on screen while the plan page loads: wait for the plan's own title as its heading.
    const planLink = planner.locator('main a[href^="/plans/"]').first();
    const title = (await planLink.textContent()) ?? '';
    await planLink.click();
    await planner.getByRole('heading', { level: 1, name: title }).waitFor();
    await planner.waitForLoadState('networkidle');
    found.push(...(await check(planner, 'a local plan')));
    const researcher = (await newPage(e2e)).page;
    await signInWithoutCode(researcher, 'investigacion@minka.demo');
    for (const url of ['/insights', '/insights/htcds', '/insights/open-data']) await visit(researcher, url, found);
    const shelter = (await newPage(e2e)).page;
    await signIn(shelter, 'acogida.cuenca@minka.demo');
    await visit(shelter, '/referrals/inbox', found);
    // The case a health referral shares in part: only its sections, with the line naming them.
    await shelter.locator('main a[href^="/cases/"]').first().click();
    await shelter.getByRole('tab').first().waitFor();
    await shelter.waitForLoadState('networkidle');
    found.push(...(await check(shelter, 'a case shared by a referral')));
    const prosecutor = (await newPage(e2e)).page;
    await signIn(prosecutor, 'fiscal.chimborazo@minka.demo');
    await visit(prosecutor, '/', found);
    assert.deepEqual(found, []);
  });
});
