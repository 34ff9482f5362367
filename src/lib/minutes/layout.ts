/**
 * Where a minutes file belongs, from the shape of the folder tree alone:
 * its series, and whether its name is a repository document's. Pure: works
 * on paths relative to MINUTES_DIR (`/` separators).
 *
 * Series rules:
 * - folders named like a date (`2019`, `2016-11`, `2023-03-05-hackathon`) are
 *   dates, never series: `meetings/2019/2019-01-01.md` is in `meetings`;
 * - a folder is a series when it holds dated minutes, directly or through
 *   date folders; a file belongs to the deepest such folder on its path
 *   (`meetings/breakout/2015-01-07.md` is in `breakout`, beside `meetings`);
 * - a file under no such folder belongs to its first non-date folder.
 * A series is known by its folder name; when two series folders share a name
 * (`a/wg`, `b/wg`) their ids become the paths joined with `-` (`a-wg`, `b-wg`).
 */
import { dateFromPath, isDateFolder, slugifySuffix } from './dates.ts';

/** Non-date folders of a source, top first (the file name excluded). */
function seriesPath(source: string): string[] {
  const parts = source.split('/').filter(Boolean);
  parts.pop();
  return parts.filter((p) => !isDateFolder(p));
}

/**
 * Series id of every source. `rootSeries` names the files that sit in date
 * folders directly under MINUTES_DIR (`2019/2019-01-01.md`): they have no
 * series folder of their own.
 */
export function assignSeries(sources: readonly string[], rootSeries = 'minutes'): Map<string, string> {
  // Series folders: the non-date path of every file dated by its path.
  const holdsDated = new Set<string>();
  for (const source of sources) {
    if (dateFromPath(source)) holdsDated.add(seriesPath(source).join('/'));
  }
  const folderOf = new Map<string, string[]>();
  for (const source of sources) {
    const path = seriesPath(source);
    let depth = path.length;
    while (depth > 0 && !holdsDated.has(path.slice(0, depth).join('/'))) depth--;
    folderOf.set(source, depth > 0 ? path.slice(0, depth) : path.slice(0, 1));
  }
  // Ids: the folder's own name, unless another series folder has the same name.
  const byName = new Map<string, Set<string>>();
  for (const folder of folderOf.values()) {
    const name = folder[folder.length - 1] ?? '';
    const set = byName.get(name) ?? new Set<string>();
    set.add(folder.join('/'));
    byName.set(name, set);
  }
  const out = new Map<string, string>();
  for (const [source, folder] of folderOf) {
    const name = folder[folder.length - 1];
    if (name === undefined) out.set(source, rootSeries);
    else if (byName.get(name)!.size === 1) out.set(source, name);
    else out.set(source, folder.join('-'));
  }
  return out;
}

/** The series for files under MINUTES_DIR itself: the folder's name as a slug, else `minutes`. */
export function rootSeriesName(minutesDir: string): string {
  const base = minutesDir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return slugifySuffix(base) || 'minutes';
}

/**
 * Words that name a repository document rather than a meeting: the files
 * GitHub and project templates put in every repository (README, LICENSE,
 * CONTRIBUTING, CODE_OF_CONDUCT, CHANGELOG, SECURITY…) and the kinds of
 * document that sit beside minutes (charters, policies, templates, guides,
 * tables of contents).
 */
const DOCUMENT_WORDS = new Set([
  'readme', 'license', 'licence', 'copying', 'contributing', 'contributors', 'conduct', 'changelog', 'history', 'security',
  'codeowners', 'authors', 'maintainers', 'governance', 'charter', 'policy', 'policies', 'template', 'templates', 'guide',
  'guidelines', 'howto', 'faq', 'toc', 'index', 'glossary', 'roadmap',
]);

/**
 * Whether a file name is a repository document's, not a meeting's: an
 * all-capitals name (`CODE_OF_CONDUCT.md`, `CPC-CHARTER.md`, GitHub's
 * convention for repository documents), or one with a document word
 * (`project-charter-template.md`, `toc.md`, `coc_policy.md`).
 */
export function isDocumentName(source: string): boolean {
  const stem = (source.split('/').pop() ?? '').replace(/\.(md|markdown)$/i, '');
  if (/^[A-Z][A-Z0-9]*(?:[-_. ][A-Z0-9]+)*$/.test(stem) && /[A-Z]{2}/.test(stem)) return true;
  const words = stem
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((w) => DOCUMENT_WORDS.has(w));
}
