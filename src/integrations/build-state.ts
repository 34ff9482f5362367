import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What one build leaves for the next in Astro's cacheDir (the outputs it
 * wrote, the bundle pagefind finished, the view models its feeds came from).
 * Taken when a build uses it: read and removed at once, so a build that fails
 * before it writes its own leaves nothing the next build could trust.
 * Undefined when there is none, it does not parse, or `isValid` rejects it.
 */
export async function takeBuildState<T>(file: string, isValid: (value: unknown) => boolean = () => true): Promise<T | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    value = undefined;
  }
  await rm(file, { force: true });
  return value !== undefined && isValid(value) ? (value as T) : undefined;
}

/** Leave a build's state for the next one (see takeBuildState). */
export async function keepBuildState(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value));
}
