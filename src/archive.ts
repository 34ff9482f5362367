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
import type { Meeting } from './lib/minutes/types.ts';
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
  for (const entry of entries) {
    const data = entry.data as SourceRecord;
    reports.push(data.report);
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
  const meetings = [...meetingEntries.values()].map((e) => e.meeting);
  const indexes = buildArchiveIndexes(meetings, settings.config, aliases);
  const report = buildReport(reports);
  const buildDate = new Date();
  return {
    settings,
    config: settings.config,
    paths: createPaths(import.meta.env.BASE_URL),
    meetingEntries,
    indexes,
    report,
    aliasProblems: problems,
    /** "Today" for relative dates: the build's clock, read once here and passed down. */
    buildDate,
    /** Incremental builds: a page is rendered again only when its key changes (see lib/page-keys.ts). */
    pageKeys: createPageKeys({
      indexes,
      digests,
      today: buildDate,
      context: { config: settings.config, aliases: settings.aliasesRaw, minutesDir: settings.minutesDir },
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

/** Route params for every meeting page, plus the upstream file-name form (`/<series>/<YYYYMMDD>/`) as a redirect. */
export async function meetingRoutes() {
  const { meetingEntries, pageKeys, paths } = await getArchive();
  const routes: { params: { series: string; meeting: string }; props: { id: string; redirect: boolean }; cacheKey: string }[] = [];
  const taken = new Set([...meetingEntries.values()].map((e) => `${e.meeting.series}/${e.meeting.slug}`));
  for (const { meeting } of meetingEntries.values()) {
    routes.push({ params: { series: meeting.series, meeting: meeting.slug }, props: { id: meeting.id, redirect: false }, cacheKey: pageKeys.meeting(meeting.id) });
    const stem = meeting.source.split('/').pop()!.replace(/\.md$/i, '');
    const upstream = meeting.slug.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1$2$3');
    for (const alias of new Set([upstream, stem])) {
      const key = `${meeting.series}/${alias}`;
      if (alias !== meeting.slug && !taken.has(key) && meeting.source.split('/').length === 2) {
        taken.add(key);
        routes.push({
          params: { series: meeting.series, meeting: alias },
          props: { id: meeting.id, redirect: true },
          cacheKey: pageKeys.redirect(paths.meeting(meeting.id), meeting.title),
        });
      }
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

/** Route params for every topic page `/topics/[topic]/` (also its feed). */
export async function topicRoutes() {
  const { indexes, pageKeys } = await getArchive();
  return indexes.topics.topics.map((t) => ({ params: { topic: t.key }, props: { key: t.key }, cacheKey: pageKeys.topic(t.key) }));
}

/** Host-specific redirect rules (Netlify/Cloudflare `_redirects`) for the upstream file names. */
export async function redirectRules(): Promise<string> {
  const { paths } = await getArchive();
  return (await meetingRoutes())
    .filter((r) => r.props.redirect)
    .map((r) => `${paths.meeting(`${r.params.series}/${r.params.meeting}`)} ${paths.meeting(r.props.id)} 301`)
    .join('\n');
}
