// Synthetic archives for the benchmark: k× the real minutes.
//
//   generateArchive(srcDir, outDir, factor) -> { outDir, files, markdownBytes, images, series }
//
// Copy 1 is the corpus as it is (Markdown copied, so the benchmark can touch a
// file without writing into the read-only corpus; images hard-linked). Copies
// 2..k go under new series names (`iaas-x2`, `iaas-x3`, …) with every date
// shifted by a whole number of weeks (keeps the weekday), alternately back and
// forward (copyShiftDays): the YYYYMMDD / YYYY-MM-DD in file names and ISO
// dates in headings. Shifting every copy back would put copy 10 in the 1980s,
// where the archive (rightly) takes no file name for a date: ~9 % of the 10×
// files were then not minutes, and the benchmark measured a smaller archive.
// So ids stay unique, the date range grows, and each person / issue appears in
// k times as many meetings (the per-person and per-issue indexes grow too).
//
// CLI: node bench/generate.mjs <srcDir> <outDir> <factor>
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Weeks between copies: a bit more than the corpus' span (2022-07 … 2026-06), so copies do not interleave. */
export const WEEKS_PER_COPY = 210;
const DAY = 86_400_000;

/** Days copy `copy` (1-based) is shifted by: 0, −1, +1, −2, +2 … steps of WEEKS_PER_COPY, so 10 copies of the 2022–2026 corpus span 2002–2042. */
export function copyShiftDays(copy) {
  const steps = Math.floor(copy / 2) * (copy % 2 === 0 ? -1 : 1);
  return copy === 1 ? 0 : steps * WEEKS_PER_COPY * 7;
}

function shiftIso(y, m, d, days) {
  const t = Date.UTC(+y, +m - 1, +d);
  const back = new Date(t);
  // Leave impossible dates (e.g. month 13, day 32) as they are: they are part of the input's irregularities.
  if (back.getUTCFullYear() !== +y || back.getUTCMonth() !== +m - 1 || back.getUTCDate() !== +d) return null;
  const s = new Date(t + days * DAY);
  return [String(s.getUTCFullYear()).padStart(4, '0'), String(s.getUTCMonth() + 1).padStart(2, '0'), String(s.getUTCDate()).padStart(2, '0')];
}

/** `20230517-overflow.md` → `20180301-overflow.md`; `2023-09-14.md` likewise; undated names unchanged. */
export function shiftFileName(name, days) {
  if (!days) return name;
  let m = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(name);
  if (m) {
    const s = shiftIso(m[1], m[2], m[3], days);
    return s ? s.join('') + name.slice(8) : name;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(name);
  if (m) {
    const s = shiftIso(m[1], m[2], m[3], days);
    return s ? s.join('-') + name.slice(10) : name;
  }
  return name;
}

/** Shift ISO dates in heading lines (ATX `#…`, and a bare first-line date like `2022-10-10`). */
export function shiftText(text, days) {
  if (!days) return text;
  const shiftLine = (line) =>
    line.replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (all, y, m, d) => {
      const s = shiftIso(y, m, d, days);
      return s ? s.join('-') : all;
    });
  return text
    .split('\n')
    .map((line) => (/^\s{0,3}#{1,6}(\s|$)/.test(line) || /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(line) ? shiftLine(line) : line))
    .join('\n');
}

async function linkOrCopy(from, to) {
  try {
    await fs.link(from, to);
  } catch {
    await fs.copyFile(from, to);
  }
}

/**
 * Write a k× archive of srcDir into outDir (which is emptied first).
 * Top-level files (README.md, LICENSE, config) are copied once; each series folder k times.
 */
export async function generateArchive(srcDir, outDir, factor = 1) {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, got ${factor}`);
  srcDir = path.resolve(srcDir);
  outDir = path.resolve(outDir);
  if (outDir === srcDir || outDir.startsWith(srcDir + path.sep)) throw new Error('outDir must be outside srcDir');
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(outDir, { recursive: true });
  const stats = { outDir, factor, files: 0, markdownBytes: 0, images: 0, series: 0 };
  const top = await fs.readdir(srcDir, { withFileTypes: true });
  for (const e of top) {
    if (e.isFile()) await fs.copyFile(path.join(srcDir, e.name), path.join(outDir, e.name));
  }
  const seriesDirs = top.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  for (let copy = 1; copy <= factor; copy++) {
    const days = copyShiftDays(copy);
    for (const series of seriesDirs) {
      const name = copy === 1 ? series : `${series}-x${copy}`;
      await copyTree(path.join(srcDir, series), path.join(outDir, name), days, stats);
      stats.series++;
    }
  }
  return stats;
}

async function copyTree(from, to, days, stats) {
  await fs.mkdir(to, { recursive: true });
  for (const e of await fs.readdir(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    if (e.isDirectory()) {
      await copyTree(src, path.join(to, e.name), days, stats);
    } else if (e.isFile() && e.name.endsWith('.md')) {
      const text = shiftText(await fs.readFile(src, 'utf8'), days);
      await fs.writeFile(path.join(to, shiftFileName(e.name, days)), text);
      stats.files++;
      stats.markdownBytes += Buffer.byteLength(text);
    } else if (e.isFile()) {
      await linkOrCopy(src, path.join(to, e.name));
      stats.images++;
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [src, out, k] = process.argv.slice(2);
  if (!src || !out) {
    console.error('usage: node bench/generate.mjs <srcDir> <outDir> [factor]');
    process.exit(2);
  }
  console.log(await generateArchive(src, out, Number(k ?? 1)));
}
