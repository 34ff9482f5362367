/**
 * GitHub issue references: the one home of issue URL parsing and building
 * and of issue keys, shared by the parser (lib/minutes/issues.ts), the
 * renderer (lib/markdown/links.ts), the index and pages (via lib/paths.ts)
 * and the browser search script (scripts/search.ts). Pure, no Node imports:
 * it is bundled into the browser too.
 *
 * Decisions:
 * - Only `/issues/N`, `/pull/N` and `/discussions/N` are one issue. `/pulls`
 *   and `/issues` are list pages (`/pulls/12` is not a GitHub URL form).
 * - Issues, pulls and discussions share one number space per repository, so
 *   a key `org/repo#N` ignores the kind.
 * - Numbers are integers: `#007` and `/issues/007` are issue 7 (key `…#7`).
 * - Keys are lower-case (GitHub owner and repository names are case-insensitive).
 */

export type IssueKind = 'issues' | 'pull' | 'discussions';

/** One GitHub issue, pull request or discussion. */
export interface IssueRef {
  /** `org/repo#N`, lower-case. */
  key: string;
  org: string;
  repo: string;
  number: number;
  /** How the URL named it; unknown for a key or a `#N` shorthand. */
  kind?: IssueKind;
}

/** GitHub paths that are not `<org>/<repo>`. */
export const RESERVED_OWNERS: ReadonlySet<string> = new Set([
  'orgs', 'users', 'settings', 'marketplace', 'sponsors', 'apps', 'notifications', 'topics', 'collections', 'features', 'login', 'about', 'search',
]);

const OWNER = '[A-Za-z0-9][A-Za-z0-9-]*';
const REPO = '[\\w.-]+';

/**
 * An issue URL, unanchored (groups: owner, repository, kind, number without
 * leading zeros). Scheme and `www.` optional; the number must end there
 * (`/pull/12/files`, `/issues/3#issuecomment-1` and `/pull/69:` are fine,
 * `/issues/12abc` is not).
 */
export const ISSUE_URL_SOURCE = `(?:https?://)?(?:www\\.)?github\\.com/(${OWNER})/(${REPO})/(issues|pull|discussions)/0*(\\d+)(?![\\w-])`;

const ISSUE_URL = new RegExp(`^${ISSUE_URL_SOURCE}`, 'i');

/** `org/repo#N`, lower-case; `.git` dropped from the repository name. */
export function issueKey(org: string, repo: string, number: number): string {
  return `${org.toLowerCase()}/${repo.toLowerCase().replace(/\.git$/, '')}#${number}`;
}

/** The reference of owner, repository and number as a URL or a query wrote them; undefined when that is no issue. */
export function issueRefOf(org: string, repo: string, digits: string, kind?: string): IssueRef | undefined {
  const o = org.toLowerCase();
  const r = repo.toLowerCase().replace(/\.git$/, '');
  if (RESERVED_OWNERS.has(o) || !r) return undefined;
  const number = Number(digits);
  if (!Number.isSafeInteger(number) || number < 1) return undefined;
  return { key: issueKey(o, r, number), org: o, repo: r, number, ...(kind ? { kind: kind.toLowerCase() as IssueKind } : {}) };
}

/**
 * `https://github.com/Org/Repo/pull/12/files#r1` -> `{ key: 'org/repo#12', kind: 'pull', … }`.
 * The URL may be wrapped in `<…>`. Anything else (repo pages, blobs, commits, `/pulls`) gives undefined.
 */
export function issueRefFromUrl(url: string): IssueRef | undefined {
  const m = ISSUE_URL.exec(url.trim().replace(/^<|>$/g, ''));
  return m ? issueRefOf(m[1]!, m[2]!, m[4]!, m[3]) : undefined;
}

/** `org/repo` from any github.com URL (repo pages, blobs, issues …). */
export function repoOfUrl(url: string): { org: string; repo: string } | undefined {
  const m = new RegExp(`^(?:https?://)?(?:www\\.)?github\\.com/(${OWNER})/(${REPO})`, 'i').exec(url.trim());
  if (!m) return undefined;
  const org = m[1]!.toLowerCase();
  const repo = m[2]!.toLowerCase().replace(/\.git$/, '').replace(/[.]+$/, '');
  if (RESERVED_OWNERS.has(org) || !repo) return undefined;
  return { org, repo };
}

/** Parts of an issue key `org/repo#N` (lower-cased); undefined when it is not one. */
export function parseIssueKey(key: string): IssueRef | undefined {
  const m = /^([^/#\s]+)\/([^/#\s]+)#(\d+)$/.exec(key.trim().toLowerCase());
  if (!m) return undefined;
  const number = Number(m[3]);
  return { key: issueKey(m[1]!, m[2]!, number), org: m[1]!, repo: m[2]!, number };
}

/** The GitHub page of an issue key: `/issues/N` (GitHub redirects it to the pull request or discussion). */
export function githubIssueUrl(key: string): string {
  const p = parseIssueKey(key);
  if (!p) throw new Error(`not an issue key: ${key}`);
  return `https://github.com/${p.org}/${p.repo}/issues/${p.number}`;
}
