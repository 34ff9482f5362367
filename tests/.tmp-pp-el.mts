// Temporary: screenshot one element (people/issues engineer); not part of the project.
import { serveDist, launchBrowser } from './e2e/browser.ts';
const [dir, out, url, sel, w] = process.argv.slice(2) as [string, string, string, string, string];
const server = await serveDist(dir, '/');
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: Number(w ?? 1280), height: 900 }, colorScheme: process.env.DARK ? 'dark' : 'light' });
const page = await ctx.newPage();
await page.goto(server.url + url.replace(/^\//, ''));
if (process.env.CLICK) { await page.click(process.env.CLICK); }
const el = page.locator(sel).first();
if (process.env.MAXH) {
  const b = await el.evaluate((e) => { const r = e.getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY, w: r.width }; });
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: b.y, width: Number(w ?? 1280), height: Number(process.env.MAXH) } });
} else await el.screenshot({ path: out });
await browser.close();
await server.close();
