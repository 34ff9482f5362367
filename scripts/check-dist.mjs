#!/usr/bin/env node
/**
 * Post-build check of a built site: every internal link, `#anchor`, image
 * `src` and feed/canonical URL must resolve inside dist and stay under the
 * base path. Usage: node scripts/check-dist.mjs [dist] [--base /minutes]
 * Exits non-zero and lists the problems when any link is broken.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'htmlparser2';

/** Ids and internal references of one HTML file. */
function scanHtml(html) {
  const ids = new Set();
  const refs = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (name === 'a' && attrs.name) ids.add(attrs.name);
      if ((name === 'a' || name === 'link') && attrs.href !== undefined) refs.push({ attr: 'href', tag: name, url: attrs.href, rel: attrs.rel });
      if ((name === 'img' || name === 'script' || name === 'source' || name === 'iframe') && attrs.src) refs.push({ attr: 'src', tag: name, url: attrs.src });
      if (name === 'form' && attrs.action) refs.push({ attr: 'action', tag: name, url: attrs.action });
    },
  });
  parser.write(html);
  parser.end();
  return { ids, refs };
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * @param {string} dist built site folder
 * @param {{ base?: string, site?: string }} [opts] base path the site was built with ('/' default); site origin for absolute URLs
 * @returns {{ pages: number, links: number, problems: string[] }}
 */
export function checkDist(dist, opts = {}) {
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  const files = walk(dist).filter((f) => f.endsWith('.html'));
  const idsCache = new Map();
  const problems = [];
  let links = 0;
  const fileForPath = (p) => {
    const rel = decodeURIComponent(p.slice(base.length));
    const candidates = [path.join(dist, rel), path.join(dist, rel, 'index.html'), path.join(dist, `${rel}.html`)];
    return candidates.find((c) => existsSync(c) && statSync(c).isFile());
  };
  const idsOf = (file) => {
    if (!idsCache.has(file)) idsCache.set(file, scanHtml(readFileSync(file, 'utf8')).ids);
    return idsCache.get(file);
  };
  for (const file of files) {
    const page = '/' + path.relative(dist, file).split(path.sep).join('/');
    const { ids, refs } = scanHtml(readFileSync(file, 'utf8'));
    idsCache.set(file, ids);
    for (const { url, tag, attr, rel } of refs) {
      if (!url || /^(mailto|tel|javascript|data):/i.test(url)) continue;
      let target;
      try {
        target = new URL(url, `https://site.invalid${base}${page.slice(1)}`);
      } catch {
        problems.push(`${page}: unparseable ${attr} "${url}"`);
        continue;
      }
      const isInternal = target.origin === 'https://site.invalid' || (opts.site && target.origin === new URL(opts.site).origin);
      if (!isInternal) continue;
      if (rel === 'canonical' || rel === 'alternate' || rel === 'sitemap' || tag === 'a' || tag === 'img' || tag === 'script' || tag === 'link' || tag === 'form') links++;
      if (!target.pathname.startsWith(base)) {
        problems.push(`${page}: ${tag} ${attr}="${url}" escapes the base ${base}`);
        continue;
      }
      // Search results are client-side: only the search page itself must exist.
      const targetFile = fileForPath(target.pathname);
      if (!targetFile) {
        problems.push(`${page}: broken ${tag} ${attr}="${url}"`);
        continue;
      }
      if (target.hash && target.hash.length > 1 && targetFile.endsWith('.html')) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!idsOf(targetFile).has(id)) problems.push(`${page}: missing anchor ${attr}="${url}"`);
      }
    }
  }
  return { pages: files.length, links, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf('--base');
  const base = baseAt >= 0 ? args[baseAt + 1] : process.env.BASE_PATH || '/';
  const dist = args.find((a, i) => !a.startsWith('--') && (baseAt < 0 || i !== baseAt + 1)) ?? 'dist';
  const { pages, links, problems } = checkDist(dist, { base, site: process.env.SITE_URL });
  console.log(`check-dist: ${pages} pages, ${links} internal links checked, ${problems.length} problems`);
  for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
  if (problems.length > 50) console.log(`  … and ${problems.length - 50} more`);
  process.exit(problems.length ? 1 : 0);
}
