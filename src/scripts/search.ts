/**
 * Search: the /search/ page (pagefind's JS API with our own small UI), issue
 * references and topic names answered first, and the highlighting of the
 * query terms on the page a result leads to.
 *
 * Nothing here runs on import: the page script calls `initSearchPage()`, the
 * site script calls `highlightFromUrl()`.
 */

import { headingWords, normalizeHeading } from '../lib/indexes/topics.ts';
import type { IssueSearchData } from '../lib/views/issue.ts';
import type { TopicSearchData } from '../lib/views/topics.ts';
import { createPaths } from '../lib/paths.ts';
import { ISSUE_URL_SOURCE, issueRefOf, parseIssueKey, type IssueRef } from '../lib/github.ts';

/* ------------------------------------------------------------------------ */
/* Issue references                                                          */
/* ------------------------------------------------------------------------ */

/**
 * ISSUE REFERENCES
 *
 * Pagefind indexes words: when it reads `standards#199` or
 * `SovereignCloudStack/standards#199` (in a page or in a query) it drops the
 * punctuation and joins the parts into one word, `standards199` /
 * `sovereigncloudstackstandards199`, and a pasted URL becomes a handful of
 * unrelated words. So on the search page the query is normalised the same
 * way before calling `search()` (`normaliseQuery()`: every `org/repo#N`,
 * `repo#N` or GitHub issue/PR/discussion URL becomes `<org><repo><n>` /
 * `<repo><n>`: lower case, only [a-z0-9]), and meetings that mention the
 * reference verbatim match it.
 *
 * The issue page of a recognised reference goes first: it is found in
 * `issues/search.json` (every issue's key and summary, fetched with the
 * first query that names an issue), not in pagefind's index. An issue is a
 * reference, not a text: as pages in the index (one per issue, 1,083 on the
 * SCS archive) they cost ~0.45 s of every build, and for any other query
 * they could only compete with the meetings that discuss them.
 */
/** An issue reference in a query: `repo#N` names no org. */
export type QueryIssueRef = Pick<IssueRef, 'repo' | 'number'> & Partial<Pick<IssueRef, 'org'>>;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const NAME = '[A-Za-z0-9_.-]+';
/** Each pattern's groups: org ('' for none), repo, digits. */
const REF_PATTERNS: RegExp[] = [
  // https://github.com/org/repo/issues/12, /pull/12, /discussions/12 (anchors and query ignored), as lib/github.ts reads them
  new RegExp(`${ISSUE_URL_SOURCE.replace('(issues|pull|discussions)', '(?:issues|pull|discussions)')}\\S*`, 'gi'),
  // org/repo#12
  new RegExp(`(?<![\\w/])(${NAME})/(${NAME})#(\\d+)\\b`, 'g'),
  // repo#12
  new RegExp(`(?<![\\w/#])()(${NAME})#(\\d+)\\b`, 'g'),
];

/** Normalise a query for pagefind: issue references become their joined words (see above). */
export function normaliseQuery(raw: string): { query: string; refs: QueryIssueRef[] } {
  const refs: QueryIssueRef[] = [];
  let query = raw;
  for (const pattern of REF_PATTERNS) {
    query = query.replace(pattern, (all: string, org: string, repo: string, digits: string) => {
      // Through lib/github.ts, so the numbers and names are those of the issue pages (`#007` is 7).
      const ref = issueRefOf(org, repo, digits);
      if (!ref) return all;
      refs.push({ ...(org ? { org: ref.org } : {}), repo: ref.repo, number: ref.number });
      return ` ${org ? squash(ref.org) : ''}${squash(ref.repo)}${ref.number} `;
    });
  }
  return { query: query.replace(/\s+/g, ' ').trim(), refs };
}

/** The archive's issues that the references name, in the order of the references (an org-less `repo#N` names the issue in every org that has it). */
export function matchIssues(data: IssueSearchData, refs: readonly QueryIssueRef[]): { key: string; summary: string }[] {
  const found: { key: string; summary: string }[] = [];
  for (const r of refs) {
    for (const [key, summary] of data.issues) {
      const issue = parseIssueKey(key);
      if (!issue || issue.number !== r.number || squash(issue.repo) !== squash(r.repo) || (r.org && squash(issue.org) !== squash(r.org))) continue;
      if (!found.some((f) => f.key === key)) found.push({ key, summary });
    }
  }
  return found;
}

