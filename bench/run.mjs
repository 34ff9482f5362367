// npm run bench [-- --sizes 1,2,5,10 --runs 3 --search-sizes 1,10 --no-search --keep]
//
// Builds our site and the floor (bench/baseline) on the same k× archives,
// alternating A B A B, and measures cold build, warm rebuild, output and
// search in Chromium. Writes bench/results/<date>.json and prints Markdown.
// See bench/README.md for what each figure means.
import { spawn, execFileSync } from 'node:child_process';
import { promises as fs, readFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { generateArchive } from './generate.mjs';
// Node 22 runs the .ts import (type stripping), as scripts/screenshots.mjs does.
import { CHROMIUM, launchBrowser, serveDist } from '../tests/e2e/browser.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT = path.resolve(HERE, '..');
const NODE_MODULES = path.join(PROJECT, 'node_modules');
const CORPUS_DEFAULT = path.resolve(PROJECT, '../shared/corpus/scs-minutes');
/** A blank page on the bench's server: the same page for both sites, so neither site's own scripts count. */
const BLANK_PAGE = '/__bench__/';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export const QUERIES = [
  'ceph quincy', 'zuul secret names', 'keycloak upgrade', 'cluster stacks', 'gardener', 'harbor', 'sbom', 'status page',
  'flavor naming', 'image metadata', 'certification', 'tempest', 'ipv6', 'rook', 'loki', 'kubernetes version policy',
  'openstack upgrade', 'summit', 'hackathon', 'release notes',
];

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const o = { sizes: [1, 2, 5, 10], runs: 3, searchSizes: null, search: true, keep: false, corpus: process.env.BENCH_CORPUS || CORPUS_DEFAULT, only: null, waitIdle: 60, workdir: os.tmpdir() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const list = (v) => v.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
    if (a.startsWith('--sizes')) o.sizes = list(val());
    else if (a.startsWith('--runs')) o.runs = Math.max(1, Number(val()));
    else if (a.startsWith('--search-sizes')) o.searchSizes = list(val());
    else if (a === '--no-search') o.search = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--fresh') o.fresh = true;
    else if (a.startsWith('--corpus')) o.corpus = path.resolve(val());
    else if (a.startsWith('--only')) o.only = val();
    else if (a.startsWith('--wait-idle')) o.waitIdle = Number(val());
    else if (a.startsWith('--workdir')) o.workdir = path.resolve(val());
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/run.mjs [--sizes 1,2,5,10] [--runs 3] [--search-sizes 1,10] [--no-search] [--only ours|floor] [--corpus DIR] [--wait-idle S] [--workdir DIR] [--fresh] [--keep]\n       node bench/run.mjs --table [results.json]   # reprint the tables of a results file');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!o.searchSizes) o.searchSizes = o.sizes.filter((s) => s === 1 || s === 10);
  if (!o.searchSizes.length) o.searchSizes = [Math.min(...o.sizes)];
  return o;
}

// ---------------------------------------------------------------- workspaces

/**
 * A private copy of a project root, so benchmark builds share no state with
 * builds that others run in /work/main at the same time: Astro writes `.astro/`
 * into the root, its content data store into `cacheDir` (default
 * `node_modules/.astro`) and Vite's cache into `<root>/node_modules/.vite`.
 * `node_modules` is a real folder of symlinks to /work/main/node_modules'
 * entries, so those caches land in the copy while packages resolve as usual.
 */
async function makeWorkspace(dest, sourceRoot, exclude) {
  await fs.mkdir(dest, { recursive: true });
  for (const e of await fs.readdir(sourceRoot, { withFileTypes: true })) {
    if (exclude.has(e.name) || e.name.endsWith('.log')) continue;
    await fs.cp(path.join(sourceRoot, e.name), path.join(dest, e.name), { recursive: true, verbatimSymlinks: true });
  }
  const nm = path.join(dest, 'node_modules');
  await fs.mkdir(nm, { recursive: true });
  for (const e of await fs.readdir(NODE_MODULES)) {
    if (['.astro', '.vite', '.cache'].includes(e)) continue;
    await fs.symlink(path.join(NODE_MODULES, e), path.join(nm, e));
  }
  return dest;
}

/** A short hash of the snapshot's files (src, config, content…): which code a result was measured on. */
async function treeHash(root) {
  const h = createHash('sha256');
  const files = [];
  for (const e of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(root, path.join(e.parentPath, e.name));
    if (/^(node_modules|dist|\.astro)(\/|$)/.test(rel)) continue;
    files.push(rel);
  }
  for (const rel of files.sort()) h.update(rel + '\0').update(await fs.readFile(path.join(root, rel))).update('\0');
  return h.digest('hex').slice(0, 12);
}

/**
 * What kind of filesystem the workspaces are on. It matters on this project's
 * VMs: their ext4 runs without a journal (perf shows `recently_deleted` hot
 * in the kernel during our builds), and without one ext4 will not reuse an
 * inode freed in the last 60 s (360 s while its block is dirty,
 * `recently_deleted()` in fs/ext4/ialloc.c) but scans past every such inode
 * for each file it creates. A cold build right after deleting the last
 * build's ~10k outputs so spends 2–6 s more system time, growing run by run,
 * and more for the site that writes more files. On tmpfs (`--workdir
 * /dev/shm`) that cost is gone for both sites.
 */
async function filesystemOf(dir) {
  const KINDS = { 0x01021994: 'tmpfs', 0xef53: 'ext2/3/4', 0x58465342: 'xfs', 0x9123683e: 'btrfs', 0x794c7630: 'overlayfs' };
  const { type } = await fs.statfs(dir);
  return KINDS[type] ?? `0x${type.toString(16)}`;
}

const CACHE_PATHS = ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'];

async function clearCaches(root) {
  for (const p of CACHE_PATHS) await fs.rm(path.join(root, p), { recursive: true, force: true });
}

// ---------------------------------------------------------------- measuring a process

function readProcTree() {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(rest[1]));
    } catch {}
  }
  return parent;
}

