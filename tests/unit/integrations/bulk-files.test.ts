import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_FILES_BUNDLE, bulkFiles, type BulkFile } from '../../../src/integrations/bulk-files.ts';
import type { FeedView } from '../../../src/lib/views/feed.ts';

type BuildDone = (options: { dir: URL; logger: { info(m: string): void; warn(m: string): void } }) => Promise<void>;

let outDir = '';
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

/** Run the integration's `astro:build:done` on a dist holding the given bundle; returns what it logged. */
function buildDone(integration: ReturnType<typeof bulkFiles>, files: BulkFile[]) {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
  return buildDoneIn(outDir, integration, files);
}

async function buildDoneIn(dir: string, integration: ReturnType<typeof bulkFiles>, files: BulkFile[]) {
  writeFileSync(path.join(dir, BULK_FILES_BUNDLE), JSON.stringify(files));
  const logged: string[] = [];
  const hook = integration.hooks['astro:build:done'] as unknown as BuildDone;
  await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: (m) => logged.push(`info: ${m}`), warn: (m) => logged.push(`warn: ${m}`) } });
  return logged;
}

describe('bulkFiles integration', () => {
  it('writes every file of the bundle, removes the bundle, reports what it wrote', async () => {
    const integration = bulkFiles();
    const logged = await buildDone(integration, [
      ['issues/acme/tool/7/rss.xml', '<rss/>'],
      ['api/issues/acme/tool/7.json', '{"key":"acme/tool#7"}'],
    ]);
    expect(readFileSync(path.join(outDir, 'issues/acme/tool/7/rss.xml'), 'utf8')).toBe('<rss/>');
    expect(readFileSync(path.join(outDir, 'api/issues/acme/tool/7.json'), 'utf8')).toBe('{"key":"acme/tool#7"}');
    expect(existsSync(path.join(outDir, BULK_FILES_BUNDLE))).toBe(false);
    expect(integration.written()).toEqual(['issues/acme/tool/7/rss.xml', 'api/issues/acme/tool/7.json']);
    expect(logged).toEqual(['info: wrote 2 feeds, JSON files and redirect pages']);
  });

  it('never writes outside the output folder', async () => {
    const integration = bulkFiles();
    const logged = await buildDone(integration, [['api/../../escaped.json', '{}']]);
    expect(existsSync(path.join(outDir, '..', 'escaped.json'))).toBe(false);
    expect(integration.written()).toEqual([]);
    expect(logged[0]).toBe('warn: not written (outside the output folder): api/../../escaped.json');
  });

  it('a later build reports only its own files', async () => {
    const integration = bulkFiles();
    await buildDone(integration, [['api/issues/acme/tool/7.json', '{}']]);
    rmSync(outDir, { recursive: true, force: true });
    await buildDone(integration, [['api/issues/acme/tool/8.json', '{}']]);
    expect(integration.written()).toEqual(['api/issues/acme/tool/8.json']);
  });
});

describe('bulkFiles integration on a kept dist', () => {
  it('leaves a file with the same text alone and rewrites a changed one', async () => {
    const integration = bulkFiles();
    outDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
    const same = path.join(outDir, 'api/issues/acme/tool/7.json');
    const changed = path.join(outDir, 'api/issues/acme/tool/8.json');
    await buildDoneIn(outDir, integration, [['api/issues/acme/tool/7.json', 'same'], ['api/issues/acme/tool/8.json', 'old']]);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(same, old, old);
    const logged = await buildDoneIn(outDir, integration, [['api/issues/acme/tool/7.json', 'same'], ['api/issues/acme/tool/8.json', 'new']]);
    expect(statSync(same).mtimeMs).toBe(old.getTime()); // not written again
    expect(readFileSync(changed, 'utf8')).toBe('new');
    expect(integration.written()).toEqual(['api/issues/acme/tool/7.json', 'api/issues/acme/tool/8.json']);
    expect(logged).toEqual(['info: wrote 1 feeds, JSON files and redirect pages (1 unchanged, kept)']);
  });
});

describe('bulkFiles integration: feeds', () => {
  const feed = (title: string): FeedView => ({ title, description: 'Meetings that mention acme/tool#7', home: '/', items: [{ title: 'Alpha 2024-01-10', link: '/alpha/2024-01-10/', date: '2024-01-10', description: 'Ceph', categories: ['alpha'] }] });
  const FEED = 'issues/acme/tool/7/rss.xml';
  let cacheDir = '';
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  /** A build as Astro runs the hooks: config, start, done. */
  async function build(site: string, files: BulkFile[]) {
    const integration = bulkFiles();
    const hooks = integration.hooks as unknown as { 'astro:config:done'(o: unknown): void; 'astro:build:start'(o: unknown): Promise<void> };
    hooks['astro:config:done']({ config: { cacheDir: pathToFileURL(`${cacheDir}/`), site } });
    await hooks['astro:build:start']({});
    return buildDoneIn(outDir, integration, files);
  }

  it('renders a feed from its view model, and again only when the view model or the site changes', async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-cache-'));
    const file = path.join(outDir, FEED);

    expect(await build('https://example.org', [[FEED, feed('acme/tool#7')]])).toEqual(['info: wrote 1 feeds, JSON files and redirect pages']);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<title>acme/tool#7</title>');
    expect(xml).toContain('<link>https://example.org/alpha/2024-01-10/</link>');

    // Same view model: neither rendered nor read (a feed file edited by hand stays as it is).
    writeFileSync(file, 'edited by hand');
    expect(await build('https://example.org', [[FEED, feed('acme/tool#7')]])).toEqual(['info: wrote 0 feeds, JSON files and redirect pages (1 unchanged, kept)']);
    expect(readFileSync(file, 'utf8')).toBe('edited by hand');

    await build('https://example.org', [[FEED, feed('acme/tool#7: Quota')]]);
    expect(readFileSync(file, 'utf8')).toContain('<title>acme/tool#7: Quota</title>');

    await build('https://other.example', [[FEED, feed('acme/tool#7: Quota')]]);
    expect(readFileSync(file, 'utf8')).toContain('<link>https://other.example/alpha/2024-01-10/</link>');

    // A file that is gone is written again, whatever the record says.
    rmSync(file);
    await build('https://other.example', [[FEED, feed('acme/tool#7: Quota')]]);
    expect(readFileSync(file, 'utf8')).toContain('<title>acme/tool#7: Quota</title>');
  });

  it('renders every feed after a build that did not finish (its record is removed when it starts)', async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-cache-'));
    await build('https://example.org', [[FEED, feed('acme/tool#7')]]);
    const started = bulkFiles();
    const hooks = started.hooks as unknown as { 'astro:config:done'(o: unknown): void; 'astro:build:start'(o: unknown): Promise<void> };
    hooks['astro:config:done']({ config: { cacheDir: pathToFileURL(`${cacheDir}/`), site: 'https://example.org' } });
    await hooks['astro:build:start']({}); // and fails before astro:build:done
    writeFileSync(path.join(outDir, FEED), 'left by the failed build');
    await build('https://example.org', [[FEED, feed('acme/tool#7')]]);
    expect(readFileSync(path.join(outDir, FEED), 'utf8')).toContain('<title>acme/tool#7</title>');
  });
});
