/**
 * The ONE module that reads the minutes collection. It loads every entry
 * once, builds all indexes in one pass, and memoises the result; route files
 * only ask it for their paths and props (never one collection query per page).
 */
import { getCollection } from 'astro:content';
import type { SourceRecord } from './loaders/minutes.ts';
import { isSourceRecord } from './loaders/source-record.ts';
import { openSectionCache, readRendered, sectionKey, type RenderedMinutes } from './loaders/rendered-files.ts';
import { buildArchiveIndexes } from './lib/indexes/archive-indexes.ts';
import { parseAbbreviationList, parseAliases, withAbbreviations } from './lib/indexes/aliases.ts';
import { pageKey } from './lib/page-keys.ts';
import { createPaths, issueRouteParams, personSlug } from './lib/paths.ts';
import { buildReport, type ReportEntry } from './lib/report.ts';
import type { Meeting, MeetingCopy } from './lib/minutes/types.ts';
import { nameSeries } from './lib/indexes/series-names.ts';
import { issueJson } from './lib/indexes/json.ts';
import type { ViewContext } from './lib/views/context.ts';
import { issueView } from './lib/views/issue.ts';
import { meetingView } from './lib/views/meeting.ts';
import { personView } from './lib/views/person.ts';
import { seriesView } from './lib/views/series.ts';
import { issueFeedView, seriesFeedView } from './lib/views/feed.ts';
import { sectionsFromHtml, topicFeedView, topicView, type SectionOf } from './lib/views/topics.ts';
import type { BulkFile } from './integrations/bulk-files.ts';
import { redirectPage, type RedirectProps } from './lib/redirect-page.ts';
import { loadSettings } from './settings.ts';

/** A meeting and what the loader rendered of it. */
export interface MeetingEntry extends RenderedMinutes {
  meeting: Meeting;
  /** Where the loader kept its rendering (src/loaders/rendered-files.ts). */
  renderedFile?: string | undefined;
}

/** An entry's data, checked against the collection's shape (src/loaders/source-record.ts): a stray entry fails the build naming it. */
export function sourceRecord(entry: { id: string; data: unknown }): SourceRecord {
  if (!isSourceRecord(entry.data)) throw new Error(`minutes collection: entry "${entry.id}" is not a source record (stale cache? remove node_modules/.astro)`);
  return entry.data;
}

async function load() {
  const settings = loadSettings();
  const entries = await getCollection('minutes');
  const reports: ReportEntry[] = [];
  const meetingEntries = new Map<string, MeetingEntry>();
  const copies: MeetingCopy[] = [];
  for (const entry of entries) {
    const data = sourceRecord(entry);
    reports.push(data.report);
    if (data.copy) copies.push(data.copy);
    if (data.meeting) {
      const rendered = data.renderedFile ? readRendered(data.renderedFile) : { html: '', issueExcerptsHtml: [], issueDiscussions: [] };
      meetingEntries.set(data.meeting.id, { meeting: data.meeting, ...rendered, renderedFile: data.renderedFile });
    }
  }
  const parsedAliases = parseAliases(settings.aliases);
  const abbreviations = parseAbbreviationList(settings.abbreviationsRaw ?? '');
  const aliases = withAbbreviations(parsedAliases.aliases, abbreviations.entries);
  const problems = [...parsedAliases.problems, ...abbreviations.problems];
  // Series named after the title their meetings share (unless configured): every view reads `config`.
  const named = nameSeries([...meetingEntries.values()].map((e) => e.meeting), settings.config);
  const config = named.config;
  for (const meeting of named.meetings) meetingEntries.set(meeting.id, { ...meetingEntries.get(meeting.id)!, meeting });
  const indexes = buildArchiveIndexes(named.meetings, config, aliases);
  // Dated copies whose meeting exists, by that meeting's id: their URLs redirect to it, its page names them.
  const copiesOf = new Map<string, MeetingCopy[]>();
  for (const copy of copies.sort((a, b) => (a.source < b.source ? -1 : 1))) {
    if (meetingEntries.has(copy.copyOf)) copiesOf.set(copy.copyOf, [...(copiesOf.get(copy.copyOf) ?? []), copy]);
  }
  const report = buildReport(reports);
  const buildDate = new Date();
  const paths = createPaths(import.meta.env.BASE_URL);
  /** What layouts show besides their props: the site origin of canonical URLs. */
  const layoutInputs = { site: import.meta.env.SITE ?? null };
  return {
    settings,
    /** The site config with every series named (lib/indexes/series-names.ts). */
    config,
    paths,
    /** What every view model reads (src/lib/views). */
    views: { indexes, config, paths } satisfies ViewContext,
    /** Dated copies of a meeting's file, by that meeting's id. */
    copiesOf,
    meetingEntries,
    indexes,
    report,
    aliasProblems: problems,
    /** "Today" for relative dates: the build's clock, read once here and passed down. */
    buildDate,
    /** Incremental builds: a page is rendered again only when the props it shows change (lib/page-keys.ts). */
    pageKey: (props: unknown) => pageKey(props, layoutInputs),
  };
}

