import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import type { MeetingsJson } from '../../src/lib/indexes/json.ts';
import { checkDist } from '../../scripts/check-dist.mjs';

// The sample content built with BASE_PATH=/minutes and SITE_URL=https://example.org.
const site = inject('sites').sample;
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');
const meetings = (JSON.parse(read('api/meetings.json')) as MeetingsJson).meetings;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('deploy under a base path', () => {
  it('crawls the whole site: no broken internal link or #anchor, nothing escapes /minutes/', () => {
    const { problems, pages, links } = checkDist(site.outDir, { base: '/minutes/', site: 'https://example.org' });
    expect(pages).toBeGreaterThan(30);
    expect(links).toBeGreaterThan(pages);
    expect(problems).toEqual([]);
  });

  it('puts every root-relative href and src of every page under the base', () => {
    for (const file of htmlFiles(site.outDir)) {
      const html = readFileSync(file, 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src|action|content)="(\/[^"]*)"/g)) {
        expect(url!.startsWith('/minutes/'), `${path.relative(site.outDir, file)}: ${url}`).toBe(true);
      }
    }
  });

  it('uses the base in meetings.json urls and in the search index location', () => {
    for (const m of meetings) expect(m.url).toBe(`/minutes/${m.id}/`);
    expect(existsSync(path.join(site.outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(read('search/index.html')).toContain('/minutes/');
  });
});

describe('unfurls', () => {
  it.each(meetings.map((m) => m.id))('%s has title, description, canonical, Open Graph and Twitter tags', (id) => {
    const html = read(`${id}/index.html`);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]*\d{4}-\d{2}-\d{2}|<meta name="description" content="[^"]+"/);
    expect(html).toContain(`<link rel="canonical" href="https://example.org/minutes/${id}/"`);
    for (const tag of ['og:title', 'og:description', 'og:url', 'og:type']) expect(html).toContain(`property="${tag}"`);
    expect(html).toContain('name="twitter:card"');
  });
});

describe('redirects from upstream file names', () => {
  it('has an HTML redirect with canonical for /<series>/<YYYYMMDD>/', () => {
    const m = meetings.find((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.id.split('/')[1]!) && /\/\d{8}\.md$/.test(x.source))!;
    const stem = m.source.split('/')[1]!.replace('.md', '');
    const html = read(`${m.series}/${stem}/index.html`);
    expect(html).toContain(`content="0; url=/minutes/${m.id}/"`);
    expect(html).toContain(`rel="canonical" href="https://example.org/minutes/${m.id}/"`);
    expect(read('_redirects')).toContain(`/minutes/${m.series}/${stem}/ /minutes/${m.id}/ 301`);
  });
});

describe('feeds and sitemap', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  it.each(['rss.xml', 'iaas/rss.xml'])('%s is valid RSS with the latest meetings first, under the base', (file) => {
    const xml = read(file);
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = [parser.parse(xml).rss.channel.item].flat() as { link: string; pubDate: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.link.startsWith('https://example.org/minutes/')).toBe(true);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const newest = meetings.filter((m) => file === 'rss.xml' || m.series === 'iaas').map((m) => m.date).filter(Boolean).sort().pop();
    expect(new Date(dates[0]!).toISOString().slice(0, 10)).toBe(newest);
  });
  it('links the feeds with rel=alternate and has a sitemap', () => {
    expect(read('index.html')).toContain('rel="alternate" type="application/rss+xml"');
    expect(read('iaas/index.html')).toContain('href="/minutes/iaas/rss.xml"');
    expect(XMLValidator.validate(read('sitemap-index.xml'))).toBe(true);
  });
});

describe('404', () => {
  it('has the search box', () => {
    const html = read('404.html');
    expect(html).toContain('action="/minutes/search/"');
  });
});