function kindOf(comm) {
  if (/^pagefind/.test(comm)) return 'pagefind';
  if (/^(sh|bash|dash|time|npm.*)$/.test(comm)) return 'other';
  return 'astro'; // node (astro's CLI), and anything else it starts (sharp runs in-process)
}

/**
 * Sample the process tree under `pid` every `ms`: per process the high-water
 * RSS (VmHWM, exact peak so far) and when it was first/last seen.
 */
function startSampler(pid, ms = 100) {
  const procs = new Map();
  const t0 = performance.now();
  const tick = () => {
    const parent = readProcTree();
    const kids = new Map();
    for (const [p, pp] of parent) (kids.get(pp) ?? kids.set(pp, []).get(pp)).push(p);
    const stack = [pid];
    const now = performance.now() - t0;
    while (stack.length) {
      const p = stack.pop();
      stack.push(...(kids.get(p) ?? []));
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8');
        const comm = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?';
        const hwm = Number(/^VmHWM:\s*(\d+)/m.exec(status)?.[1] ?? 0);
        const rec = procs.get(p) ?? { pid: p, comm, hwmKB: 0, first: now, last: now };
        rec.comm = comm;
        rec.hwmKB = Math.max(rec.hwmKB, hwm);
        rec.last = now;
        procs.set(p, rec);
      } catch {}
    }
  };
  tick();
  const timer = setInterval(tick, ms);
  return {
    stop() {
      clearInterval(timer);
      const byKind = {};
      for (const r of procs.values()) {
        const k = kindOf(r.comm);
        const b = (byKind[k] ??= { peakMB: 0, firstMs: Infinity, lastMs: 0, processes: 0 });
        b.peakMB = Math.max(b.peakMB, r.hwmKB / 1024);
        b.firstMs = Math.min(b.firstMs, r.first);
        b.lastMs = Math.max(b.lastMs, r.last);
        b.processes++;
      }
      return byKind;
    },
  };
}

/** Machine-wide CPU time so far (all cores), in seconds, from /proc/stat. */
function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    const hz = 100; // USER_HZ
    return { busyS: (total - idle) / hz, totalS: total / hz };
  } catch {
    return null;
  }
}

/** Cores kept busy by everything on the machine over `ms` (the harness itself is idle meanwhile). */
async function coresBusy(ms = 1000) {
  const a = machineCpu();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineCpu();
  return a && b ? (b.busyS - a.busyS) / (ms / 1000) : null;
}

/**
 * The machine is shared: before a build, wait (up to maxS) until other work keeps
 * less than `threshold` cores busy. Returns the last reading and how long we waited.
 */
