/**
 * Hostile minutes in real Chromium (Debian's, via playwright-core).
 *
 * 1. Every page built from the hostile fixture (tests/build/fixtures/make-hostile.ts)
 *    is loaded: no payload may run (every script payload sets `window.__pwned = 1`;
 *    the test sets nothing itself, it only fires the events the payloads listen
 *    for), the site header must look exactly as on a clean page of the same
 *    build, nothing from the minutes may be `position: fixed` or cover the
 *    header, and the Content-Security-Policy must not have had to block
 *    anything (a violation means a payload got past the sanitizer).
 * 2. The sample site (base /minutes) works with the CSP on: theme toggle,
 *    copy link, search; no CSP violations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, serveDist, type DistServer } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records CSP violations and page errors; installed before any page script runs. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
  });
`;

/** A context that only talks to our server (remote images in the fixture point at evil.example). */
async function newContext(serverUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  const origin = new URL(serverUrl).origin;
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await context.addInitScript(RECORD_VIOLATIONS);
  return context;
}

const HEADER_PROPS = ['display', 'visibility', 'background-color', 'position', 'color', 'opacity', 'z-index', 'height', 'transform', 'font-family', 'font-size'] as const;
type HeaderStyles = Record<'.site-header' | '.site-title', Record<string, string> | null>;

async function headerStyles(page: Page): Promise<HeaderStyles> {
  return page.evaluate((props) => {
    const get = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    return { '.site-header': get('.site-header'), '.site-title': get('.site-title') };
  }, HEADER_PROPS as unknown as string[]);
}

/** Fire the events the payloads listen for on everything that came from minutes (never clicks: links would navigate). */
async function poke(page: Page): Promise<void> {
  await page.evaluate(() => {
    const types = ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'toggle', 'load', 'error', 'animationstart', 'transitionend', 'pointerover'];
    for (const el of document.querySelectorAll('.minutes *, .excerpt *, .minutes, .excerpt')) {
      for (const t of types) el.dispatchEvent(new Event(t, { bubbles: false }));
    }
  });
}

interface Probe {
  pwned: unknown[];
  violations: string[];
  fixed: string[];
  coverer: string | null;
}

async function probe(page: Page): Promise<Probe> {
  const frames = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => 'frame not readable')));
  const rest = await page.evaluate(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    const fixed: string[] = [];
    for (const el of document.querySelectorAll('.minutes *, .excerpt *')) {
      const pos = getComputedStyle(el).position;
      if (pos === 'fixed' || pos === 'sticky') fixed.push(`<${el.tagName.toLowerCase()}> position: ${pos}`);
    }
    // Whatever is on top of the site title must be the title itself.
    let coverer: string | null = null;
    const title = document.querySelector('.site-title');
    if (title) {
      const r = title.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (top && !title.contains(top)) coverer = `<${top.tagName.toLowerCase()} class="${top.getAttribute('class') ?? ''}">`;
    }
    return { violations: w.__cspViolations ?? ['violation recorder missing'], fixed, coverer };
  });
  return { pwned: frames.filter((v) => v !== undefined), ...rest };
}

/** Load a page; redirect pages (meta refresh / location.replace) are followed to where they land. */
async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(150);
  await page.waitForLoadState('load');
}

// ---------------------------------------------------------------------------

