import { newPage, signIn, startE2E } from './e2e/support';
const e2e = await startE2E();
const { page: s } = await newPage(e2e);
await signIn(s, 'supervisora.guamote@minka.demo');
await s.goto('/reports');
await s.waitForTimeout(1500);
await s.screenshot({ path: '/tmp/reports.png', fullPage: true });
console.log((await s.locator('table').innerText()).slice(0, 1500));
await e2e.close();
