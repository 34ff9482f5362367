import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepBuildState, takeBuildState } from './build-state.ts';
import { pagefindPackage, pruneBundle, runPagefind } from './pagefind-bundle.ts';

/**
 * Never indexed, inside an indexed page: the `#` link in every heading (it
 * would end up in every section title), the `↗` link to an issue page, and
 * the action-item summary (the same text stands in its section of the minutes;
 * indexing it twice doubles its weight and adds a competing "Action items"
 * section to results), and the meeting's date line ("Wednesday, 17 May 2023 ·
 * 3 years ago": the date is in the title, the rest is noise).
 */
export const EXCLUDE = ['.heading-anchor', '.issue-page-link', '.action-items', '.meeting-meta time'];

/**
 * The pagefind glob that reads only the folders holding the pages of the
 * given routes (`{iaas,ops}/**\/*.html`), from the routes' output
 * files. Every other page (issues, topics, people, index pages) carries no
 * `data-pagefind-body` and is never indexed, but pagefind would still read
 * and parse it: on the SCS archive it reads 1,129 of 2,678 pages at 1× (the
 * series folders: meeting and redirect pages) and skips ~70 MB of topic, person
 * and issue pages at 10×. Undefined (read everything) when a
 * page lies at the top level or a folder name holds a character that means
 * something in a glob.
 */
export function indexGlob(outDir: string, files: Iterable<string>): string | undefined {
  const folders = new Set<string>();
  for (const file of files) {
    const rel = path.relative(outDir, file).split(path.sep);
    if (rel.length < 2 || rel[0] === '..' || !/^[\w.-]+$/.test(rel[0]!)) return undefined;
    folders.add(rel[0]!);
  }
  if (!folders.size) return undefined;
  const list = [...folders].sort();
  return `${list.length === 1 ? list[0] : `{${list.join(',')}}`}/**/*.html`;
}

/** Pages in the index: pagefind writes one fragment per indexed page. */
async function countIndexed(bundle: string): Promise<number> {
  return (await readdir(path.join(bundle, 'fragment'))).length;
}

/** Kept in Astro's cacheDir after a build that wrote its bundle in full: the next build may write into that bundle. */
const STATE_FILE = 'minutes-archive-pagefind.json';

interface BundleState {
  outDir: string;
  /** The pagefind that wrote the bundle: another may give other bytes under the same file names. */
  version: string;
}

/**
 * Index the built HTML with pagefind, so `npm run build` (and any build
 * started from a test) produces dist/pagefind/ in the same command.
 *
 * Pagefind's command line reads the built files itself, in parallel. Its
 * Node API does the same work, but its `writeFiles` builds the index twice
 * (the service's WriteFiles handler builds it, then calls the API's
 * `write_files`, which builds it again:
 * https://github.com/Pagefind/pagefind/blob/main/pagefind/src/service/mod.rs):
 * ~0.2 s more for the SCS archive, on every build. Both give the same bundle,
 * byte for byte.
 *
 * Only pages that mark their content with `data-pagefind-body` (meeting pages)
 * are indexed: navigation, footers, issue pages (references are matched
 * against issues/search.json, src/scripts/search.ts) and the index pages
 * (people, series, home) never reach the index. Heading weights are already in the
 * HTML (`HEADING_SEARCH_WEIGHT`, src/lib/markdown/heading-ids.ts).
 *
 * A rebuild writes into the last build's bundle, where pagefind writes (and
 * compresses) only the files that changed (pruneBundle removes those no
 * longer used), when the last build wrote it in full with the same pagefind
 * (STATE_FILE); otherwise into an empty folder.
 *
 * In `astro dev` there is no index of its own; the dev server serves the last
 * build's `dist/pagefind/` under `<base>pagefind/`, and the search page says
 * how to get one when it is missing.
 */
export interface PagefindOptions {
  /** Route patterns (`/[series]/[meeting]`) of the pages that carry `data-pagefind-body`: only their folders are read (indexGlob). */
  indexedRoutes?: readonly string[];
}

export function pagefindIndex({ indexedRoutes = [] }: PagefindOptions = {}): AstroIntegration {
  let base = '/';
  let outDir = '';
  let stateFile = '';
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
        stateFile = path.join(fileURLToPath(config.cacheDir), STATE_FILE);
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundle = path.join(outDir, 'pagefind');
        if (!existsSync(path.join(bundle, 'pagefind.js'))) {
          logger.info(`no search index at ${bundle}: run \`npm run build\` once; dev search uses the last build's index`);
        }
        const types: Record<string, string> = {
          '.js': 'text/javascript',
          '.css': 'text/css',
          '.json': 'application/json',
          '.pagefind': 'application/octet-stream',
          '.pf_meta': 'application/octet-stream',
          '.pf_index': 'application/octet-stream',
          '.pf_fragment': 'application/octet-stream',
          '.pf_filter': 'application/octet-stream',
        };
        // Matched by hand: depending on the order of Vite's own middlewares the base may or may not have been stripped yet.
        const prefixes = [...new Set([`${base}pagefind/`, '/pagefind/'])];
        server.middlewares.use((req, res, next) => {
          let pathname: string;
          try {
            pathname = decodeURIComponent((req.url ?? '/').split('?')[0]!);
          } catch {
            return next();
          }
          const prefix = prefixes.find((p) => pathname.startsWith(p));
          if (!prefix) return next();
          const rel = pathname.slice(prefix.length);
          const file = path.resolve(bundle, rel);
          if (!file.startsWith(bundle + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('Content-Type', types[path.extname(file)] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const bundle = path.join(site, 'pagefind');
        const { version, bin } = await pagefindPackage();
        // Taken first: a build that fails while pagefind writes leaves files that are not to be trusted.
        const state = await takeBuildState<BundleState>(stateFile);
        if (state?.outDir !== outDir || state.version !== version) await rm(bundle, { recursive: true, force: true });
        const glob = indexedRoutes.length ? indexGlob(site, indexedRoutes.flatMap((route) => (assets.get(route) ?? []).map((url) => fileURLToPath(url)))) : undefined;
        const warnings = await runPagefind(bin, ['--site', site, '--output-path', bundle, ...(glob ? ['--glob', glob] : []), ...EXCLUDE.flatMap((s) => ['--exclude-selectors', s]), '--quiet']);
        if (warnings) logger.warn(`pagefind: ${warnings}`);
        const pruned = await pruneBundle(bundle);
        await keepBuildState(stateFile, { outDir, version } satisfies BundleState);
        logger.info(`indexed ${await countIndexed(bundle)} pages in ${Math.round(performance.now() - started)} ms${glob ? ` (${glob})` : ''}${pruned ? `; ${pruned} files of the last index removed` : ''}`);
      },
    },
  };
}
