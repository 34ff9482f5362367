#!/usr/bin/env node
/**
 * `npm run eval`: runs every `tests/eval/*.eval.ts` (each exports
 * `evaluate(): Promise<FieldScore[]>`, see tests/eval/score.ts) and prints
 * precision and recall per suite and field. The TypeScript runs on Node's
 * type stripping (Node 22, pinned as the `node` dev dependency, so the
 * `node` of `npm run` is that one). `--verbose` also prints each row's note
 * (what was missed or extra). Exit code 0: the scores are a measurement, not a gate.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'tests', 'eval');
const verbose = process.argv.includes('--verbose');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.eval.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);

let failed = 0;
for (const file of modules) {
  let rows;
  try {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    rows = await mod.evaluate();
  } catch (e) {
    failed++;
    console.error(`${file}: ${e?.stack ?? e}`);
    continue;
  }
  console.log(`\n${file}`);
  console.log(`${pad('suite', 28)} ${pad('field', 26)} ${padL('tp', 6)} ${padL('fp', 5)} ${padL('fn', 5)} ${padL('P', 6)} ${padL('R', 6)}`);
  for (const r of rows) {
    const p = r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp);
    const rc = r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn);
    console.log(`${pad(r.suite, 28)} ${pad(r.field, 26)} ${padL(r.tp, 6)} ${padL(r.fp, 5)} ${padL(r.fn, 5)} ${padL(fmt(p), 6)} ${padL(fmt(rc), 6)}`);
    // Notes (what was missed or extra) are long: in full with --verbose, else the first 160 characters.
    if (r.note) for (const line of (verbose ? r.note : r.note.length > 160 ? `${r.note.slice(0, 160)}…` : r.note).split('\n')) console.log(`    ${line}`);
  }
}
if (modules.length === 0) console.log('no tests/eval/*.eval.ts modules found');
process.exitCode = failed ? 1 : 0;
