// The floor: the least an Astro site needs to publish these minutes.
// No integrations, no markdown plugins, default renderer. The benchmark sets
// ASTRO_CACHE_DIR (content data store) and passes --outDir, so several builds
// can run side by side without sharing state.
import { defineConfig } from 'astro/config';

export default defineConfig({
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
