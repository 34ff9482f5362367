import { copyFile, link, lstat, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ASSET_DIR } from '../lib/paths.ts';
import { publishedImages, type BuildReport } from '../lib/report.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif',
};

/**
 * Images next to the minutes are served under /<ASSET_DIR>/<series>/<file>:
 * linked into dist after the build, served from MINUTES_DIR in dev. Which
 * images: exactly those the inventory kept (src/loaders/inventory.ts: raster
 * formats in a series folder, no links, nothing hidden or under
 * node_modules), read back from dist/build-report.json, so MINUTES_DIR is
 * walked once per build. An SVG could carry script: never served.
 */
export function minutesAssets(minutesDir: string): AstroIntegration {
  return {
    name: 'minutes-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const prefix = `/${ASSET_DIR}/`;
          const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const at = url.indexOf(prefix);
          if (at === -1) return next();
          const rel = url.slice(at + prefix.length);
          const file = path.resolve(minutesDir, rel);
          const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
          if (!type || !file.startsWith(path.resolve(minutesDir) + path.sep)) return next();
          // The dev server has no build report: the inventory's rules for images, checked per request.
          const parts = path.relative(minutesDir, file).split(path.sep);
          if (parts.length < 2 || parts.some((p) => p.startsWith('.') || p === 'node_modules')) return next();
          try {
            if (!(await lstat(file)).isFile()) return next();
            const body = await readFile(file);
            res.setHeader('content-type', type);
            res.end(body);
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir }) => {
        const dist = fileURLToPath(dir);
        const report = JSON.parse(await readFile(path.join(dist, 'build-report.json'), 'utf8')) as BuildReport;
        const out = path.join(dist, ASSET_DIR);
        await rm(out, { recursive: true, force: true }); // dist is kept between builds (integrations/output.ts)
        for (const source of publishedImages(report)) {
          const rel = source.split('/').join(path.sep);
          await mkdir(path.join(out, path.dirname(rel)), { recursive: true });
          // A hard link costs nothing (the images are ~50 MB in the SCS archive); copy across file systems.
          await link(path.join(minutesDir, rel), path.join(out, rel)).catch(() => copyFile(path.join(minutesDir, rel), path.join(out, rel)));
        }
      },
    },
  };
}