async function waitIdle(maxS, threshold = 0.35) {
  const t0 = performance.now();
  let busy = await coresBusy();
  while (busy !== null && busy > threshold && (performance.now() - t0) / 1000 < maxS) busy = await coresBusy(2000);
  return { othersCoresBefore: busy, waitedS: (performance.now() - t0) / 1000 };
}

function parseTimeV(text) {
  const num = (re) => Number(re.exec(text)?.[1] ?? NaN);
  return {
    maxRssMB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    userS: num(/User time \(seconds\): ([\d.]+)/),
    sysS: num(/System time \(seconds\): ([\d.]+)/),
    exit: num(/Exit status: (\d+)/),
  };
}

/** Run a command under /usr/bin/time -v, sampling its process tree. */
async function measure(cmd, args, { cwd, env, log }) {
  const timeFile = `${log}.time`;
  const full = TIME ? [TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const out = await fs.open(log, 'w');
  const cpu0 = machineCpu();
  const started = performance.now();
  const child = spawn(full[0], full[1], { cwd, env, stdio: ['ignore', out.fd, out.fd] });
  const sampler = startSampler(child.pid);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, sig) => resolve(sig ? 128 : c));
  });
  const wallMs = performance.now() - started;
  const cpu1 = machineCpu();
  const kinds = sampler.stop();
  await out.close();
  const text = await fs.readFile(log, 'utf8');
  const tv = TIME && existsSync(timeFile) ? parseTimeV(await fs.readFile(timeFile, 'utf8')) : null;
  // Cores that other work kept busy while we ran (0 on a quiet machine): a contention indicator.
  const ownS = tv ? tv.userS + tv.sysS : null;
  const othersCores = cpu0 && cpu1 && ownS !== null ? Math.max(0, (cpu1.busyS - cpu0.busyS - ownS) / (wallMs / 1000)) : null;
  return { code, wallMs, kinds, time: tv, log, text, othersCores };
}

// ---------------------------------------------------------------- reading build output

const ms = (n, unit) => (unit === 's' ? Number(n) * 1000 : Number(n));

/** Astro's own phase timings from its log, plus pagefind's when it logs them. */
export function parseBuildLog(text) {
  const phases = {};
  let current = null;
  const names = [
    [/Syncing content|\[content\]/, null],
    [/Collecting build info/, 'collect'],
    [/Building static entrypoints/, 'bundle'],
    [/generating static routes/, 'render'],
    [/generating optimized images/, 'images'],
  ];
  for (const line of text.split('\n')) {
    for (const [re, name] of names) if (name && re.test(line)) current = name;
    const done = /Completed in ([\d.]+)(ms|s)/.exec(line);
    if (done && current && phases[current] === undefined) {
      phases[current] = ms(done[1], done[2]);
      current = null;
    }
    const types = /\[types\] Generated ([\d.]+)(ms|s)/.exec(line);
    if (types) phases.types = ms(types[1], types[2]);
    const vite = /\[vite\] ✓ built in ([\d.]+)(ms|s)/.exec(line);
    if (vite) phases.vite = (phases.vite ?? 0) + ms(vite[1], vite[2]);
    const pages = /(\d+) page\(s\) built in ([\d.]+)(ms|s)/.exec(line);
    if (pages) {
      phases.astroPages = Number(pages[1]);
      phases.astroTotal = ms(pages[2], pages[3]);
    }
    const pf = /indexed (\d+)(?: of \d+)? pages? in ([\d.]+) ?(ms|s)\b/i.exec(line);
    if (pf) {
      phases.pagefindPages = Number(pf[1]);
      phases.pagefind = ms(pf[2], pf[3]);
    }
    const pfCli = /Finished in ([\d.]+) seconds/.exec(line);
    if (pfCli) phases.pagefind = Number(pfCli[1]) * 1000;
  }
  return phases;
}

async function walk(dir, visit) {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, visit);
    else if (e.isFile()) visit(p, (await fs.stat(p)).size, e.name);
  }
}

async function distFigures(dist) {
  let pages = 0, bytes = 0, pagefindBytes = 0;
  const pf = path.join(dist, 'pagefind') + path.sep;
  await walk(dist, (p, size, name) => {
    bytes += size;
    if (p.startsWith(pf)) pagefindBytes += size;
    if (name === 'index.html') pages++;
  });
  return { pages, distMB: bytes / 1e6, pagefindMB: pagefindBytes / 1e6 };
}

