import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_FILES_BUNDLE, bulkFiles } from '../../../src/integrations/bulk-files.ts';

type BuildDone = (options: { dir: URL; logger: { info(m: string): void; warn(m: string): void } }) => void;

let outDir = '';
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

/** Run the integration's `astro:build:done` on a dist holding the given bundle; returns what it logged. */
function buildDone(integration: ReturnType<typeof bulkFiles>, files: [string, string][]) {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
  return buildDoneIn(outDir, integration, files);
}

function buildDoneIn(dir: string, integration: ReturnType<typeof bulkFiles>, files: [string, string][]) {
  writeFileSync(path.join(dir, BULK_FILES_BUNDLE), JSON.stringify(files));
  const logged: string[] = [];
  const hook = integration.hooks['astro:build:done'] as unknown as BuildDone;
  hook({ dir: pathToFileURL(`${dir}/`), logger: { info: (m) => logged.push(`info: ${m}`), warn: (m) => logged.push(`warn: ${m}`) } });
  return logged;
}

describe('bulkFiles integration', () => {
  it('writes every file of the bundle, removes the bundle, reports what it wrote', () => {
    const integration = bulkFiles();
    const logged = buildDone(integration, [
      ['issues/acme/tool/7/rss.xml', '<rss/>'],
      ['api/issues/acme/tool/7.json', '{"key":"acme/tool#7"}'],
    ]);
    expect(readFileSync(path.join(outDir, 'issues/acme/tool/7/rss.xml'), 'utf8')).toBe('<rss/>');
    expect(readFileSync(path.join(outDir, 'api/issues/acme/tool/7.json'), 'utf8')).toBe('{"key":"acme/tool#7"}');
    expect(existsSync(path.join(outDir, BULK_FILES_BUNDLE))).toBe(false);
    expect(integration.written()).toEqual(['issues/acme/tool/7/rss.xml', 'api/issues/acme/tool/7.json']);
    expect(logged).toEqual(['info: wrote 2 feeds, JSON files and redirect pages']);
  });

  it('never writes outside the output folder', () => {
    const integration = bulkFiles();
    const logged = buildDone(integration, [['api/../../escaped.json', '{}']]);
    expect(existsSync(path.join(outDir, '..', 'escaped.json'))).toBe(false);
    expect(integration.written()).toEqual([]);
    expect(logged[0]).toBe('warn: not written (outside the output folder): api/../../escaped.json');
  });

  it('a later build reports only its own files', () => {
    const integration = bulkFiles();
    buildDone(integration, [['api/issues/acme/tool/7.json', '{}']]);
    rmSync(outDir, { recursive: true, force: true });
    buildDone(integration, [['api/issues/acme/tool/8.json', '{}']]);
    expect(integration.written()).toEqual(['api/issues/acme/tool/8.json']);
  });
});

describe('bulkFiles integration on a kept dist', () => {
  it('leaves a file with the same text alone and rewrites a changed one', () => {
    const integration = bulkFiles();
    outDir = mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
    const same = path.join(outDir, 'api/issues/acme/tool/7.json');
    const changed = path.join(outDir, 'api/issues/acme/tool/8.json');
    buildDoneIn(outDir, integration, [['api/issues/acme/tool/7.json', 'same'], ['api/issues/acme/tool/8.json', 'old']]);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(same, old, old);
    const logged = buildDoneIn(outDir, integration, [['api/issues/acme/tool/7.json', 'same'], ['api/issues/acme/tool/8.json', 'new']]);
    expect(statSync(same).mtimeMs).toBe(old.getTime()); // not written again
    expect(readFileSync(changed, 'utf8')).toBe('new');
    expect(integration.written()).toEqual(['api/issues/acme/tool/7.json', 'api/issues/acme/tool/8.json']);
    expect(logged).toEqual(['info: wrote 1 feeds, JSON files and redirect pages (1 unchanged, kept)']);
  });
});
