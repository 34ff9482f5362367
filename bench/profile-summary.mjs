// Summarise a V8 .cpuprofile (from `node --cpu-prof`): self time by package /
// source file and by function, so "where does the build's time go" has an answer
// without opening DevTools.
//
//   node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));

function where(url) {
  if (!url) return null;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const parts = url.slice(nm + 14).split('/');
    return 'pkg:' + (parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  if (url.startsWith('node:')) return 'node-internal';
  const src = url.indexOf('/src/');
  return src !== -1 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

const byWhere = new Map();
const byFn = new Map();
let total = 0;
for (const [id, t] of self) {
  const n = byId.get(id);
  const w = where(n.callFrame.url) ?? `(${n.callFrame.functionName || 'anonymous'})`;
  byWhere.set(w, (byWhere.get(w) ?? 0) + t);
  const f = `${n.callFrame.functionName || '(anonymous)'}  ${w}:${n.callFrame.lineNumber + 1}`;
  byFn.set(f, (byFn.get(f) ?? 0) + t);
  total += t;
}
const show = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${(v / 1e6).toFixed(2).padStart(7)} s ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
console.log(`profile ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s wall, ${(total / 1e6).toFixed(1)} s sampled\n\nself time by package / file:\n${show(byWhere)}\n\nself time by function:\n${show(byFn)}`);