// ---------------------------------------------------------------- one build

function buildEnv(minutesDir) {
  const env = { ...process.env, MINUTES_DIR: minutesDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.ASTRO_CACHE_DIR; // caches stay inside the workspace (see makeWorkspace)
  env.PATH = `${path.dirname(process.execPath)}:${env.PATH}`;
  return env;
}

const ASTRO_BIN = (root) => path.join(root, 'node_modules/astro/bin/astro.mjs');

/**
 * Ours: whatever `npm run build` does (astro, pagefind in an integration or as
 * a second step): its script from package.json, run as npm runs it (`sh -c`,
 * `node_modules/.bin` first on PATH) but without npm's own start-up (0.2–0.3 s
 * of npm loading itself), so both sites are launched the same way.
 */
async function buildOurs(ws, minutesDir, logBase) {
  const script = JSON.parse(readFileSync(path.join(ws, 'package.json'), 'utf8')).scripts?.build;
  if (!script) throw new Error('package.json has no build script');
  const env = buildEnv(minutesDir);
  env.PATH = `${path.join(ws, 'node_modules/.bin')}:${env.PATH}`;
  const m = await measure('sh', ['-c', script], { cwd: ws, env, log: `${logBase}.log` });
  if (m.code !== 0) throw new Error(`our build failed (exit ${m.code}), see ${m.log}`);
  const phases = parseBuildLog(m.text);
  const pf = m.kinds.pagefind;
  // pagefind time: its own log line if any, else how long its process lived (sampled).
  const pagefindMs = phases.pagefind ?? (pf ? pf.lastMs - pf.firstMs : 0);
  return {
    wallMs: m.wallMs,
    astroMs: m.wallMs - pagefindMs,
    pagefindMs,
    pagefindTimeFrom: phases.pagefind !== undefined ? 'log' : pf ? 'process' : 'none',
    rssPeakMB: m.time?.maxRssMB ?? Math.max(...Object.values(m.kinds).map((k) => k.peakMB)),
    rssAstroMB: m.kinds.astro?.peakMB ?? null,
    rssPagefindMB: pf?.peakMB ?? null,
    cpuS: m.time ? m.time.userS + m.time.sysS : null,
    othersCores: m.othersCores,
    phases,
    log: m.log,
  };
}

/** The floor: `astro build`, then the pagefind CLI, as two measured steps. */
async function buildFloor(ws, minutesDir, logBase) {
  const env = buildEnv(minutesDir);
  const a = await measure(process.execPath, [ASTRO_BIN(ws), 'build'], { cwd: ws, env, log: `${logBase}.astro.log` });
  if (a.code !== 0) throw new Error(`floor astro build failed (exit ${a.code}), see ${a.log}`);
  const p = await measure(process.execPath, [path.join(ws, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist'], {
    cwd: ws,
    env,
    log: `${logBase}.pagefind.log`,
  });
  if (p.code !== 0) throw new Error(`floor pagefind failed (exit ${p.code}), see ${p.log}`);
  return {
    wallMs: a.wallMs + p.wallMs,
    astroMs: a.wallMs,
    pagefindMs: p.wallMs,
    pagefindTimeFrom: 'step',
    rssPeakMB: Math.max(a.time?.maxRssMB ?? a.kinds.astro?.peakMB ?? 0, p.time?.maxRssMB ?? p.kinds.pagefind?.peakMB ?? 0),
    rssAstroMB: a.time?.maxRssMB ?? a.kinds.astro?.peakMB ?? null,
    rssPagefindMB: p.kinds.pagefind?.peakMB ?? p.time?.maxRssMB ?? null,
    cpuS: a.time && p.time ? a.time.userS + a.time.sysS + p.time.userS + p.time.sysS : null,
    othersCores: a.othersCores !== null && p.othersCores !== null ? (a.othersCores * a.wallMs + p.othersCores * p.wallMs) / (a.wallMs + p.wallMs) : null,
    phases: { ...parseBuildLog(a.text), pagefindLogged: parseBuildLog(p.text).pagefind },
    log: a.log,
  };
}

/** Append a line to one minutes file (in the generated copy); returns a restore function. */
async function touchOneFile(minutesDir) {
  const dirs = (await fs.readdir(minutesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const series = dirs.includes('iaas') ? 'iaas' : dirs[0];
  const files = (await fs.readdir(path.join(minutesDir, series))).filter((f) => /^\d{8}\.md$/.test(f)).sort();
  const file = path.join(minutesDir, series, files[Math.floor(files.length / 2)]);
  const before = await fs.readFile(file);
  await fs.appendFile(file, `\n\nBenchmark touch ${new Date().toISOString()}\n`);
  return { file, restore: () => fs.writeFile(file, before) };
}

// ---------------------------------------------------------------- search in Chromium

export async function searchBench(dist, { runs }) {
  // No compression, like a bare static host; the gzipped figure is computed below.
  const srv = await serveDist(dist, '/', { compress: false, blankPage: BLANK_PAGE });
  const blank = new URL(BLANK_PAGE, srv.url).href;
  const browser = await launchBrowser();
  const gz = new Map();
  const gzSize = (urlPath) => {
    // What a host that gzips text (JS/JSON/CSS) would send; pagefind's chunks are already gzip.
    if (!/\.(m?js|json|css|html)$/.test(urlPath)) return null;
    if (!gz.has(urlPath)) {
      try {
        gz.set(urlPath, gzipSync(readFileSync(path.join(dist, urlPath))).length);
      } catch {
        gz.set(urlPath, null);
      }
    }
    return gz.get(urlPath);
  };
  const out = [];
  try {
    for (let r = 0; r < runs; r++) {
      // 1. First query on a fresh page: import pagefind, search, load the top 5 results.
      let ctx = await browser.newContext();
      let page = await ctx.newPage();
      await page.goto(blank);
      srv.transferred.clear();
      const first = await page.evaluate(async (q) => {
        const t0 = performance.now();
        const pf = await import('/pagefind/pagefind.js');
        const res = await pf.search(q);
        await Promise.all(res.results.slice(0, 5).map((x) => x.data()));
        const ms = performance.now() - t0;
        return { ms, results: res.results.length };
      }, QUERIES[0]);
      await new Promise((r) => setTimeout(r, 100));
      let bytes = 0, bytesGz = 0;
      const byType = {};
      // Bytes counted by the server (Playwright and CDP miss or zero pagefind's worker script).
      const done = [...srv.transferred].filter(([p]) => p !== '/favicon.ico');
      for (const [p, sent] of done) {
        bytes += sent;
        const g = gzSize(p);
        bytesGz += g === null ? sent : g;
        const t = /\.js$/.test(p) ? path.basename(p) : /wasm/.test(p) ? 'wasm' : /pagefind-entry\.json$/.test(p) ? 'entry' : path.extname(p).slice(1) || 'other';
        byType[t] = (byType[t] ?? 0) + sent;
      }
      await ctx.close();

      // 2. Twenty queries on a page where pagefind is loaded and initialised.
      ctx = await browser.newContext();
      page = await ctx.newPage();
      await page.goto(blank);
      const timings = await page.evaluate(async (queries) => {
        const pf = await import('/pagefind/pagefind.js');
        await pf.init();
        const rows = [];
        for (const q of queries) {
          const t0 = performance.now();
          const res = await pf.search(q);
          await Promise.all(res.results.slice(0, 5).map((x) => x.data()));
          rows.push({ q, ms: performance.now() - t0, results: res.results.length });
        }
        return rows;
      }, QUERIES);
      await ctx.close();
      const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
      out.push({
        firstQuery: { query: QUERIES[0], ms: first.ms, results: first.results, kB: bytes / 1024, kBIfGzipped: bytesGz / 1024, requests: done.length, kBByType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, v / 1024])) },
        medianMs: quantile(sorted, 0.5),
        p95Ms: quantile(sorted, 0.95),
        queries: timings,
      });
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  const med = (f) => median(out.map(f));
  return {
    firstQueryKB: med((o) => o.firstQuery.kB),
    firstQueryKBIfGzipped: med((o) => o.firstQuery.kBIfGzipped),
    firstQueryMs: med((o) => o.firstQuery.ms),
    firstQueryRequests: med((o) => o.firstQuery.requests),
    medianMs: med((o) => o.medianMs),
    p95Ms: med((o) => o.p95Ms),
    runs: out,
  };
}

// ---------------------------------------------------------------- statistics and output

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i), hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}
function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? quantile(v, 0.5) : null;
}

