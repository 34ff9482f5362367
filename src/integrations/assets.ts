import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { IMAGE_EXTENSIONS } from '../loaders/inventory.ts';
import { ASSET_DIR } from '../lib/paths.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif',
};

/**
 * Images next to the minutes are served under /<ASSET_DIR>/<series>/<file>:
 * copied into dist after the build, served from MINUTES_DIR in dev. Only
 * raster formats: an SVG could carry script.
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
          try {
            const body = await readFile(file);
            res.setHeader('content-type', type);
            res.end(body);
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir }) => {
        const out = path.join(fileURLToPath(dir), ASSET_DIR);
        await rm(out, { recursive: true, force: true }); // dist is kept between builds (integrations/output.ts)
        // Regular files only (no links: a link may point outside the minutes or loop).
        const entries = await readdir(minutesDir, { recursive: true, withFileTypes: true });
        for (const e of entries) {
          if (!e.isFile() || !IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) continue;
          const rel = path.relative(minutesDir, path.join(e.parentPath, e.name));
          if (rel.split(path.sep).some((part) => part.startsWith('.'))) continue;
          await mkdir(path.join(out, path.dirname(rel)), { recursive: true });
          // A hard link costs nothing (the images are ~50 MB in the SCS archive); copy across file systems.
          await link(path.join(minutesDir, rel), path.join(out, rel)).catch(() => copyFile(path.join(minutesDir, rel), path.join(out, rel)));
        }
      },
    },
  };
}
