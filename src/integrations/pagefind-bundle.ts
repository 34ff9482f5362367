import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/** The installed pagefind package: its version and its command-line entry (package.json `bin`, what `npx pagefind` runs). */
export async function pagefindPackage(): Promise<{ version: string; bin: string }> {
  // The package exports its Node API only; its folder is that of the API's entry (lib/index.js), one up.
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))));
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string; bin: string | Record<string, string> };
  return { version: pkg.version, bin: path.join(root, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.pagefind!) };
}

/** Runs pagefind's command line with Node: resolves with what it printed (with `--quiet`, its warnings), rejects with it when it fails. */
export function runPagefind(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output.trim()) : reject(new Error(`pagefind exited with ${code}: ${output.trim().slice(-2000)}`))));
  });
}

/** Pagefind's own prefix before the CBOR of every compressed index file. */
const PAGEFIND_PREFIX = 'pagefind_dcd';

/** The folders of a bundle whose files are named by the hash of their content (`en_1a2b3c4.pf_fragment`). */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];

/** pagefind-entry.json, as far as it is read here. */
interface BundleEntry {
  languages: Record<string, { hash: string }>;
}

/** Every string in a decoded CBOR value (arrays, and maps decoded as Map): the meta index names its fragments, word and filter indexes by hash, wherever its layout puts them. */
function stringsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value instanceof Map) for (const [k, v] of value) stringsIn(k, out), stringsIn(v, out);
  return out;
}

/** The hashes (`en_1a2b3c4`) of the meta index of each language the entry file names, and the hashes those name. */
async function referencedHashes(bundle: string): Promise<Set<string>> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as BundleEntry;
  const hashes = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    hashes.add(hash);
    const meta = gunzipSync(await readFile(path.join(bundle, `pagefind.${hash}.pf_meta`)));
    if (meta.subarray(0, PAGEFIND_PREFIX.length).toString() !== PAGEFIND_PREFIX) throw new Error(`pagefind: unexpected meta index format in pagefind.${hash}.pf_meta`);
    stringsIn(decode(meta.subarray(PAGEFIND_PREFIX.length), { useMaps: true }), hashes);
  }
  return hashes;
}

/**
 * Removes the files of a search bundle that its index no longer uses.
 *
 * Pagefind names its meta index, fragments and word and filter indexes by the
 * hash of their content, and does not write (nor compress) such a file again
 * when the output folder holds it already
 * (https://github.com/Pagefind/pagefind/blob/main/pagefind/src/output/mod.rs,
 * `WriteBehavior::Immutable`). Writing into the last build's bundle therefore
 * writes only what changed (on the SCS archive after a one-file edit: a few of
 * 605 files, ~0.3 s less than into an empty folder), and leaves behind the
 * files of the last index that this one does not name: this removes them, so
 * the bundle holds what writing into an empty folder would have.
 *
 * Returns the number of files removed.
 */
export async function pruneBundle(bundle: string): Promise<number> {
  const live = await referencedHashes(bundle);
  const stale: string[] = [];
  for (const name of await readdir(bundle)) {
    const meta = /^pagefind\.(.+)\.pf_meta$/.exec(name);
    if (meta && !live.has(meta[1]!)) stale.push(name);
  }
  for (const folder of HASHED_FOLDERS) {
    let names: string[];
    try {
      names = await readdir(path.join(bundle, folder));
    } catch {
      continue;
    }
    for (const name of names) if (!live.has(name.replace(/\.[^.]+$/, ''))) stale.push(`${folder}/${name}`);
  }
  await Promise.all(stale.map((rel) => rm(path.join(bundle, rel), { force: true })));
  return stale.length;
}