const FIGURES = ['wallMs', 'astroMs', 'pagefindMs', 'rssPeakMB', 'rssAstroMB', 'rssPagefindMB', 'cpuS', 'othersCores', 'warmMs', 'warmPct', 'warmCpuS', 'warmCpuPct', 'pages', 'msPerPage', 'cpuMsPerPage', 'distMB', 'pagefindMB'];

/** Figures derived from the measured ones (also recomputed by --table on older results). */
function derive(row) {
  row.cpuMsPerPage = row.cpuS != null && row.pages ? (1000 * row.cpuS) / row.pages : null;
  row.warmCpuS = row.warm?.cpuS ?? null;
  row.warmCpuPct = row.warmCpuS != null && row.cpuS ? (100 * row.warmCpuS) / row.cpuS : null;
  return row;
}

function summarise(runs) {
  const m = {};
  for (const f of FIGURES) m[f] = median(runs.map((r) => r[f]));
  return m;
}

const fmt = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(d));
const s = (msv) => fmt(msv / 1000, 1);

function markdown(result) {
  const lines = [];
  const runCounts = [...new Set(Object.values(result.sizes).map((r) => r.runs ?? result.config.runs))].join('/');
  lines.push(`Cold build, warm rebuild and output (medians of ${runCounts} runs; ratio = ours/floor, median of per-run ratios)`, '');
  lines.push('| size | md files | site | cold s | cpu s | astro s | pagefind s | peak RSS MB (astro / pagefind) | warm s (% of cold wall / cpu) | pages | ms/page (cpu) | dist MB | pagefind MB | others busy (cores) |');
  lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [size, r] of Object.entries(result.sizes)) {
    for (const who of ['ours', 'floor', 'ratio']) {
      const x = who === 'ratio' ? r.ratio : r[who]?.median;
      if (!x) continue;
      const ratio = who === 'ratio';
      const n = (v, d = 1) => (ratio ? (v == null ? '–' : `${fmt(v, 2)}×`) : fmt(v, d));
      lines.push(
        `| ${size}× | ${r.input.files}${r.runs ? ` (${r.runs} runs${r.oursCode ? `, code ${r.oursCode.slice(0, 7)}` : ''})` : ''} | ${who} | ${ratio ? n(x.wallMs) : s(x.wallMs)} | ${n(x.cpuS)} | ${ratio ? n(x.astroMs) : s(x.astroMs)} | ${ratio ? n(x.pagefindMs) : s(x.pagefindMs)} | ` +
          `${n(x.rssPeakMB, 0)} (${n(x.rssAstroMB, 0)} / ${n(x.rssPagefindMB, 0)}) | ${ratio ? n(x.warmMs) : `${s(x.warmMs)} (${fmt(x.warmPct, 0)} % / ${fmt(x.warmCpuPct, 0)} %)`} | ` +
          `${ratio ? n(x.pages) : fmt(x.pages, 0)} | ${n(x.msPerPage, ratio ? 2 : 1)} (${n(x.cpuMsPerPage, ratio ? 2 : 1)}) | ${n(x.distMB)} | ${n(x.pagefindMB, 2)} | ${ratio ? '' : fmt(x.othersCores, 2)} |`,
      );
    }
  }
  const sizes = Object.keys(result.sizes).map(Number).sort((a, b) => a - b);
  if (sizes.length > 1) {
    const lo = result.sizes[sizes[0]], hi = result.sizes[sizes.at(-1)];
    const k = sizes.at(-1) / sizes[0];
    lines.push('', `Growth ${sizes[0]}× → ${sizes.at(-1)}× (input ×${k}): ` +
      ['ours', 'floor'].filter((w) => lo[w] && hi[w]).map((w) => `${w} cold ×${fmt(hi[w].median.wallMs / lo[w].median.wallMs, 2)} (cpu ×${fmt(hi[w].median.cpuS / lo[w].median.cpuS, 2)}), peak RSS ×${fmt(hi[w].median.rssPeakMB / lo[w].median.rssPeakMB, 2)}`).join('; '));
  }
  const searches = Object.entries(result.sizes).filter(([, r]) => r.search);
  if (searches.length) {
    lines.push('', 'Search in Chromium (pagefind JS API; 20 queries; time = search() + data() of the top 5)', '');
    lines.push('| size | site | first query kB (if host gzips JS) | first query ms | median ms | p95 ms |');
    lines.push('|---|---|---:|---:|---:|---:|');
    for (const [size, r] of searches) {
      for (const who of ['ours', 'floor']) {
        const x = r.search[who];
        if (!x) continue;
        lines.push(`| ${size}× | ${who} | ${fmt(x.firstQueryKB, 0)} (${fmt(x.firstQueryKBIfGzipped, 0)}) | ${fmt(x.firstQueryMs, 0)} | ${fmt(x.medianMs, 1)} | ${fmt(x.p95Ms, 1)} |`);
      }
    }
  }
  return lines.join('\n');
}

