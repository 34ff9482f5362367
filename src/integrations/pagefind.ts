import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Weight given to the words of every section heading (h2–h6) of an indexed
 * page. Pagefind's defaults (h1 7, h2 6, h3 5, h4 4, h5 3, h6 2) punish the
 * minutes' topics, which mostly sit at h3/h4 below a date h1 and an "Agenda"
 * h2: a topic heading is the strongest signal we have whatever its depth, so
 * all of them get the maximum weight, like the title (h1).
 * Pagefind's maximum weight is 10.
 */
export const HEADING_WEIGHT = 10;
export const TITLE_WEIGHT = 10;

/**
 * Never indexed, inside an indexed page: the `#` link in every heading (it
 * would end up in every section title), the `↗` link to an issue page, and
 * the action-item summary (the same text stands in its section of the minutes;
 * indexing it twice doubles its weight and adds a competing "Action items"
 * section to results), and the meeting's date line ("Wednesday, 17 May 2023 ·
 * 3 years ago": the date is in the title, the rest is noise). On an issue page
 * only the reference itself is indexed, not the story of excerpts from the
 * meetings (those excerpts are found on their meeting pages; indexed twice,
 * issue pages would push the meetings down for every topic query).
 */
export const EXCLUDE = ['.heading-anchor', '.issue-page-link', '.action-items', '.meeting-meta time', 'article.issue .story'];

const HEADING = /<h([1-6])(?=[\s>])([^>]*)>/gi;

/**
 * Add `data-pagefind-weight` to the headings of a page that is indexed
 * (`data-pagefind-body`), unless a heading already has one. Only the copy
 * handed to pagefind is changed; the published HTML stays as rendered.
 */
export function weightHeadings(html: string): string {
  return html.replace(HEADING, (tag, level: string, attrs: string) => {
    if (/\sdata-pagefind-weight=/i.test(attrs)) return tag;
    const weight = level === '1' ? TITLE_WEIGHT : HEADING_WEIGHT;
    return `<h${level}${attrs} data-pagefind-weight="${weight}">`;
  });
}

async function htmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/**
 * Index the built HTML with pagefind's Node API, so `npm run build` (and any
 * build started from a test) produces dist/pagefind/ in the same command.
 *
 * Only pages that mark their content with `data-pagefind-body` (meeting pages,
 * issue pages) are given to pagefind: navigation, footers and the index pages
 * (people, series, home) never reach the index. Files are handed over one by
 * one with `addHTMLFile` so the heading weights above can be added on the way.
 *
 * In `astro dev` there is no index of its own; the dev server serves the last
 * build's `dist/pagefind/` under `<base>pagefind/`, and the search page says
 * how to get one when it is missing.
 */
export function pagefindIndex(): AstroIntegration {
  let base = '/';
  let outDir = '';
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const problems: string[] = [];
        let pages = 0;
        const files = await htmlFiles(site);
        // A small pool: read, and hand over every page that has a body; the pagefind service queues the requests.
        let next = 0;
        const worker = async () => {
          while (next < files.length) {
            const file = files[next++]!;
            const html = await readFile(file, 'utf8');
            if (!html.includes('data-pagefind-body')) continue;
            const added = await index.addHTMLFile({ sourcePath: path.relative(site, file).split(path.sep).join('/'), content: weightHeadings(html) });
            if (added.errors.length) problems.push(...added.errors);
            else pages++;
          }
        };
        await Promise.all(Array.from({ length: 64 }, worker));
        if (problems.length) logger.warn(`pagefind: ${problems.slice(0, 10).join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${pages} of ${files.length} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
