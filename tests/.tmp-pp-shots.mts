// Temporary screenshot script (people/issues engineer); not part of the project.
import { serveDist, launchBrowser } from './e2e/browser.ts';
const dir = process.argv[2]!;
const out = process.argv[3]!;
const pages = process.argv.slice(4);
const server = await serveDist(dir, '/');
const browser = await launchBrowser();
for (const width of [1280, 360]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: process.env.DARK ? 'dark' : 'light' });
  const page = await ctx.newPage();
  for (const p of pages) {
    await page.goto(server.url + p.replace(/^\//, ''));
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    const name = `${out}/${p.replace(/[^a-z0-9]+/gi, '_')}-${width}${process.env.DARK ? '-dark' : ''}.png`;
    await page.screenshot({ path: name, fullPage: !process.env.TOP, clip: undefined });
    console.log(name, 'scrollWidth', sw, 'height', await page.evaluate(() => document.documentElement.scrollHeight));
  }
  await ctx.close();
}
await browser.close();
await server.close();
