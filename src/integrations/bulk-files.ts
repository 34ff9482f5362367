import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Output (below outDir) of the build-only route that carries every bulk file; removed once written out. */
export const BULK_FILES_BUNDLE = '__bulk-files.json';

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
 * them (so none is ever stale) and rewrites those whose text changed;
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
      'astro:build:done': ({ dir, logger }) => {
        const outDir = path.resolve(fileURLToPath(dir));
        const bundle = path.join(outDir, BULK_FILES_BUNDLE);
        const files = JSON.parse(readFileSync(bundle, 'utf8')) as [string, string][];
        rmSync(bundle);
        written = [];
        let kept = 0;
        for (const [rel, body] of files) {
          const file = path.resolve(outDir, rel);
          // Paths come from the minutes (issue keys, folder and file names): a repository named `..` must not write outside dist.
          if (!file.startsWith(outDir + path.sep)) {
            logger.warn(`not written (outside the output folder): ${rel}`);
            continue;
          }
          // dist is kept between builds: rewriting a file with the same bytes costs ~1 ms each here (ext4 with
          // discard), reading it back ~0.03 ms; most files of a rebuild are unchanged.
          if (unchanged(file, body)) kept++;
          else {
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, body);
          }
          written.push(path.relative(outDir, file));
        }
        logger.info(`wrote ${written.length - kept} feeds, JSON files and redirect pages${kept ? ` (${kept} unchanged, kept)` : ''}`);
      },
    },
  };
}
