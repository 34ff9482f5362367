import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TMP = path.join(ROOT, 'tests/.tmp');
export const CORPUS = path.resolve(ROOT, '../shared/corpus/scs-minutes');
/** Another organisation's repository: minutes under meetings/ beside charters, policies and templates. */
export const OPENJS_CORPUS = path.resolve(ROOT, '../shared/corpus/openjs-cpc-minutes');

export interface SiteSpec {
  name: string;
  minutesDir: string;
  env?: Record<string, string>;
  args?: string[];
  /** Build on top of this site's last build (its dist and caches: an incremental build), never reuse a cached result. */
  rebuild?: boolean;
}
export interface BuiltSite extends SiteSpec {
  outDir: string;
  base: string;
  exitCode: number;
  output: string;
}

/** Hash of every file under the given paths (names, sizes, mtimes): decides whether a cached build is still valid. */
function treeKey(paths: string[]): string {
  const h = createHash('sha1');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = lstatSync(p); // never follow links: fixtures contain link loops
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules' && name !== '.tmp') visit(path.join(p, name));
    } else {
      h.update(`${p}:${s.size}:${s.mtimeMs}\n`);
    }
  };
  paths.forEach(visit);
  return h.digest('hex');
}

/**
 * Build a site with `astro build` on the project's Node, into tests/.tmp/sites/<name>.
 * Reuses the previous build when neither the project sources nor the minutes changed.
 */
export function buildSite(spec: SiteSpec): BuiltSite {
  const outDir = path.join(TMP, 'sites', spec.name);
  const env = { ...spec.env };
  const key = treeKey([
    path.join(ROOT, 'src'), path.join(ROOT, 'astro.config.mjs'), path.join(ROOT, 'package-lock.json'), path.join(ROOT, 'public'),
    path.join(ROOT, 'content/pages'), spec.minutesDir,
  ]) + JSON.stringify([env, spec.args]);
  const marker = path.join(TMP, 'sites', `${spec.name}.json`);
  const base = (env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  if (!spec.rebuild) {
    if (existsSync(marker)) {
      const cached = JSON.parse(readFileSync(marker, 'utf8')) as BuiltSite & { key: string };
      if (cached.key === key && existsSync(outDir)) return cached;
    }
    rmSync(outDir, { recursive: true, force: true });
    // A cold build: the content cache would keep entries parsed by an older parser.
    rmSync(path.join(TMP, 'cache', spec.name), { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...(spec.args ?? [])], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      MINUTES_DIR: spec.minutesDir,
      ASTRO_CACHE_DIR: path.join(TMP, 'cache', spec.name),
      ASTRO_TELEMETRY_DISABLED: '1',
      // vitest sets NODE_ENV=test, and then Vite builds with import.meta.env.DEV true: src/archive.ts would load the
      // archive again for every page (as the dev server does), ~2.5 s per page on the SCS archive.
      NODE_ENV: 'production',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const built: BuiltSite = { ...spec, outDir, base, exitCode: result.status ?? 1, output };
  console.log(`built site "${spec.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${built.exitCode})`);
  if (built.exitCode === 0 && !spec.rebuild) writeFileSync(marker, JSON.stringify({ ...built, key }));
  else rmSync(marker, { force: true });
  return built;
}
