import type { Definition, ListItem, Nodes, Parents, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { issueKey, issueRefFromUrl, repoOfUrl, type IssueRef } from '../github.ts';
import type { IssueMention } from './types.ts';
import { blockSource, excerptBlock, excerptOf, lineInValue, ownLines, startLine, endLine, type Doc } from './markdown.ts';
import { isIndentedCode } from './participants.ts';

/** github.com URLs inside free text or raw HTML (hrefs included). */
const URL_IN_TEXT = /(?:https?:\/\/)?(?:www\.)?github\.com\/[^\s"'<>()\][]+/gi;

/** Words before `#N` that make it an ordinal, not an issue (`Hackathon #5`, `Tech Talk #13`). */
const ORDINAL_WORDS = new Set([
  'hackathon', 'hackathons', 'talk', 'techtalk', 'talks', 'workshop', 'workshops', 'meetup', 'meeting', 'session', 'sprint',
  'episode', 'part', 'round', 'call', 'number', 'no', 'nr', 'num', 'edition', 'iteration', 'summit', 'week', 'day', 'slide',
  'step', 'item', 'point', 'top', 'rank', 'place', 'chapter', 'section', 'version', 'v', 'weekly', 'webinar', 'podcast',
  'newsletter', 'post', 'vol', 'volume', 'release', 'room', 'channel', 'tag', 'sig', 'camp', 'barcamp', 'conference',
]);
/** Words that type a bare number (`PR#150`, `issue #396`) without naming a repo. */
const TYPE_WORDS = new Set(['pr', 'prs', 'pull', 'pulls', 'mr', 'issue', 'ticket', 'tickets', 'bug', 'story', 'epic', 'request']);

interface LinkRef {
  ref: IssueRef;
  line: number;
  block: Parents | Nodes | undefined;
}

interface Candidate {
  number: number;
  org?: string;
  repo?: string;
  line: number;
  block: Parents | undefined;
  /** The list items it stands in, nearest first (for a bare `#N`: the item, then its parents). */
  items: ListItem[];
}

/** Capital initials of a CamelCase org: `SovereignCloudStack` -> `scs`. */
function initials(name: string): string {
  return (name.match(/[A-Z]/g) ?? []).join('').toLowerCase();
}

/**
 * Every GitHub issue / PR / discussion a file references, as mentions with
 * line, section anchor and the excerpt (list item's own lines, or paragraph).
 *
 * - Links (Markdown, autolinks, bare URLs, raw `<a href>`) give the key from
 *   the URL; the link text is never read (the URL wins).
 * - `org/repo#N`, `org/repo/#N`, `repo#N`, `repo/#N` in text: the org comes from
 *   a github link to that repo in the same file, else the file's only linked
 *   org, else the archive's home org (config).
 * - A bare `#N` (`PR#150`, `issue #396`) is resolved from links in the same
 *   heading (or the first line under it) / list item / paragraph, else from the
 *   same number linked elsewhere in the file, else from the series' default
 *   repo; otherwise it is plain text. Ordinals (`Hackathon #5`) and escaped
 *   `\#5` are never issues.
 */
export function extractIssues(doc: Doc): IssueMention[] {
  const { lines } = doc;
  const linkRefs: LinkRef[] = [];
  const candidates: Candidate[] = [];
  // Knowledge from every github URL in the file: repo -> orgs (with counts).
  const repoOrgs = new Map<string, Map<string, number>>();
  const orgNames = new Map<string, string>(); // lower -> as written (for initials)
  // Repos named on each line (any github URL, issue or not), for the context of a bare `#N`.
  const reposByLine = new Map<number, Set<string>>();
  const nameRepo = (line: number, repoKey: string) => (reposByLine.get(line) ?? reposByLine.set(line, new Set()).get(line)!).add(repoKey);
  const learn = (url: string, line = 0) => {
    const r = repoOfUrl(url);
    if (!r) return;
    if (line) nameRepo(line, `${r.org}/${r.repo}`);
    const orgs = repoOrgs.get(r.repo) ?? new Map<string, number>();
    orgs.set(r.org, (orgs.get(r.org) ?? 0) + 1);
    repoOrgs.set(r.repo, orgs);
    const written = /github\.com\/([A-Za-z0-9-]+)/i.exec(url)?.[1];
    if (written && !orgNames.has(r.org)) orgNames.set(r.org, written);
  };
  const addUrl = (url: string, line: number, block: Parents | Nodes | undefined) => {
    learn(url, line);
    const ref = issueRefFromUrl(url);
    if (ref) linkRefs.push({ ref, line, block });
  };

  const definitions = new Map<string, string>();
  visitParents(doc.tree as Root, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });

  visitParents(doc.tree as Root, (node, ancestors) => {
    switch (node.type) {
      case 'link':
        addUrl(node.url, startLine(node), excerptBlock(ancestors) ?? node);
        return 'skip'; // the link text is not scanned: the URL wins
      case 'linkReference': {
        const url = definitions.get(node.identifier.toLowerCase());
        if (url) {
          addUrl(url, startLine(node), excerptBlock(ancestors) ?? node);
          return 'skip';
        }
        return undefined;
      }
      case 'inlineCode':
        return 'skip';
      case 'code':
        if (isIndentedCode(doc, node)) {
          node.value.split('\n').forEach((l, k) => {
            for (const m of l.matchAll(URL_IN_TEXT)) addUrl(m[0], startLine(node) + k, node);
          });
        }
        return 'skip';
      case 'html': {
        if (node.value.trimStart().startsWith('<!--')) return 'skip';
        const block = excerptBlock(ancestors) ?? node;
        for (const m of node.value.matchAll(URL_IN_TEXT)) addUrl(m[0], lineInValue(startLine(node), node.value, m.index), block);
        return 'skip';
      }
      case 'text': {
        const block = excerptBlock(ancestors);
        const items = ancestors.filter((a): a is ListItem => a.type === 'listItem').reverse();
        const base = startLine(node);
        // Bare URLs that GFM did not autolink (e.g. glued to a colon).
        for (const m of node.value.matchAll(URL_IN_TEXT)) addUrl(m[0], lineInValue(base, node.value, m.index), block);
        for (const c of shorthandIn(node.value)) {
          const line = lineInValue(base, node.value, c.index);
          // `Workshop \#5`: an escaped hash is an ordinal by intent.
          if (c.repo === undefined && (lines[line - 1] ?? '').includes(`\\#${c.number}`)) continue;
          candidates.push({ number: c.number, ...(c.org ? { org: c.org } : {}), ...(c.repo ? { repo: c.repo } : {}), line, block, items });
        }
        return undefined;
      }
      default:
        return undefined;
    }
  });

  const homeOrg = homeOrgOf(doc);
  const linkedOrgs = new Set<string>();
  for (const orgs of repoOrgs.values()) for (const o of orgs.keys()) linkedOrgs.add(o);
  // The org for unknown repo names: the file's only linked org, else one that has at least two thirds of its github links.
  const orgCounts = new Map<string, number>();
  for (const orgs of repoOrgs.values()) for (const [o, n] of orgs) orgCounts.set(o, (orgCounts.get(o) ?? 0) + n);
  const totalLinks = [...orgCounts.values()].reduce((a, b) => a + b, 0);
  const dominant = [...orgCounts].find(([, n]) => n * 3 >= totalLinks * 2)?.[0];
  const onlyOrg = linkedOrgs.size === 1 ? [...linkedOrgs][0] : dominant;

  // Links per block, and per line (for "the first line under a heading").
  const byBlock = new Map<unknown, LinkRef[]>();
  const byLine = new Map<number, LinkRef[]>();
  const byNumber = new Map<number, Set<string>>();
  for (const l of linkRefs) {
    byBlock.set(l.block, [...(byBlock.get(l.block) ?? []), l]);
    byLine.set(l.line, [...(byLine.get(l.line) ?? []), l]);
    const repos = byNumber.get(l.ref.number) ?? new Set<string>();
    repos.add(`${l.ref.org}/${l.ref.repo}`);
    byNumber.set(l.ref.number, repos);
  }
  const contextLinks = (block: Parents | undefined): LinkRef[] => {
    if (!block) return [];
    const own = byBlock.get(block) ?? [];
    if (block.type !== 'heading') return own;
    let next = endLine(block) + 1;
    while (next <= lines.length && (lines[next - 1] ?? '').trim() === '') next++;
    return [...own, ...(byLine.get(next) ?? [])];
  };

  const orgForRepo = (repo: string): string | undefined => {
    const orgs = repoOrgs.get(repo);
    if (orgs && orgs.size) {
      if (homeOrg && orgs.has(homeOrg)) return homeOrg;
      return [...orgs].sort((a, b) => b[1] - a[1])[0]![0];
    }
    return onlyOrg ?? homeOrg;
  };
  const orgAlias = (org: string): string => {
    const lower = org.toLowerCase();
    if (linkedOrgs.has(lower) || lower === homeOrg) return lower;
    for (const [known, written] of orgNames) if (initials(written) === lower && lower.length >= 2) return known;
    if (homeOrg && initials(doc.config.sourceUrl?.match(/github\.com\/([A-Za-z0-9-]+)/i)?.[1] ?? '') === lower) return homeOrg;
    return lower;
  };

  const resolved: { key: string; line: number; block: Parents | Nodes | undefined }[] = linkRefs.map((l) => ({ key: l.ref.key, line: l.line, block: l.block }));
  const push = (repoKey: string, c: Candidate) => {
    const [org, repo] = repoKey.split('/') as [string, string];
    const ref: IssueRef = { key: issueKey(org, repo, c.number), org, repo, number: c.number };
    resolved.push({ key: ref.key, line: c.line, block: c.block });
    return ref;
  };
  // Shorthand naming a repo first: resolved ones also give context to bare numbers next to them.
  const named = new Map<unknown, LinkRef[]>();
  for (const c of candidates) {
    if (c.repo === undefined) continue;
    const sameNumberInContext = contextLinks(c.block).find((l) => l.ref.number === c.number);
    let repoKey: string | undefined;
    if (c.org !== undefined) repoKey = `${orgAlias(c.org)}/${c.repo}`;
    else if (repoOrgs.has(c.repo)) repoKey = `${orgForRepo(c.repo)}/${c.repo}`;
    else if (sameNumberInContext) repoKey = `${sameNumberInContext.ref.org}/${sameNumberInContext.ref.repo}`; // a nickname (`k8s/#382`)
    else {
      const org = orgForRepo(c.repo);
      if (org) repoKey = `${org}/${c.repo}`;
    }
    if (repoKey) {
      nameRepo(c.line, repoKey);
      const ref = push(repoKey, c);
      named.set(c.block, [...(named.get(c.block) ?? []), { ref, line: c.line, block: c.block }]);
    } else {
      // An unknown repo and no org to give it: treat it like a bare number.
      delete c.repo;
    }
  }
  // `org/repo` written in a heading (`### example-org/cli`) names the section's repo.
  for (const h of doc.headings) {
    for (const m of h.text.matchAll(/(?<![\w./-])([A-Za-z0-9][\w-]*)\/([A-Za-z0-9][\w.-]*[\w])(?![\w/#-])/g)) {
      if (!/^\d+$/.test(m[2]!)) nameRepo(h.line, `${orgAlias(m[1]!)}/${m[2]!.toLowerCase()}`);
    }
  }
  const reposOnLines = (start: number, end: number): Set<string> => {
    const out = new Set<string>();
    for (let l = start; l <= end; l++) for (const r of reposByLine.get(l) ?? []) out.add(r);
    return out;
  };
  /** The repo named by the nearest context of a bare `#N`: its list item, the parent items, then the section heading. */
  const repoFromContext = (c: Candidate): string | undefined => {
    for (const item of c.items) {
      const { start, end } = ownLines(item);
      const repos = reposOnLines(start, end);
      if (repos.size === 1) return [...repos][0];
      if (repos.size > 1) return undefined; // the nearest context names several: ambiguous
    }
    const heading = [...doc.headings].reverse().find((h) => h.line <= c.line);
    if (!heading) return undefined;
    const repos = reposOnLines(heading.line, heading.line);
    return repos.size === 1 ? [...repos][0] : undefined;
  };
  for (const c of candidates) {
    if (c.repo !== undefined) continue;
    const context = [...contextLinks(c.block), ...(c.block ? (named.get(c.block) ?? []) : [])];
    const sameNumberInContext = context.find((l) => l.ref.number === c.number);
    const repos = new Set(context.map((l) => `${l.ref.org}/${l.ref.repo}`));
    const inFile = byNumber.get(c.number);
    let repoKey: string | undefined;
    if (sameNumberInContext) repoKey = `${sameNumberInContext.ref.org}/${sameNumberInContext.ref.repo}`;
    else if (inFile && inFile.size === 1) repoKey = [...inFile][0];
    else if (repos.size === 1) repoKey = [...repos][0];
    else repoKey = repoFromContext(c) ?? doc.config.defaultRepos[doc.series]?.toLowerCase();
    if (repoKey) push(repoKey, c);
  }

  return toMentions(doc, resolved);
}

/** Dedupe per key and block; a heading mention gives way to one in the body of the same section. */
function toMentions(doc: Doc, resolved: { key: string; line: number; block: Parents | Nodes | undefined }[]): IssueMention[] {
  const seen = new Set<string>();
  const mentions: (IssueMention & { heading: boolean })[] = [];
  for (const r of resolved.sort((a, b) => a.line - b.line)) {
    const blockLine = r.block ? startLine(r.block) : r.line;
    const id = `${r.key}\n${blockLine}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const block = r.block;
    const excerpt =
      block === undefined
        ? (doc.lines[r.line - 1] ?? '').trim()
        : block.type === 'listItem' || block.type === 'paragraph' || block.type === 'heading' || block.type === 'tableRow'
          ? excerptOf(doc.lines, block as Parents)
          : blockSource(doc.lines, block);
    mentions.push({ key: r.key, line: r.line, anchor: doc.anchorAt(r.line), excerpt, heading: block?.type === 'heading' });
  }
  const bodyKeys = new Set(mentions.filter((m) => !m.heading).map((m) => `${m.key}\n${m.anchor}`));
  return mentions
    .filter((m) => !m.heading || !bodyKeys.has(`${m.key}\n${m.anchor}`))
    .map(({ heading: _heading, ...m }) => m);
}

/** The archive's own org: from the source URL, else the series' default repo. */
function homeOrgOf(doc: Doc): string | undefined {
  const fromSource = doc.config.sourceUrl?.match(/github\.com\/([A-Za-z0-9-]+)/i)?.[1];
  if (fromSource) return fromSource.toLowerCase();
  const repo = doc.config.defaultRepos[doc.series];
  return repo ? repo.split('/')[0]!.toLowerCase() : undefined;
}

/**
 * `#N` references in a text, with what precedes them: `org/repo#N`,
 * `repo/#N`, `release-notes/PR#5`, typed `PR #150` (bare), or bare `#N`.
 * Ordinals (`Tech Talk #13`) and `#` inside URLs are dropped.
 */
export function shorthandIn(text: string): { number: number; index: number; org?: string; repo?: string }[] {
  const out: { number: number; index: number; org?: string; repo?: string }[] = [];
  for (const m of text.matchAll(/(?<!&)#(\d{1,6})(?![\w])/g)) {
    const number = Number(m[1]);
    if (number < 1) continue;
    const before = text.slice(0, m.index);
    const token = /\S*$/.exec(before)![0];
    if (/:\/\/|www\.|\.(?:com|org|de|io|net)\//i.test(token)) continue; // inside a URL
    const attached = /(?<![\w./-])(?:([A-Za-z0-9][\w.-]*)\/)?([A-Za-z][\w.-]*)\/?$/.exec(before);
    if (attached) {
      let org = attached[1]?.toLowerCase();
      let repo = attached[2]!.toLowerCase();
      if (ORDINAL_WORDS.has(repo)) continue;
      if (TYPE_WORDS.has(repo)) {
        // `release-notes/PR#5` names the repo before the type word.
        if (org === undefined) {
          out.push({ number, index: m.index });
          continue;
        }
        repo = org;
        org = undefined;
      }
      out.push({ number, index: m.index, ...(org ? { org } : {}), repo });
      continue;
    }
    const spaced = /([A-Za-z][\w-]*)[\\]?\s+$/.exec(before);
    // `GX-Hackathon #5`: the last part of a compound name decides.
    if (spaced && ORDINAL_WORDS.has(spaced[1]!.toLowerCase().split('-').pop()!)) continue;
    out.push({ number, index: m.index });
  }
  return out;
}
