import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { indexGlob, pagefindIndex } from '../../../src/integrations/pagefind.ts';

const out = '/site/dist';
const files = (...rel: string[]) => rel.map((r) => `${out}/${r}`);

describe('indexGlob: only the folders of the indexed routes are read', () => {
  it.each([
    ['one folder', files('iaas/2023-05-17/index.html', 'iaas/2023-05-24/index.html'), 'iaas/**/*.html'],
    ['several folders, sorted, each once', files('ops/2023-01-02/index.html', 'issues/o/r/1/index.html', 'iaas/2023-05-17/index.html', 'ops/2023-01-09/index.html'), '{iaas,issues,ops}/**/*.html'],
    ['dots, dashes and underscores are plain', files('sig-std_2.x/2023-05-17/index.html'), 'sig-std_2.x/**/*.html'],
  ])('%s', (_label, list, glob) => {
    expect(indexGlob(out, list)).toBe(glob);
  });

  it.each([
    ['no files', []],
    ['a page at the top level', files('index.html', 'iaas/2023-05-17/index.html')],
    ['a folder name with glob syntax', files('a{b}/2023-05-17/index.html')],
    ['a folder name with a space', files('my series/2023-05-17/index.html')],
    ['a file outside the output folder', ['/elsewhere/iaas/index.html']],
  ])('reads everything for %s', (_label, list) => {
    expect(indexGlob(out, list)).toBeUndefined();
  });
});

describe('pagefindIndex: a rebuild writes into the last bundle only when that bundle is whole and from the same pagefind', () => {
  type Hooks = { 'astro:config:done'(o: unknown): void; 'astro:build:done'(o: unknown): Promise<void> };
  let tmp = '';
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  async function build(site: string, cacheDir: string) {
    const hooks = pagefindIndex().hooks as unknown as Hooks;
    hooks['astro:config:done']({ config: { base: '/', outDir: pathToFileURL(`${site}/`), cacheDir: pathToFileURL(`${cacheDir}/`) } });
    const logged: string[] = [];
    await hooks['astro:build:done']({ dir: pathToFileURL(`${site}/`), assets: new Map(), logger: { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(`warn: ${m}`) } });
    return logged;
  }

  it('keeps the files of a whole bundle, and writes every file again after a failed build or another pagefind', async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'pagefind-index-'));
    const site = path.join(tmp, 'dist');
    const cacheDir = path.join(tmp, 'cache');
    mkdirSync(path.join(site, 'a'), { recursive: true });
    writeFileSync(path.join(site, 'a', 'index.html'), '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Alpha</h1><p>ceph quincy</p></main></body></html>');
    expect((await build(site, cacheDir))[0]).toMatch(/^indexed 1 pages in \d+ ms$/);
    const fragment = path.join(site, 'pagefind', 'fragment', readdirSync(path.join(site, 'pagefind', 'fragment'))[0]!);
    const bytes = readFileSync(fragment);
    const state = path.join(cacheDir, 'minutes-archive-pagefind.json');

    // A whole bundle from this pagefind: its files are not written again (a hashed file pagefind finds is taken as it is).
    writeFileSync(fragment, 'kept as it is');
    await build(site, cacheDir);
    expect(readFileSync(fragment, 'utf8')).toBe('kept as it is');

    // Another pagefind wrote it: everything is written again.
    writeFileSync(state, JSON.stringify({ ...JSON.parse(readFileSync(state, 'utf8')), version: '0.0.1' }));
    await build(site, cacheDir);
    expect(readFileSync(fragment).equals(bytes)).toBe(true);

    // The last build did not finish (no state): everything is written again.
    writeFileSync(fragment, 'left by a failed build');
    rmSync(state);
    await build(site, cacheDir);
    expect(readFileSync(fragment).equals(bytes)).toBe(true);
  });
});