function gitInfo() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json'], { cwd: PROJECT, encoding: 'utf8' }).trim().length > 0;
    return { head, dirty };
  } catch {
    return null;
  }
}

function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(path.join(NODE_MODULES, pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- main

/**
 * A results file as written to bench/results/: every absolute path (corpus,
 * build logs) relative to the project, so the file says nothing about the
 * machine it ran on and reads the same in every checkout.
 */
export function resultsJson(result) {
  const relative = (value) => {
    if (typeof value === 'string') return path.isAbsolute(value) ? path.relative(PROJECT, value) || '.' : value;
    if (Array.isArray(value)) return value.map(relative);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relative(v)]));
    return value;
  };
  return JSON.stringify(relative(result), null, 2) + '\n';
}

/** Recompute medians, ratios and the Markdown of a results file (after changing what the table shows). */
async function reprint(file) {
  const result = JSON.parse(await fs.readFile(file, 'utf8'));
  for (const entry of Object.values(result.sizes)) {
    for (const w of ['ours', 'floor']) if (entry[w]) entry[w].median = summarise(entry[w].runs.map(derive));
    if (entry.ours && entry.floor) {
      entry.ratio = {};
      for (const f of FIGURES) entry.ratio[f] = median(entry.ours.runs.map((o, i) => (entry.floor.runs[i]?.[f] ? o[f] / entry.floor.runs[i][f] : null)));
    }
  }
  result.markdown = markdown(result);
  await fs.writeFile(file, resultsJson(result));
  console.log(result.markdown);
}

