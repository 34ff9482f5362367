#!/usr/bin/env node
/**
 * Screenshots of the main pages of a built site, desktop and phone, light and
 * dark, into docs/screenshots/ (shown in the README).
 * Usage: npm run build && node scripts/screenshots.mjs [dist] [base]
 * Uses Debian's Chromium (/usr/bin/chromium) through playwright-core; Node 22 runs the .ts import.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveDist } from '../tests/e2e/browser.ts';

const [dist = 'dist', base = '/'] = process.argv.slice(2);
const out = 'docs/screenshots';
const server = await serveDist(dist, base);
const root = server.url;
const browser = await launchBrowser();
const page0 = await browser.newPage();
await page0.goto(`${root}people/`);
const person = await page0.locator('main a[href*="/people/"]:not([href$="/people/"])').first().getAttribute('href');
await page0.goto(`${root}issues/`);
const issue = await page0.locator('main a[href*="/issues/"]:not([href$="/issues/"])').first().getAttribute('href');
await page0.goto(`${root}topics/`);
const topic = await page0.locator('main .topic-list a').first().getAttribute('href');
await page0.goto(`${root}`);
const meeting = await page0.locator('.meeting-list a').first().getAttribute('href');
await page0.close();

const pages = { home: root, meeting: new URL(meeting, root).href, person: new URL(person, root).href, issue: new URL(issue, root).href, topic: new URL(topic, root).href, search: `${root}search/?q=keycloak+upgrade` };
const variants = [
  { name: 'desktop', viewport: { width: 1280, height: 860 } },
  { name: 'phone', viewport: { width: 390, height: 800 }, isMobile: true, deviceScaleFactor: 1 },
];
mkdirSync(out, { recursive: true });
for (const scheme of ['light', 'dark']) {
  for (const v of variants) {
    const context = await browser.newContext({ viewport: v.viewport, isMobile: v.isMobile ?? false, colorScheme: scheme });
    const page = await context.newPage();
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      await page.waitForTimeout(name === 'search' ? 800 : 100);
      await page.screenshot({ path: `${out}/${name}-${v.name}-${scheme}.png` });
    }
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots of ${Object.keys(pages).join(', ')} in ${out}/`);
