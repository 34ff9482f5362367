/**
 * The ONE module that reads the minutes collection. It loads every entry
 * once, builds all indexes in one pass, and memoises the result; route files
 * only ask it for their paths and props (never one collection query per page).
 */
import { getCollection } from 'astro:content';
import type { SourceRecord } from './loaders/minutes.ts';
import { buildArchiveIndexes } from './lib/indexes/archive.ts';
import { parseAliases } from './lib/indexes/aliases.ts';
import { createPageKeys } from './lib/page-keys.ts';
import { createPaths, issueRouteParams, personSlug } from './lib/paths.ts';
import { buildReport, type ReportEntry } from './lib/report.ts';
import type { Meeting, MeetingCopy } from './lib/minutes/types.ts';
import { nameSeries } from './lib/indexes/series-names.ts';
import { loadSettings } from './settings.ts';

export interface MeetingEntry {
  meeting: Meeting;
  html: string;
  issueExcerptsHtml: string[];
}

async function load() {
  const settings = loadSettings();
  const entries = await getCollection('minutes');
  const reports: ReportEntry[] = [];
  const meetingEntries = new Map<string, MeetingEntry>();
  const digests = new Map<string, string>();
  const copies: MeetingCopy[] = [];
  for (const entry of entries) {
    const data = entry.data as SourceRecord;
    reports.push(data.report);
    if (data.copy) copies.push(data.copy);
    if (data.meeting) {
      meetingEntries.set(data.meeting.id, {
        meeting: data.meeting,
        html: entry.rendered?.html ?? '',
        issueExcerptsHtml: data.issueExcerptsHtml ?? [],
      });
      digests.set(data.meeting.id, String(entry.digest ?? ''));
    }
  }
  const { aliases, problems } = parseAliases(settings.aliasesRaw);
  // Series named after the title their meetings share (unless configured): every page reads `config`.
  const named = nameSeries([...meetingEntries.values()].map((e) => e.meeting), settings.config);
  const config = named.config;
  for (const meeting of named.meetings) meetingEntries.set(meeting.id, { ...meetingEntries.get(meeting.id)!, meeting });
  const meetings = named.meetings;
  const indexes = buildArchiveIndexes(meetings, config, aliases);
  // Copies whose meeting exists, by that meeting's id (its page names them).
  const copiesOf = new Map<string, MeetingCopy[]>();
  for (const copy of copies.sort((a, b) => (a.source < b.source ? -1 : 1))) {
    if (!meetingEntries.has(copy.copyOf)) continue;
    copiesOf.set(copy.copyOf, [...(copiesOf.get(copy.copyOf) ?? []), copy]);
  }
  const report = buildReport(reports);
  const buildDate = new Date();
  return {
    settings,
    /** The site config with every series named (see lib/indexes/series-names.ts). */
    config,
    paths: createPaths(import.meta.env.BASE_URL),
    meetingEntries,
    indexes,
    /** Dated copies of a meeting's file, by that meeting's id: their URLs redirect to it. */
    copiesOf,
    report,
    aliasProblems: problems,
    /** "Today" for relative dates: the build's clock, read once here and passed down. */
    buildDate,
    /** Incremental builds: a page is rendered again only when its key changes (see lib/page-keys.ts). */
    pageKeys: createPageKeys({
      indexes,
      digests,
      today: buildDate,
      // The configured names; derived series names are in each page's key (see lib/page-keys.ts).
      context: { config: settings.config, aliases: settings.aliasesRaw, minutesDir: settings.minutesDir, copies: [...copiesOf.values()] },
    }),
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

/**
 * Other URLs of a meeting: the upstream file-name form of a dated slug
 * (`20230517[-suffix]`), and the file's own stem when it lies directly in a
 * top folder (deeper stems such as `dec-1` recur in every month's folder).
 */
function upstreamAliases(slug: string, source: string): string[] {
  const parts = source.split('/');
  const stem = parts[parts.length - 1]!.replace(/\.md$/i, '');
  const upstream = slug.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1$2$3');
  return [...new Set([upstream, ...(parts.length === 2 ? [stem] : [])])].filter((a) => a !== slug);
}

/**
 * Route params for every meeting page, plus redirects: the upstream file-name
 * form (`/<series>/<YYYYMMDD>/`), and the URLs of dated copies of a meeting's
 * file (`/<series>/<date of the copy>/`), which lead to the meeting copied.
 */
export async function meetingRoutes() {
  const { meetingEntries, pageKeys, paths, copiesOf } = await getArchive();
  const routes: { params: { series: string; meeting: string }; props: { id: string; redirect: boolean; copy?: MeetingCopy }; cacheKey: string }[] = [];
  const taken = new Set([...meetingEntries.values()].map((e) => `${e.meeting.series}/${e.meeting.slug}`));
  const redirect = (series: string, slug: string, meeting: Meeting, copy?: MeetingCopy) => {
    const key = `${series}/${slug}`;
    if (taken.has(key)) return;
    taken.add(key);
    routes.push({
      params: { series, meeting: slug },
      props: { id: meeting.id, redirect: true, ...(copy ? { copy } : {}) },
      cacheKey: pageKeys.redirect(paths.meeting(meeting.id), copy ? `${meeting.title}\n${copy.source}` : meeting.title),
    });
  };
  for (const { meeting } of meetingEntries.values()) {
    routes.push({ params: { series: meeting.series, meeting: meeting.slug }, props: { id: meeting.id, redirect: false }, cacheKey: pageKeys.meeting(meeting.id) });
    for (const alias of upstreamAliases(meeting.slug, meeting.source)) redirect(meeting.series, alias, meeting);
  }
  for (const [id, copies] of copiesOf) {
    const { meeting } = meetingEntries.get(id)!;
    for (const copy of copies) {
      for (const slug of [copy.slug, ...upstreamAliases(copy.slug, copy.source)]) redirect(copy.series, slug, meeting, copy);
    }
  }
  return routes;
}

export async function seriesRoutes() {
  const { indexes, pageKeys } = await getArchive();
  return [...indexes.series.keys()].map((series) => ({ params: { series }, props: { series }, cacheKey: pageKeys.series(series) }));
}


/**
 * Route params for every person page `/people/[person]/` (slug → canonical key), plus a
 * redirect from the slug of each merged variant (`/people/matfecher/` → `/people/matfechner/`)
 * so that links written with a variant still land on the right page.
 */
export async function personRoutes() {
  const { indexes, pageKeys, paths } = await getArchive();
  const people = indexes.people;
  const routes: { params: { person: string }; props: { key: string; redirect: boolean }; cacheKey: string }[] = [];
  for (const p of people.values()) routes.push({ params: { person: p.slug }, props: { key: p.key, redirect: false }, cacheKey: pageKeys.person(p.key) });
  const taken = new Set(people.bySlug.keys());
  for (const p of people.values()) {
    for (const v of p.variants) {
      const slug = personSlug(v);
      if (taken.has(slug)) continue;
      taken.add(slug);
      routes.push({ params: { person: slug }, props: { key: p.key, redirect: true }, cacheKey: pageKeys.redirect(paths.person(p.key), p.name) });
    }
  }
  return routes;
}

/** Route params for every issue page `/issues/[org]/[repo]/[n]/` (also its feed and its JSON file). */
export async function issueRoutes() {
  const { indexes, pageKeys } = await getArchive();
  return [...indexes.issues.keys()].map((key) => ({ params: issueRouteParams(key), props: { key }, cacheKey: pageKeys.issue(key) }));
}

/** Host-specific redirect rules (Netlify/Cloudflare `_redirects`) for the upstream file names. */
export async function redirectRules(): Promise<string> {
  const { paths } = await getArchive();
  return (await meetingRoutes())
    .filter((r) => r.props.redirect)
    .map((r) => `${paths.meeting(`${r.params.series}/${r.params.meeting}`)} ${paths.meeting(r.props.id)} 301`)
    .join('\n');
}
