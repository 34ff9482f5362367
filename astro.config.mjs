// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadSettings } from './src/settings.ts';
import { minutesAssets } from './src/integrations/assets.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { buildReportSummary } from './src/integrations/report.ts';
import { cspConfig } from './src/integrations/csp.ts';

const settings = loadSettings();

// Deploy anywhere: SITE_URL (absolute origin, for canonical URLs and feeds) and BASE_PATH (e.g. /minutes).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  // Separate caches let tests and the benchmark build several sites side by side.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), minutesAssets(settings.minutesDir), pagefindIndex(), buildReportSummary({ strict: settings.strict })],
  // Content-Security-Policy <meta> on every page: scripts only from the site (hashes, /_astro, /pagefind); see src/integrations/csp.ts.
  security: { csp: cspConfig(import.meta.dirname) },
  vite: { server: { fs: { allow: ['.', settings.minutesDir] } } },
});
