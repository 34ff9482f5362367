import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, CORPUS, OPENJS_CORPUS, ROOT, TMP, type BuiltSite } from './sites.ts';
import { makeHostileFixture } from '../build/fixtures/make-hostile.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<'basic' | 'hostile' | 'sample' | 'corpus' | 'openjs' | 'copies', BuiltSite>;
  }
}

/**
 * Build every fixture site once for all build and e2e tests (sequentially:
 * the builds share the project's .astro folder). Cached across runs when
 * nothing changed.
 */
export default async function setup(project: TestProject): Promise<void> {
  const hostileDir = path.join(TMP, 'hostile-minutes');
  const script = path.join(ROOT, 'tests/build/fixtures/make-hostile.ts');
  const marker = `${hostileDir}.made`;
  // Regenerate the hostile folder only when its script changed, so cached builds stay valid.
  if (!existsSync(marker) || statSync(script).mtimeMs > statSync(marker).mtimeMs) {
    rmSync(hostileDir, { recursive: true, force: true });
    mkdirSync(hostileDir, { recursive: true });
    await makeHostileFixture(hostileDir);
    writeFileSync(marker, '');
  }
  const sites = {
    basic: buildSite({ name: 'basic', minutesDir: path.join(ROOT, 'tests/build/fixtures/basic') }),
    hostile: buildSite({ name: 'hostile', minutesDir: hostileDir }),
    sample: buildSite({ name: 'sample', minutesDir: path.join(ROOT, 'content/minutes'), env: { BASE_PATH: '/minutes', SITE_URL: 'https://example.org' } }),
    corpus: buildSite({ name: 'corpus', minutesDir: CORPUS, env: { BASE_PATH: '/minutes', SITE_URL: 'https://example.org' } }),
    openjs: buildSite({ name: 'openjs', minutesDir: OPENJS_CORPUS }),
    copies: buildSite({ name: 'copies', minutesDir: path.join(ROOT, 'tests/fixtures/layouts/copies') }),
  };
  for (const site of Object.values(sites)) {
    if (site.exitCode !== 0) throw new Error(`build of fixture site "${site.name}" failed:\n${site.output.slice(-4000)}`);
  }
  project.provide('sites', sites);
}