let archive: ReturnType<typeof load> | undefined;

/**
 * The loaded archive, built once per build. The dev server rebuilds it per
 * request instead, so edited minutes show up without a restart.
 */
export function getArchive() {
  if (import.meta.env.DEV) return load();
  archive ??= load();
  return archive;
}

export type Archive = Awaited<ReturnType<typeof load>>;

/** Routes with their cache key: a hash of the props each page renders (lib/page-keys.ts). */
async function keyed<R extends { props: unknown }>(routes: R[]): Promise<(R & { cacheKey: string })[]> {
  const { pageKey } = await getArchive();
  return routes.map((r) => ({ ...r, cacheKey: pageKey(r.props) }));
}

/** Route of a page that is the page itself or, on the dev server, a redirect to it (builds write redirects with bulkFiles()). */
type PageOrRedirect<P> = { redirect: false; page: P } | { redirect: true; page: RedirectProps };

/** A file's own name as a URL segment, when it lies directly in a top folder (deeper names such as `dec-1` recur in every month's folder). */
function stemAlias(source: string): string[] {
  const parts = source.split('/');
  return parts.length === 2 ? [parts[1]!.replace(/\.md$/i, '')] : [];
}

/** The upstream file-name form of a dated slug: `2023-05-17-overflow` → `20230517-overflow`. */
function upstreamForm(slug: string): string[] {
  const upstream = slug.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1$2$3');
  return upstream === slug ? [] : [upstream];
}

/**
 * The redirects to meeting pages: each file's own name (`/<series>/20230517/`,
 * taken first so that it leads to that very file), the upstream file-name
 * form of each dated slug, and the URLs of dated copies of a meeting's file
 * (`/<series>/<date of the copy>/`, with a note), which lead to the meeting
 * copied. Never a URL that a meeting page has.
 */
async function meetingRedirects(): Promise<{ params: { series: string; meeting: string }; page: RedirectProps }[]> {
  const { meetingEntries, paths, copiesOf } = await getArchive();
  const redirects: { params: { series: string; meeting: string }; page: RedirectProps }[] = [];
  const taken = new Set([...meetingEntries.values()].map((e) => `${e.meeting.series}/${e.meeting.slug}`));
  const redirect = (series: string, slug: string, meeting: Meeting, copy?: MeetingCopy) => {
    const key = `${series}/${slug}`;
    if (taken.has(key)) return;
    taken.add(key);
    const note = copy && `${copy.source} (${copy.date}) is a byte-identical copy of ${meeting.source}: the minutes of that file are shown.`;
    redirects.push({ params: { series, meeting: slug }, page: { to: paths.meeting(meeting.id), title: meeting.title, ...(note ? { note } : {}) } });
  };
  const copies = [...copiesOf].flatMap(([id, list]) => list.map((copy) => ({ copy, meeting: meetingEntries.get(id)!.meeting })));
  for (const { meeting } of meetingEntries.values()) for (const alias of stemAlias(meeting.source)) redirect(meeting.series, alias, meeting);
  for (const { copy, meeting } of copies) for (const alias of [copy.slug, ...stemAlias(copy.source)]) redirect(copy.series, alias, meeting, copy);
  for (const { meeting } of meetingEntries.values()) for (const alias of upstreamForm(meeting.slug)) redirect(meeting.series, alias, meeting);
  for (const { copy, meeting } of copies) for (const alias of upstreamForm(copy.slug)) redirect(copy.series, alias, meeting, copy);
  return redirects;
}

