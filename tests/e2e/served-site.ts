import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveDist, type DistServer } from './browser.ts';

/**
 * Serve a built site and start Chromium for the tests of one file
 * (beforeAll/afterAll registered here). Read `.url` and `.browser` inside tests.
 */
export function useServedSite(site: { outDir: string; base: string }): { readonly url: string; readonly browser: Browser } {
  let server: DistServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist(site.outDir, site.base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