async function main() {
  const tableAt = process.argv.indexOf('--table');
  if (tableAt !== -1) {
    const file = process.argv[tableAt + 1] ?? path.join(HERE, 'results', `${new Date().toISOString().slice(0, 10)}.json`);
    return reprint(path.resolve(file));
  }
  const opt = parseArgs(process.argv.slice(2));
  if (!existsSync(opt.corpus)) throw new Error(`corpus not found: ${opt.corpus}`);
  if (!TIME) console.warn('note: /usr/bin/time not found; peak RSS comes from sampling /proc (apt-get install -y time for exact figures)');
  const tmp = await fs.mkdtemp(path.join(opt.workdir, 'minutes-bench-'));
  // Build logs go to bench/results/tmp/ (git-ignored) so they outlive the workspace.
  const logs = path.join(HERE, 'results', 'tmp', `logs-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await fs.mkdir(logs, { recursive: true });
  console.error(`bench: workspace ${tmp}`);

  const who = opt.only ? [opt.only] : ['ours', 'floor'];
  const ws = {};
  if (who.includes('ours')) {
    ws.ours = await makeWorkspace(path.join(tmp, 'ours'), PROJECT, new Set(['node_modules', 'dist', '.astro', '.git', 'bench', 'tests', 'coverage']));
  }
  if (who.includes('floor')) ws.floor = await makeWorkspace(path.join(tmp, 'floor'), path.join(HERE, 'baseline'), new Set(['node_modules', 'dist', '.astro']));

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, astro: versionOf('astro'), pagefind: versionOf('pagefind'), chromium: null },
    git: gitInfo(),
    oursCode: ws.ours ? await treeHash(ws.ours) : null,
    config: { sizes: opt.sizes, runs: opt.runs, searchSizes: opt.search ? opt.searchSizes : [], corpus: opt.corpus, workdirFs: await filesystemOf(tmp), order: 'per run: ours cold, ours warm, floor cold, floor warm' },
    sizes: {},
  };
  if (result.oursCode) console.error(`bench: our code snapshot ${result.oursCode} (git ${result.git?.head ?? '?'}${result.git?.dirty ? ', uncommitted changes' : ''})`);

  for (const size of opt.sizes) {
    const minutesDir = path.join(tmp, `archive-${size}x`);
    const input = await generateArchive(opt.corpus, minutesDir, size);
    console.error(`bench: ${size}× archive: ${input.files} Markdown files, ${(input.markdownBytes / 1e6).toFixed(1)} MB`);
    const runs = { ours: [], floor: [] };
    for (let r = 0; r < opt.runs; r++) {
      for (const w of who) {
        const build = w === 'ours' ? buildOurs : buildFloor;
        const base = path.join(logs, `${size}x-${w}-${r + 1}`);
        await clearCaches(ws[w]);
        const idle = opt.waitIdle > 0 ? await waitIdle(opt.waitIdle) : null;
        const cold = await build(ws[w], minutesDir, `${base}-cold`);
        const dist = await distFigures(path.join(ws[w], 'dist'));
        const touched = await touchOneFile(minutesDir);
        let warm;
        try {
          if (opt.waitIdle > 0) await waitIdle(opt.waitIdle);
          warm = await build(ws[w], minutesDir, `${base}-warm`);
        } finally {
          await touched.restore();
        }
        const row = {
          ...cold,
          ...dist,
          msPerPage: cold.wallMs / dist.pages,
          warmMs: warm.wallMs,
          warmPct: (100 * warm.wallMs) / cold.wallMs,
          idleWait: idle,
          warm: { wallMs: warm.wallMs, cpuS: warm.cpuS, othersCores: warm.othersCores, astroMs: warm.astroMs, pagefindMs: warm.pagefindMs, phases: warm.phases, touched: path.relative(minutesDir, touched.file) },
        };
        runs[w].push(derive(row));
        console.error(
          `bench: ${size}× run ${r + 1} ${w}: cold ${s(row.wallMs)} s (astro ${s(row.astroMs)}, pagefind ${s(row.pagefindMs)} [${row.pagefindTimeFrom}]), ` +
            `cpu ${fmt(row.cpuS)} s, others ${fmt(row.othersCores, 2)} cores, peak ${fmt(row.rssPeakMB, 0)} MB, warm ${s(row.warmMs)} s, ${row.pages} pages, dist ${fmt(row.distMB)} MB`,
        );
      }
    }
    const entry = { measuredAt: new Date().toISOString(), runs: opt.runs, git: result.git, oursCode: result.oursCode ?? null, input: { files: input.files, markdownMB: input.markdownBytes / 1e6, images: input.images, series: input.series } };
    for (const w of who) entry[w] = { median: summarise(runs[w]), runs: runs[w] };
    if (entry.ours && entry.floor) {
      entry.ratio = {};
      for (const f of FIGURES) {
        entry.ratio[f] = median(runs.ours.map((o, i) => (runs.floor[i]?.[f] ? o[f] / runs.floor[i][f] : null)));
      }
    }
    if (opt.search && opt.searchSizes.includes(size)) {
      entry.search = {};
      for (const w of who) {
        console.error(`bench: ${size}× search in Chromium (${w})`);
        if (opt.waitIdle > 0) await waitIdle(opt.waitIdle);
        entry.search[w] = await searchBench(path.join(ws[w], 'dist'), { runs: opt.runs });
      }
    }
    result.sizes[size] = entry;
    await fs.rm(minutesDir, { recursive: true, force: true });
  }
  try {
    result.machine.chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {}

  const day = result.date.slice(0, 10);
  const outDir = path.join(HERE, 'results');
  await fs.mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${day}.json`);
  // Several invocations on one day (e.g. `--sizes 1,2` then `--sizes 10 --runs 1`) add up:
  // sizes measured now replace the same sizes from earlier in the day, others are kept.
  if (!opt.fresh && existsSync(file)) {
    try {
      const before = JSON.parse(readFileSync(file, 'utf8'));
      const merged = { ...before.sizes, ...result.sizes };
      result.sizes = Object.fromEntries(Object.entries(merged).sort((a, b) => Number(a[0]) - Number(b[0])));
      result.config.mergedWith = before.date;
    } catch {}
  }
  result.markdown = markdown(result);
  await fs.writeFile(file, resultsJson(result));
  console.log(result.markdown);
  console.error(`\nbench: wrote ${path.relative(PROJECT, file)}; logs in ${logs}`);
  if (!opt.keep) {
    await fs.rm(tmp, { recursive: true, force: true });
    console.error('bench: removed the workspace (pass --keep to keep builds and logs)');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