/** Every meeting page with its view model; on the dev server also the redirects to them (meetingRedirects). */
export async function meetingRoutes() {
  const { meetingEntries, pageKey, views, buildDate, copiesOf } = await getArchive();
  const routes: { params: { series: string; meeting: string }; props: PageOrRedirect<ReturnType<typeof meetingView>>; cacheKey: string }[] = [];
  for (const { meeting, html } of meetingEntries.values()) {
    const page = meetingView(views, { id: meeting.id, html, today: buildDate, copies: copiesOf.get(meeting.id) ?? [] });
    const props = { redirect: false as const, page };
    routes.push({ params: { series: meeting.series, meeting: meeting.slug }, props, cacheKey: pageKey(props) });
  }
  if (import.meta.env.DEV) {
    for (const { params, page } of await meetingRedirects()) {
      const props = { redirect: true as const, page };
      routes.push({ params, props, cacheKey: pageKey(props) });
    }
  }
  return routes;
}

export async function seriesRoutes() {
  const { indexes, views } = await getArchive();
  return keyed([...indexes.series.keys()].map((series) => ({ params: { series }, props: seriesView(views, series) })));
}

export async function seriesFeedRoutes() {
  const { indexes, views } = await getArchive();
  return keyed([...indexes.series.keys()].map((series) => ({ params: { series }, props: seriesFeedView(views, series) })));
}

/** Redirects from the slug of each merged variant (`/people/matfecher/` → `/people/matfechner/`), so that links written with a variant still land on the right page. */
async function personRedirects(): Promise<{ params: { person: string }; page: RedirectProps }[]> {
  const { indexes, paths } = await getArchive();
  const people = indexes.people;
  const redirects: { params: { person: string }; page: RedirectProps }[] = [];
  const taken = new Set(people.bySlug.keys());
  for (const p of people.values()) {
    for (const v of p.variants) {
      const slug = personSlug(v);
      if (taken.has(slug)) continue;
      taken.add(slug);
      redirects.push({ params: { person: slug }, page: { to: paths.person(p.key), title: p.name } });
    }
  }
  return redirects;
}

/** Every person page `/people/[person]/` (slug → canonical key); on the dev server also the redirects (personRedirects). */
export async function personRoutes() {
  const { indexes, pageKey, views } = await getArchive();
  const routes: { params: { person: string }; props: PageOrRedirect<ReturnType<typeof personView>>; cacheKey: string }[] = [];
  for (const p of indexes.people.values()) {
    const props = { redirect: false as const, page: personView(views, p.key) };
    routes.push({ params: { person: p.slug }, props, cacheKey: pageKey(props) });
  }
  if (import.meta.env.DEV) {
    for (const { params, page } of await personRedirects()) {
      const props = { redirect: true as const, page };
      routes.push({ params, props, cacheKey: pageKey(props) });
    }
  }
  return routes;
}

/** Every issue page `/issues/[org]/[repo]/[n]/`. */
export async function issueRoutes() {
  const { indexes, views, meetingEntries } = await getArchive();
  const excerpts = (id: string) => meetingEntries.get(id)?.issueExcerptsHtml;
  const headingLines = new Map<string, Set<number>>();
  const sections = (id: string) => {
    const entry = meetingEntries.get(id);
    if (!entry) return undefined;
    let lines = headingLines.get(id);
    if (!lines) headingLines.set(id, (lines = new Set(entry.meeting.headings.map((h) => h.line))));
    return { discussions: entry.issueDiscussions, headingLines: lines };
  };
  return keyed([...indexes.issues.keys()].map((key) => ({ params: issueRouteParams(key), props: issueView(views, key, excerpts, sections) })));
}

