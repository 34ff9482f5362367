import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { feedXml } from '../feeds.ts';
import type { FeedView } from '../lib/views/feed.ts';
import { keepBuildState, takeBuildState } from './build-state.ts';

/** Output (below outDir) of the build-only route that carries every bulk file; removed once written out. */
export const BULK_FILES_BUNDLE = '__bulk-files.json';

/** A file of the bundle: its path below outDir and its text, or for a feed the view model it is rendered from. */
export type BulkFile = [path: string, body: string | FeedView];

/** Kept in Astro's cacheDir after a build: the view model (its hash) each feed it wrote was rendered from. */
const FEEDS_RECORD = 'minutes-archive-feeds.json';

interface FeedsRecord {
  /** What else decides a feed's text: the renderer's source, @astrojs/rss's version, the site. */
  renderer: string;
  feeds: Record<string, string>;
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The renderer's part of a feed's key: a change to src/feeds.ts, to @astrojs/rss or to the site renders every feed again. */
function rendererKey(site: string | undefined): string {
  const rss = (createRequire(import.meta.url)('@astrojs/rss/package.json') as { version: string }).version;
  return hash([readFileSync(fileURLToPath(new URL('../feeds.ts', import.meta.url)), 'utf8'), rss, site ?? ''].join('\0'));
}

/** Whether the file already holds exactly this text. */
function unchanged(file: string, body: string): boolean {
  try {
    return readFileSync(file, 'utf8') === body;
  } catch {
    return false; // missing (or unreadable: write it)
  }
}

export interface BulkFilesIntegration extends AstroIntegration {
  /** Files (relative to outDir) the last build wrote, for src/integrations/output.ts. */
  written(): readonly string[];
}

/**
 * The outputs that are numerous and cheap text (src/archive.ts bulkFiles():
 * per-issue feeds and JSON files, topic feeds, redirect pages; ~3,000 of the
 * SCS archive's ~4,850 outputs). As Astro routes each one costs a render, a
 * response, its own mkdir/write, a copy into the incremental-build cache and
 * a log line. Instead, a build renders one route (src/routes/bulk-files.ts)
 * holding all of them, built from the same view models, and this integration
 * writes them in one pass at `astro:build:done`. Every build produces all of
 * them (so none is ever stale) and rewrites those whose text changed. A feed
 * comes as its view model and is rendered here, and only when that view
 * model (or the renderer) differs from the one the last build rendered it
 * from (FEEDS_RECORD): @astrojs/rss validates and builds each of ~1,100
 * feeds, ~0.3 s per build on the SCS archive, and a rebuild after an edit
 * changes a few of them;
 * src/integrations/output.ts learns them through `written()` and removes
 * those a later build no longer writes. The dev server serves the same
 * content from the routes in src/routes/ and the redirect props of the page
 * routes instead.
 *
 * Must come before incrementalOutput() and pagefindIndex() in the
 * integrations list (its `astro:build:done` hook runs first).
 */
export function bulkFiles(): BulkFilesIntegration {
  let written: string[] = [];
  let recordFile: string | undefined;
  let site: string | undefined;
  let last: FeedsRecord | undefined;
  const route = (file: string) => fileURLToPath(new URL(`../routes/${file}`, import.meta.url));
  return {
    name: 'bulk-files',
    written: () => written,
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'build') {
          injectRoute({ pattern: `/${BULK_FILES_BUNDLE}`, entrypoint: route('bulk-files.ts'), prerender: true });
        } else {
          injectRoute({ pattern: '/issues/[org]/[repo]/[n]/rss.xml', entrypoint: route('issue-feed.ts'), prerender: true });
          injectRoute({ pattern: '/api/issues/[org]/[repo]/[n].json', entrypoint: route('issue-json.ts'), prerender: true });
          injectRoute({ pattern: '/topics/[topic]/rss.xml', entrypoint: route('topic-feed.ts'), prerender: true });
        }
      },
      'astro:config:done': ({ config }) => {
        recordFile = path.join(fileURLToPath(config.cacheDir), FEEDS_RECORD);
        site = config.site;
      },
      'astro:build:start': async () => {
        // Taken: a build that fails after writing some feeds must not leave a record they no longer match.
        if (recordFile) last = await takeBuildState<FeedsRecord>(recordFile);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = path.resolve(fileURLToPath(dir));
        const bundle = path.join(outDir, BULK_FILES_BUNDLE);
        const files = JSON.parse(readFileSync(bundle, 'utf8')) as BulkFile[];
        rmSync(bundle);
        const renderer = rendererKey(site);
        const lastFeeds = last?.renderer === renderer ? last.feeds : {};
        const feeds: Record<string, string> = {};
        written = [];
        let kept = 0;
        for (const [rel, body] of files) {
          const file = path.resolve(outDir, rel);
          // Paths come from the minutes (issue keys, folder and file names): a repository named `..` must not write outside dist.
          if (!file.startsWith(outDir + path.sep)) {
            logger.warn(`not written (outside the output folder): ${rel}`);
            continue;
          }
          written.push(path.relative(outDir, file));
          let text: string;
          if (typeof body === 'string') text = body;
          else {
            const key = (feeds[rel] = hash(JSON.stringify(body)));
            if (lastFeeds[rel] === key && existsSync(file)) {
              kept++;
              continue;
            }
            text = await feedXml(body, site);
          }
          // dist is kept between builds: rewriting a file with the same bytes costs ~1 ms each here (ext4 with
          // discard), reading it back ~0.03 ms; most files of a rebuild are unchanged.
          if (unchanged(file, text)) kept++;
          else {
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, text);
          }
        }
        if (recordFile) await keepBuildState(recordFile, { renderer, feeds } satisfies FeedsRecord);
        logger.info(`wrote ${written.length - kept} feeds, JSON files and redirect pages${kept ? ` (${kept} unchanged, kept)` : ''}`);
      },
    },
  };
}