describe('hostile fixture in Chromium', () => {
  const site = inject('sites').hostile;
  const files = (readdirSync(site.outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  /** URL path (below the base) of a built file, each segment encoded as it is on disk. */
  const urlOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1').split('/').map(encodeURIComponent).join('/');
  // The deep file's series is the folder that holds it (a folder of its own dated minutes), not the top one.
  const CLEAN = 'h/2024-01-20/index.html';

  let server: DistServer;
  let context: BrowserContext;
  let reference: HeaderStyles;

  beforeAll(async () => {
    server = await serveDist(site.outDir, site.base);
    context = await newContext(server.url);
    const page = await context.newPage();
    await load(page, server.url + urlOf(CLEAN));
    reference = await headerStyles(page);
    await page.close();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('has pages to load, including every payload page, and a clean reference page', () => {
    expect(files).toContain(CLEAN);
    for (const id of ['xss/2024-02-01', 'xss/2024-02-02', 'xss/2024-02-03', 'xss/2024-02-04', 'xss/2024-02-05', 'xss/2024-02-06', 'xss/2024-02-07']) {
      expect(files).toContain(`${id}/index.html`);
    }
    expect(reference['.site-header']).not.toBeNull();
    expect(reference['.site-header']!['display']).not.toBe('none');
    expect(reference['.site-title']!['visibility']).toBe('visible');
  });

  it.each(files)('%s', async (file) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await load(page, server.url + urlOf(file));
      await poke(page);
      await page.waitForTimeout(50);
      const result = await probe(page);
      expect(result.pwned, 'an injected script ran').toEqual([]);
      expect(result.violations, 'the CSP blocked something (it got past the sanitizer)').toEqual([]);
      expect(result.fixed, 'an element from minutes is position: fixed/sticky').toEqual([]);
      expect(result.coverer, 'something covers the site title').toBeNull();
      expect(await headerStyles(page), 'the site header looks different from a clean page').toEqual(reference);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs nothing from search results for payload text', async () => {
    const page = await context.newPage();
    try {
      for (const q of ['pwned', 'script', 'onerror', 'svg onload', 'USER']) {
        await load(page, `${server.url}search/?q=${encodeURIComponent(q)}`);
        await page.waitForSelector('[data-search-root][data-state="done"]', { timeout: 10_000 });
        await poke(page);
        const result = await probe(page);
        expect(result.pwned, q).toEqual([]);
        expect(result.violations, q).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });
});

// ---------------------------------------------------------------------------

describe('the sample site works with the CSP on (base /minutes)', () => {
  const site = inject('sites').sample;
  let server: DistServer;
  let context: BrowserContext;
  const meetings = (JSON.parse(readFileSync(path.join(site.outDir, 'api/meetings.json'), 'utf8')) as { meetings: { url: string }[] }).meetings;

  beforeAll(async () => {
    server = await serveDist(site.outDir, site.base);
    context = await newContext(server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  async function open(pathBelowBase: string): Promise<Page & { problems: string[] }> {
    const page = (await context.newPage()) as Page & { problems: string[] };
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) page.problems.push(`console: ${m.text()}`);
    });
    await load(page, server.url + pathBelowBase);
    return page;
  }
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  const below = (url: string) => url.replace(site.base, '');

  it('every page has the CSP meta', async () => {
    const page = await open('');
    const csp = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    await page.close();
  });

  it.each(['', 'about/', 'people/', 'issues/', 'build-report/', 'search/', '404.html'])('/%s: no CSP violations, no errors', async (p) => {
    const page = await open(p);
    expect(await violations(page)).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.close();
  });

  it('meeting pages: no CSP violations; copy link works', async () => {
    expect(meetings.length).toBeGreaterThan(0);
    for (const m of meetings.slice(0, 5)) {
      const page = await open(below(m.url));
      expect(await violations(page), m.url).toEqual([]);
      expect(page.problems, m.url).toEqual([]);
      await page.close();
    }
    const page = await open(below(meetings[0]!.url));
    // The copy-link buttons are made by the site's script: they exist only if it ran.
    const toggle = page.locator('.copy-link-toggle').first();
    await toggle.click();
    const copyUrl = page.locator('.copy-link-menu:not([hidden]) button[data-copy="url"]').first();
    await copyUrl.click();
    await page.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((s) => /Copied/.test(s.textContent ?? '')));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(new URL(meetings[0]!.url, server.url).pathname);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('theme toggle works and is kept across pages (the inline theme script is allowed)', async () => {
    const page = await open('');
    const before = await page.evaluate(() => document.documentElement.dataset['theme'] ?? '');
    await page.click('[data-theme-toggle]');
    const after = await page.evaluate(() => document.documentElement.dataset['theme'] ?? '');
    expect(after).not.toBe(before);
    expect(['light', 'dark']).toContain(after);
    await load(page, `${server.url}about/`);
    // Applied before first paint by the inline script in <head>: it ran under the CSP.
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(after);
    expect(await violations(page)).toEqual([]);
    await page.evaluate(() => localStorage.removeItem('theme'));
    await page.close();
  });

  it('search works (pagefind and its WebAssembly load under the CSP)', async () => {
    const page = await open('search/?q=ceph');
    await page.waitForSelector('[data-search-root][data-state="done"]', { timeout: 15_000 });
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.close();
  });
});