/** Every issue's feed `/issues/[org]/[repo]/[n]/rss.xml` (dev server; builds write them with bulkFiles()). */
export async function issueFeedRoutes() {
  const { indexes, views } = await getArchive();
  return keyed([...indexes.issues.keys()].map((key) => ({ params: issueRouteParams(key), props: issueFeedView(views, key) })));
}

/** Every issue's JSON file `/api/issues/[org]/[repo]/[n].json` (dev server; builds write them with bulkFiles()). */
export async function issueJsonRoutes() {
  const { indexes, paths } = await getArchive();
  return keyed([...indexes.issues.values()].map((entry) => ({ params: issueRouteParams(entry.key), props: issueJson(entry, paths) })));
}

/** Route params for every topic page `/topics/[topic]/` (also its feed). */
export async function topicRoutes() {
  const { indexes, views, meetingEntries } = await getArchive();
  const cut = sectionsFromHtml((id) => meetingEntries.get(id)?.html ?? '');
  const someRendered = [...meetingEntries.values()].find((e) => e.renderedFile)?.renderedFile;
  const cache = someRendered ? openSectionCache(someRendered) : undefined;
  const sectionOf: SectionOf = (id, anchor, href) => {
    const renderedFile = meetingEntries.get(id)?.renderedFile;
    return cache && renderedFile ? cache.get(sectionKey(renderedFile, href, anchor), () => cut(id, anchor, href)) : cut(id, anchor, href);
  };
  const routes = keyed(indexes.topics.topics.map((t) => ({ params: { topic: t.key }, props: topicView(views, t.key, sectionOf)! })));
  cache?.save();
  return routes;
}

/** Every topic's feed `/topics/[topic]/rss.xml` (dev server; builds write them with bulkFiles()). */
export async function topicFeedRoutes() {
  const { indexes, views } = await getArchive();
  return keyed(indexes.topics.topics.map((t) => ({ params: { topic: t.key }, props: topicFeedView(views, t.key) })));
}

/**
 * The outputs that are cheap text and numerous, as paths below the output
 * folder with their text (feeds: with their view model, which the writer
 * renders only when it changed), written in one pass by src/integrations/bulk-files.ts
 * (as Astro routes each would cost a render, a response, its own write, a copy
 * into the incremental-build cache and a log line): every issue's feed
 * (`issues/<org>/<repo>/<n>/rss.xml`) and JSON file
 * (`api/issues/<org>/<repo>/<n>.json`), every topic's feed, and the redirect
 * pages of meetings and people. The same view models as the dev server's
 * routes (src/routes/, and the redirects in meetingRoutes/personRoutes).
 */
export async function bulkFiles(site: URL | undefined): Promise<BulkFile[]> {
  const { indexes, views, paths } = await getArchive();
  const files: BulkFile[] = [];
  for (const entry of indexes.issues.values()) {
    const { org, repo, n } = issueRouteParams(entry.key);
    files.push([`issues/${org}/${repo}/${n}/rss.xml`, issueFeedView(views, entry.key)]);
    files.push([`api/issues/${org}/${repo}/${n}.json`, JSON.stringify(issueJson(entry, paths))]);
  }
  for (const topic of indexes.topics.topics) files.push([`topics/${topic.key}/rss.xml`, topicFeedView(views, topic.key)]);
  for (const { params, page } of await meetingRedirects()) files.push([`${params.series}/${params.meeting}/index.html`, redirectPage(page, site)]);
  for (const { params, page } of await personRedirects()) files.push([`people/${params.person}/index.html`, redirectPage(page, site)]);
  return files;
}

/** Host-specific redirect rules (Netlify/Cloudflare `_redirects`) for the upstream file names. */
export async function redirectRules(): Promise<string> {
  const { paths } = await getArchive();
  return (await meetingRedirects()).map(({ params, page }) => `${paths.meeting(`${params.series}/${params.meeting}`)} ${page.to} 301`).join('\n');
}
