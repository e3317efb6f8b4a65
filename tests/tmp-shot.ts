import { newPage, signIn, signInWithoutCode, startE2E } from './e2e/support';
const e2e = await startE2E();
const { page } = await newPage(e2e);
const wide = () => page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361 && e.getBoundingClientRect().right < 2000).slice(0, 8).map((e) => `${e.tagName}.${String(e.className).slice(0,40)} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent||'').slice(0,40)}`));
await signIn(page, 'tecnica.colta@minka.demo');
await page.setViewportSize({ width: 360, height: 740 });
for (const u of ['/insights']) { await page.goto(u); await page.waitForTimeout(2500); console.log(u, await wide()); }
const r = (await newPage(e2e)).page;
await signInWithoutCode(r, 'investigacion@minka.demo');
for (const u of ['/insights', '/insights/htcds', '/insights/open-data']) { await r.goto(u); await r.waitForTimeout(2000); console.log(u, await r.locator('h1').count(), (await r.locator('main').innerText()).slice(0, 200)); }
await e2e.close();
