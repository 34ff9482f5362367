import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagefindPackage, pruneBundle, runPagefind } from '../../../src/integrations/pagefind-bundle.ts';
import { filesBelow } from '../../files.ts';

const page = (title: string, words: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p></main></body></html>`;

describe('pagefind bundle: writing into the last bundle, then pruning, gives what an empty folder gets', () => {
  let tmp = '';
  let bin = '';
  const site = () => path.join(tmp, 'site');
  const index = (outputPath: string) => runPagefind(bin, ['--site', site(), '--output-path', outputPath, '--quiet']);

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'pagefind-bundle-'));
    ({ bin } = await pagefindPackage());
    for (const [dir, title, words] of [
      ['a', 'Alpha', 'ceph quincy upgrade'],
      ['b', 'Beta', 'kubernetes cluster api'],
      ['c', 'Gamma', 'sovereign cloud stack'],
    ]) {
      mkdirSync(path.join(site(), dir!), { recursive: true });
      writeFileSync(path.join(site(), dir!, 'index.html'), page(title!, words!));
    }
    await index(path.join(tmp, 'kept'));
    // The next build: one page edited, one gone, one new.
    writeFileSync(path.join(site(), 'a', 'index.html'), page('Alpha', 'ceph reef upgrade planned'));
    rmSync(path.join(site(), 'b'), { recursive: true });
    mkdirSync(path.join(site(), 'd'));
    writeFileSync(path.join(site(), 'd', 'index.html'), page('Delta', 'openstack flavors'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('removes exactly the files the new index does not use', async () => {
    const last = filesBelow(path.join(tmp, 'kept'));
    cpSync(path.join(tmp, 'kept'), path.join(tmp, 'rebuilt'), { recursive: true });
    await index(path.join(tmp, 'rebuilt'));
    await index(path.join(tmp, 'fresh'));
    const before = filesBelow(path.join(tmp, 'rebuilt'));
    const removed = await pruneBundle(path.join(tmp, 'rebuilt'));
    const rebuilt = filesBelow(path.join(tmp, 'rebuilt'));
    const fresh = filesBelow(path.join(tmp, 'fresh'));

    expect([...rebuilt.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [name, bytes] of fresh) expect(rebuilt.get(name)?.equals(bytes), name).toBe(true);
    // Stale: the fragments of the edited and the removed page, the old meta index and word indexes.
    expect(removed).toBe(before.size - rebuilt.size);
    expect([...before.keys()].filter((f) => f.startsWith('fragment') && !rebuilt.has(f))).toHaveLength(2);
    expect([...before.keys()].filter((f) => f.endsWith('.pf_meta') && !rebuilt.has(f))).toHaveLength(1);
    // The unchanged page's fragment was kept, not written again.
    const kept = [...rebuilt.keys()].filter((f) => f.startsWith('fragment') && last.has(f));
    expect(kept).toHaveLength(1);
  });

  it('leaves a bundle that names all its files alone', async () => {
    expect(await pruneBundle(path.join(tmp, 'fresh'))).toBe(0);
    expect(existsSync(path.join(tmp, 'fresh', 'pagefind-entry.json'))).toBe(true);
  });

  it('reports what pagefind printed when it fails', async () => {
    await expect(runPagefind(bin, ['--site', path.join(tmp, 'no-such-site'), '--output-path', path.join(tmp, 'none')])).rejects.toThrow(/pagefind exited with [1-9]/);
  });
});
