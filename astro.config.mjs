// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadSettings } from './src/settings.ts';
import { minutesAssets } from './src/integrations/assets.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { buildReportSummary } from './src/integrations/build-summary.ts';
import { incrementalOutput } from './src/integrations/output.ts';
import { bulkFiles, BULK_FILES_BUNDLE } from './src/integrations/bulk-files.ts';

const settings = loadSettings();
// The routes whose pages carry `data-pagefind-body` (meetings): pagefind reads only their folders.
// Issue references are matched against issues/search.json instead (src/scripts/search.ts).
const INDEXED_ROUTES = ['/[series]/[meeting]'];
// Per-issue and topic feeds, per-issue JSON files and redirect pages, written in one pass (before incrementalOutput records what the build wrote).
const bulkFileStep = bulkFiles();

// Deploy anywhere: SITE_URL (absolute origin, for canonical URLs and feeds) and BASE_PATH (e.g. /minutes).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  // Separate caches let tests and the benchmark build several sites side by side.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Render several pages at once: per page our components take well under a millisecond, while Astro's
  // mkdir + writeFile per output (into dist and its incremental cache) are async round trips; one at a time the build sat idle for
  // ~40 % of page generation (4,500 outputs at 1×). Pages only read the memoised archive, so order is free.
  // Stylesheets as files (~15 kB in all, cached by the browser across pages) rather than inlined into each of
  // ~2,100 pages: the site's Content-Security-Policy (src/lib/content-security-policy.ts) allows stylesheets
  // from the site only, and pagefind parses every indexed page whole (0.3–0.8 s less per cold build).
  build: { format: 'directory', concurrency: 8, inlineStylesheets: 'never' },
  // Rebuilds render only the pages whose cacheKey changed (src/lib/page-keys.ts) and leave the others in
  // dist, which is kept between builds (emptyOutDir: false below; src/integrations/output.ts removes what a
  // build no longer produces). `astro build --force` renders everything.
  experimental: { incrementalBuild: true },
  integrations: [bulkFileStep, incrementalOutput({ alsoWritten: bulkFileStep.written, transient: new Set([BULK_FILES_BUNDLE]) }), mdx(), sitemap(), minutesAssets(settings.minutesDir), pagefindIndex({ indexedRoutes: INDEXED_ROUTES }), buildReportSummary({ strict: settings.strict })],
  vite: {
    build: {
      emptyOutDir: false, // see incrementalOutput()
      // Scripts as files too, never inlined (Astro inlines a script chunk under 4 kB into every page that uses
      // it): the site's policy allows scripts from the site and the layout's own inline script only.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
    server: {
      fs: { allow: ['.', settings.minutesDir] },
      // Test fixtures (with link loops) and bench output are not part of the site.
      watch: { ignored: ['**/tests/.tmp/**', '**/bench/results/**'] },
    },
  },
});