/* ------------------------------------------------------------------------ */
/* Topics                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Topics answer first: a query that names a topic (every word of the query,
 * or all but one of a query of four words or more, starts a word of one of the topic's
 * headings) shows the topic above the meetings, with its thread's meetings
 * one click away. Matched in the browser against `topics/search.json` (a few
 * kB gzipped; fetched when the search page opens, beside pagefind's files),
 * not through pagefind: a topic is a name, not a text, and topic records in
 * the main index would compete with the meetings for the first places.
 */
export interface TopicMatch {
  key: string;
  title: string;
  meetingCount: number;
  first: string;
  last: string;
  series: string[];
  meetings: { series: string; seriesName: string; slug: string; anchor: string }[];
  /** Share of the query words found (1 = all). */
  score: number;
}

/** Topics shown above the meeting results. */
export const TOPICS_SHOWN = 3;

function wordMatches(queryWord: string, topicWord: string): boolean {
  if (queryWord === topicWord) return true;
  // A prefix counts from three letters ("quin" finds "quincy"); numbers must match whole ("r5" is not "r50").
  return queryWord.length >= 3 && !/\d/.test(queryWord) && topicWord.startsWith(queryWord);
}

/** The topics a query names, best first: most query words found, then names mostly made of the query, then most discussed. */
export function matchTopics(data: TopicSearchData, query: string, limit = TOPICS_SHOWN): TopicMatch[] {
  const words = headingWords(normalizeHeading(query));
  if (words.length === 0) return [];
  // "air gap" also finds "AirGap" (and "air-gap" is two words anyway).
  const found = matchWords(data, words);
  if (words.length === 2 || words.length === 3) for (const m of matchWords(data, [words.join('')])) if (!found.some((f) => f.key === m.key)) found.push(m);
  return found
    .sort((a, b) => b.score - a.score || b.focus - a.focus || b.meetingCount - a.meetingCount || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map(({ focus: _focus, ...m }) => m);
}

function matchWords(data: TopicSearchData, words: string[]): (TopicMatch & { focus: number })[] {
  // One word may miss in a long query; in a short one a missing word is often the subject ("volume backup standard" is not "volume type standard").
  const needed = words.length >= 4 ? words.length - 1 : words.length;
  const out: (TopicMatch & { focus: number })[] = [];
  for (const [key, title, extra, meetingCount, first, last, anchors, meetings] of data.topics) {
    const own = headingWords(normalizeHeading(title));
    const all = extra ? [...own, ...extra.split(' ')] : own;
    const found = words.filter((q) => all.some((w) => wordMatches(q, w))).length;
    if (found < needed) continue;
    const inTitle = own.filter((w) => words.some((q) => wordMatches(q, w))).length;
    const series = [...new Set(meetings.map(([si]) => data.series[si]?.[1] ?? ''))];
    out.push({
      key,
      title,
      meetingCount,
      first,
      last,
      series,
      meetings: meetings.map(([si, slug, ai]) => ({ series: data.series[si]?.[0] ?? '', seriesName: data.series[si]?.[1] ?? '', slug, anchor: anchors[ai] ?? '' })),
      score: found / words.length,
      focus: own.length ? inTitle / own.length : 0,
    });
  }
  return out;
}

/* ------------------------------------------------------------------------ */
/* Pagefind                                                                  */
/* ------------------------------------------------------------------------ */

interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}
interface SubResult {
  title: string;
  url: string;
  anchor?: { id?: string; text?: string; element?: string };
  excerpt: string;
  locations: number[];
  weighted_locations?: WeightedLocation[];
}
interface ResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<PagefindSearch>;
  debouncedSearch(term: string | null, o?: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Ranking, tuned on the SCS archive (tests/corpus/search-quality.test.ts and
 * 60 queries made from unique section headings). Heading words carry weight 10
 * from the index (src/integrations/pagefind.ts), which alone moved the right
 * meeting to first place for 42 instead of 39 of the 60. Here: a flatter term
 * saturation (termSaturation 2, default 1.4) so that the heading weight is not
 * flattened away, and half the term-frequency influence (default 1), so that a
 * long community call repeating a word does not beat the meeting with the
 * section about it. Then `rerankByHeadings()` on the first five: 49 of 60 first.
 */
export const RANKING = { termFrequency: 0.5, termSaturation: 2 };
export const HIGHLIGHT_PARAM = 'highlight';

/** Load pagefind from `<base>pagefind/pagefind.js` (null when there is no index, e.g. in dev before the first build). */
export async function loadPagefind(base: string): Promise<Pagefind | null> {
  try {
    const url = `${base.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // noWorker: the search runs on the main thread; it is quick on archives of this size, and saves loading pagefind-worker.js (~12 KB).
    await pf.options({ ranking: RANKING, excerptLength: 26, highlightParam: HIGHLIGHT_PARAM, noWorker: true });
    await pf.init();
    return pf;
  } catch {
    return null;
  }
}

/** Words of a query, lower-cased, for picking sections and marking terms. */
export function queryTerms(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1))];
}

/** Share of the query terms (by stem-ish prefix) found in a heading. */
function headingCoverage(title: string, terms: string[]): number {
  if (!terms.length) return 0;
  const t = title.toLowerCase();
  return terms.filter((w) => t.includes(w.slice(0, Math.max(3, w.length - 2)))).length / terms.length;
}

/**
 * Re-rank the first page of results: a page whose section heading carries all
 * (or most) query terms moves up (score × (1 + 2 × coverage²)). Pagefind's score
 * cannot tell "all terms in one heading" from "terms in several places"; the
 * fragments of the first page are loaded for display anyway.
 */
export function rerankByHeadings<T extends { score: number; data: ResultData }>(items: T[], terms: string[]): T[] {
  const boost = (x: T) => x.score * (1 + 2 * Math.max(0, ...x.data.sub_results.map((s) => headingCoverage(s.title, terms))) ** 2);
  return items.map((x) => ({ x, v: boost(x) })).sort((a, b) => b.v - a.v).map((e) => e.x);
}

/**
 * Order a page's sections for display: a section whose heading contains the
 * query terms first, then by the weighted score of its matches (pagefind
 * lists them in page order). The page-level entry (no anchor, the text before
 * the first heading) comes last unless nothing else matched.
 */
export function rankSections(subs: SubResult[], terms: string[]): SubResult[] {
  const score = (s: SubResult) => {
    const inTitle = headingCoverage(s.title, terms) * terms.length;
    const matches = (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0) || s.locations.length;
    return inTitle * 1000 + matches - (s.anchor?.id ? 0 : 500);
  };
  return subs.map((s) => ({ s, v: score(s) })).sort((a, b) => b.v - a.v).map((x) => x.s);
}

/* ------------------------------------------------------------------------ */
/* DOM helpers                                                               */
/* ------------------------------------------------------------------------ */

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** Pagefind's excerpt as DOM: text plus <mark>, nothing else survives. */
function excerptNodes(html: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  const out: Node[] = [];
  const walk = (n: Node, into: Node[]) => {
    for (const c of n.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) into.push(document.createTextNode(c.textContent ?? ''));
      else if (c.nodeName === 'MARK') into.push(el('mark', {}, c.textContent ?? ''));
      else walk(c, into);
    }
  };
  walk(t.content, out);
  return out;
}

/* ------------------------------------------------------------------------ */
/* The search page                                                           */
/* ------------------------------------------------------------------------ */

const FILTERS = ['series', 'year', 'participant'] as const;
type FilterName = (typeof FILTERS)[number];
/** Results shown at first (and re-ranked, see `rerankByHeadings`), then per "More results". Each costs a ~2 KB fragment. */
const FIRST_PAGE = 5;
const PAGE = 10;

interface State {
  q: string;
  sort: 'relevance' | 'date';
  filters: Partial<Record<FilterName, string>>;
}

function readState(form: HTMLFormElement): State {
  const data = new FormData(form);
  const filters: State['filters'] = {};
  for (const f of FILTERS) {
    const v = String(data.get(f) ?? '');
    if (v) filters[f] = v;
  }
  return { q: String(data.get('q') ?? '').trim(), sort: data.get('sort') === 'date' ? 'date' : 'relevance', filters };
}

function stateFromUrl(): State {
  const p = new URLSearchParams(location.search);
  const filters: State['filters'] = {};
  for (const f of FILTERS) {
    const v = p.get(f);
    if (v) filters[f] = v;
  }
  return { q: p.get('q') ?? '', sort: p.get('sort') === 'date' ? 'date' : 'relevance', filters };
}

function stateToSearch(s: State): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FILTERS) if (s.filters[f]) p.set(f, s.filters[f]!);
  if (s.sort === 'date') p.set('sort', 'date');
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** A JSON file of the site, or null when it cannot be had. */
function fetchJson<T>(url: string): Promise<T | null> {
  return fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<T>) : null))
    .catch(() => null);
}

/** Wire up the search page rendered by src/pages/search.astro. */
export function initSearchPage(root: HTMLElement): void {
  const base = root.dataset['base'] ?? '/';
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('[data-search-main]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const reset = root.querySelector<HTMLButtonElement>('[data-search-reset]');
  const seriesNames = JSON.parse(root.dataset['seriesNames'] ?? '{}') as Record<string, string>;
  const topicList = root.querySelector<HTMLOListElement>('[data-topic-results]');
  const paths = createPaths(base);
  // Fetched with the page, like pagefind's files: the first query needs it.
  const topicsReady = fetchJson<TopicSearchData>(paths.topicsSearch());
  // Fetched with the first query that names an issue.
  let issuesReady: Promise<IssueSearchData | null> | undefined;

  // Restore the state from the URL into the form.
  const initial = stateFromUrl();
  input.value = initial.q;
  for (const f of FILTERS) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (!select) continue;
    const v = initial.filters[f];
    if (v && ![...select.options].some((o) => o.value === v)) select.append(el('option', { value: v, text: v }));
    select.value = v ?? '';
  }
  const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement | null;
  if (sortSelect) sortSelect.value = initial.sort;

  let pagefind: Pagefind | null | undefined;
  const ready = loadPagefind(base).then((pf) => (pagefind = pf));

  let generation = 0;
  let pending: PagefindResult[] = [];
  let terms: string[] = [];
  let rerank = true;

  const setStatus = (text: string, kind = '') => {
    status.textContent = text;
    status.dataset['kind'] = kind;
  };

  const renderResult = (d: ResultData): HTMLLIElement => {
    const sections = rankSections(d.sub_results, terms);
    const best = sections[0];
    const href = best?.url ?? d.url;
    const title = d.meta['title'] ?? d.url;
    const series = d.meta['series'] ? (seriesNames[d.meta['series']] ?? d.meta['series']) : '';
    const date = d.meta['date'] ?? '';
    const link = el('a', { class: 'result-link', href, 'data-result-link': '' }, el('span', { class: 'result-title', text: title }));
    if (best && best.anchor?.id && best.title && best.title !== title) link.append(el('span', { class: 'result-section', text: best.title }));
    const meta = el('p', { class: 'result-meta' });
    if (series) meta.append(el('span', { class: 'result-series', text: series }));
    if (date) meta.append(el('time', { datetime: date, text: date }));
    const excerpt = el('p', { class: 'result-excerpt' }, ...excerptNodes(best?.excerpt || d.excerpt));
    const li = el('li', { class: 'search-result' }, link, meta, excerpt);
    const others = sections.slice(1, 3).filter((s) => s.anchor?.id && s.title && s.locations.length);
    if (others.length) {
      li.append(
        el(
          'ul',
          { class: 'result-more', 'aria-label': `More sections in ${title}` },
          ...others.map((s) => el('li', {}, el('a', { href: s.url, 'data-result-link': '' }, s.title))),
        ),
      );
    }
    return li;
  };

  /** An issue page, as a result above the meetings. */
  const renderIssue = ({ key, summary }: { key: string; summary: string }): HTMLLIElement => {
    const link = el('a', { class: 'result-link', href: paths.issue(key), 'data-result-link': '' }, el('span', { class: 'result-title', text: key }));
    return el('li', { class: 'search-result', 'data-issue': key }, link, el('p', { class: 'result-meta' }, el('span', { class: 'chip', text: 'Issue' })), el('p', { class: 'result-excerpt' }, summary));
  };

  const renderTopic = (t: TopicMatch): HTMLLIElement => {
    const span = t.first ? (t.first === t.last ? t.first : `${t.first} – ${t.last}`) : '';
    const link = el('a', { class: 'topic-result-link', href: paths.topic(t.key) }, el('span', { class: 'chip topic-chip', text: 'Topic' }), ' ', el('span', { class: 'result-title', text: t.title }));
    const meta = el('p', { class: 'result-meta' }, el('span', { class: 'result-series', text: t.series.join(', ') }), el('span', { text: `${t.meetingCount} meetings` }));
    if (span) meta.append(el('span', { class: 'nowrap', text: span }));
    const meetings = el(
      'ul',
      { class: 'topic-meetings', 'aria-label': `Meetings on ${t.title}` },
      ...t.meetings.map((m) => el('li', {}, el('a', { href: paths.section(`${m.series}/${m.slug}`, m.anchor), 'data-topic-meeting': `${m.series}/${m.slug}` }, `${m.seriesName} ${m.slug}`))),
    );
    if (t.meetingCount > t.meetings.length) meetings.append(el('li', {}, el('a', { href: paths.topic(t.key) }, `all ${t.meetingCount} →`)));
    return el('li', { class: 'topic-result', 'data-topic': t.key }, link, meta, meetings);
  };

  const showTopics = async (state: State, gen: number, hasRefs: boolean) => {
    if (!topicList) return;
    const data = state.q && !hasRefs && !state.filters.participant ? await topicsReady : null;
    if (gen !== generation) return;
    let found = data ? matchTopics(data, state.q, 20) : [];
    const series = state.filters.series;
    const year = state.filters.year;
    if (series) found = found.filter((t) => t.meetings.some((m) => m.series.replaceAll(',', ' ') === series));
    if (year) found = found.filter((t) => t.first.slice(0, 4) <= year && year <= t.last.slice(0, 4));
    found = found.slice(0, TOPICS_SHOWN);
    topicList.replaceChildren(...found.map(renderTopic));
    topicList.hidden = found.length === 0;
  };

  const showMore = async (gen: number, first = false) => {
    const slice = pending.splice(0, first ? FIRST_PAGE : PAGE);
    let loaded = await Promise.all(slice.map(async (r) => ({ score: r.score, data: await r.data() })));
    if (gen !== generation) return;
    if (first && rerank) loaded = rerankByHeadings(loaded, terms);
    list.append(...loaded.map((x) => renderResult(x.data)));
    more.hidden = pending.length === 0;
  };

  const run = async (immediate = false) => {
    const state = readState(form);
    const url = `${location.pathname}${stateToSearch(state)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
    const gen = ++generation;
    const hasFilter = Object.keys(state.filters).length > 0;
    if (reset) reset.hidden = !state.q && !hasFilter && state.sort === 'relevance';
    if (!state.q && !hasFilter) {
      list.replaceChildren();
      topicList?.replaceChildren();
      if (topicList) topicList.hidden = true;
      more.hidden = true;
      pending = [];
      root.dataset['state'] = 'idle';
      setStatus('');
      return;
    }
    if (pagefind === undefined) {
      setStatus('Loading the search index…');
      await ready;
      if (gen !== generation) return;
    }
    if (!pagefind) return showMissing();
    const { query, refs } = normaliseQuery(state.q);
    terms = queryTerms(state.q);
    rerank = state.sort === 'relevance' && refs.length === 0;
    const options = {
      filters: state.filters,
      sort: state.sort === 'date' ? { date: 'desc' } : {},
    };
    root.dataset['state'] = 'searching';
    const found = immediate ? await pagefind.search(query || null, options) : await pagefind.debouncedSearch(query || null, options, 120);
    if (found === null || gen !== generation) return;
    const results = found.results;
    // The issue pages of recognised references go first (see ISSUE REFERENCES above); like pagefind's
    // issue-less filters, a filter (series, year, participant) leaves them out.
    const issueData = refs.length && !hasFilter ? await (issuesReady ??= fetchJson<IssueSearchData>(paths.issuesSearch())) : null;
    if (gen !== generation) return;
    const issues = issueData ? matchIssues(issueData, refs) : [];
    pending = [...results];
    list.replaceChildren(...issues.map(renderIssue));
    await Promise.all([showMore(gen, true), showTopics(state, gen, refs.length > 0)]);
    if (gen !== generation) return;
    const n = issues.length + results.length;
    const scope = state.q ? ` for “${state.q}”` : '';
    setStatus(n === 0 ? `No results${scope}.` : `${n} result${n === 1 ? '' : 's'}${scope}${state.sort === 'date' ? ', newest first' : ''}.`, n ? 'results' : 'empty');
    root.dataset['state'] = 'done';
  };

  const showMissing = () => {
    root.dataset['state'] = 'missing';
    setStatus('');
    root.querySelector<HTMLElement>('[data-search-missing]')!.hidden = false;
  };

  input.addEventListener('input', () => {
    if (pagefind && input.value.length > 1) void pagefind.preload(normaliseQuery(input.value).query);
    void run();
  });
  form.addEventListener('change', (e) => {
    if (e.target !== input) void run(true);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(true);
  });
  reset?.addEventListener('click', () => {
    input.value = '';
    for (const f of FILTERS) {
      const s = form.elements.namedItem(f) as HTMLSelectElement | null;
      if (s) s.value = '';
    }
    if (sortSelect) sortSelect.value = 'relevance';
    void run(true);
    input.focus();
  });
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    void showMore(generation).then(() => (list.children[firstNew]?.querySelector('a') as HTMLElement | null)?.focus());
  });

  // Keyboard: ↓ from the box into the results (topics first), ↑/↓ between results, ↑ from the first back to the box; Enter follows the link.
  const links = () => [
    ...(topicList && !topicList.hidden ? topicList.querySelectorAll<HTMLAnchorElement>('a.topic-result-link') : []),
    ...list.querySelectorAll<HTMLAnchorElement>('a.result-link'),
  ];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links().length) {
      e.preventDefault();
      links()[0]!.focus();
    }
  });
  const move = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = links();
    const current = (e.target as HTMLElement).closest('li.search-result, li.topic-result')?.querySelector<HTMLAnchorElement>('a.result-link, a.topic-result-link');
    const i = current ? all.indexOf(current) : -1;
    e.preventDefault();
    if (e.key === 'ArrowDown') (all[i + 1] ?? (more.hidden ? all[i] : more))?.focus();
    else if (i <= 0) input.focus();
    else all[i - 1]!.focus();
  };
  list.addEventListener('keydown', move);
  topicList?.addEventListener('keydown', move);

  // The index is wanted as soon as the page is open: start loading now, search what the URL asks for.
  void ready.then((pf) => {
    if (!pf) showMissing();
  });
  if (initial.q || Object.keys(initial.filters).length) void run(true);
  else root.dataset['state'] = 'idle';
}

/* ------------------------------------------------------------------------ */
/* Marking the terms on the page a result leads to                          */
/* ------------------------------------------------------------------------ */

/**
 * On a page opened from a search result (`?highlight=ceph&highlight=quincy`,
 * added by pagefind's `highlightParam`), mark the query terms inside the
 * indexed content, and bring the targeted section into view again once marked.
 * A few hundred bytes instead of pagefind-highlight.js.
 */
export function highlightFromUrl(): void {
  const words = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).flatMap((w) => queryTerms(w));
  if (!words.length) return;
  const scope = document.querySelector<HTMLElement>('[data-pagefind-body]');
  if (!scope) return;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Match at the start of a word and let it run on (pagefind matches stems and prefixes: "upgrade" → "upgrades").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const p = n.parentElement;
      if (!p || p.closest('script, style, [hidden], [data-pagefind-ignore], mark')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      frag.append(text.slice(last, m.index), Object.assign(document.createElement('mark'), { textContent: m[0], className: 'search-hit' }));
      last = m.index + m[0].length;
      count++;
    }
    frag.append(text.slice(last));
    node.replaceWith(frag);
  }
  if (count) document.documentElement.dataset['searchHits'] = String(count);
}
