import { existsSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepBuildState, takeBuildState } from './build-state.ts';

/** Where the list of the last build's route outputs is kept (in Astro's cacheDir, beside its incremental-build manifest). */
const MANIFEST = 'minutes-archive-outputs.json';

interface OutputManifest {
  outDir: string;
  files: string[];
}

/**
 * Keeps `dist` between builds, so that Astro's incremental build
 * (`experimental.incrementalBuild`) leaves the pages it skips where they are
 * instead of copying all of them back from its cache (on the SCS archive:
 * ~4,500 unlinks, copies and existence checks, ~1.3 s of a 7.5 s rebuild).
 * For that the config sets `vite.build.emptyOutDir: false`, and this
 * integration does what emptying did:
 *
 * - at build start, without the list of the last build's outputs (first
 *   build, cache removed, last build failed, other outDir) it empties the
 *   output folder like Astro would;
 * - at build end it deletes the files that the last build's routes wrote and
 *   this build's did not (a removed meeting, person or issue), and records the
 *   list for the next build.
 *
 * Files that other integrations write (feeds, per-issue JSON files and
 * redirect pages, src/integrations/bulk-files.ts) are passed in as `alsoWritten` and handled
 * like route outputs.
 *
 * Folders that other steps rebuild in full every time (Vite's `_astro/`, the
 * search index, the minutes' images) are emptied by their owners.
 */
export interface OutputOptions {
  /** Files other integrations wrote into outDir in this build (relative paths): kept, recorded, removed when a later build has them no more. */
  alsoWritten?: () => Iterable<string>;
  /** Route outputs that are not published (removed by their owner before this hook runs). */
  transient?: ReadonlySet<string>;
}

export function incrementalOutput({ alsoWritten = () => [], transient = new Set() }: OutputOptions = {}): AstroIntegration {
  let outDir = '';
  let manifestFile = '';
  let previous: OutputManifest | undefined;
  return {
    name: 'incremental-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = path.resolve(fileURLToPath(config.outDir)); // no trailing slash
        manifestFile = path.join(fileURLToPath(config.cacheDir), MANIFEST);
      },
      'astro:build:start': async ({ logger }) => {
        // Taken: if this build fails, the next one starts from an empty folder.
        previous = await takeBuildState<OutputManifest>(manifestFile, isOutputManifest);
        if (previous?.outDir !== outDir) {
          await emptyFolder(outDir);
          previous = undefined;
        } else {
          await rm(path.join(outDir, '_astro'), { recursive: true, force: true });
          logger.info(`keeping ${previous.files.length} outputs of the last build in ${outDir}`);
        }
      },
      'astro:build:done': async ({ assets, logger }) => {
        const files = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) files.add(path.relative(outDir, fileURLToPath(url)));
        for (const file of transient) files.delete(file);
        for (const file of alsoWritten()) files.add(file);
        const stale = (previous?.files ?? []).filter((f) => !files.has(f));
        for (const file of stale) await removeFile(outDir, file);
        if (stale.length) logger.info(`removed ${stale.length} outputs the last build had and this one has not`);
        await keepBuildState(manifestFile, { outDir, files: [...files].sort() } satisfies OutputManifest);
      },
    },
  };
}

function isOutputManifest(value: unknown): boolean {
  const data = value as Partial<OutputManifest> | null;
  return typeof data?.outDir === 'string' && Array.isArray(data.files);
}

/** Everything inside the folder except `.git` (as Astro's own emptying does). */
async function emptyFolder(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) {
    if (name !== '.git') await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Delete one output file (never outside outDir) and the folders it leaves empty. */
async function removeFile(outDir: string, rel: string): Promise<void> {
  const file = path.resolve(outDir, rel);
  if (!file.startsWith(outDir + path.sep)) return;
  await rm(file, { force: true });
  for (let dir = path.dirname(file); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      break; // not empty
    }
  }
}
