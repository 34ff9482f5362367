/**
 * What every view model gets and what every page shows around its content.
 * View models (this folder) are pure functions: (archive data, id, context) →
 * the props a page renders. Components only lay those props out, and a page's
 * incremental-build key is a hash of its props (src/lib/page-keys.ts), so
 * whatever a page shows must come through here.
 */
import { seriesName } from '../config.ts';
import type { ArchiveIndexes } from '../indexes/archive-indexes.ts';
import type { ArchiveConfig } from '../minutes/types.ts';
import type { Paths } from '../paths.ts';

export interface ViewContext {
  indexes: ArchiveIndexes;
  config: ArchiveConfig;
  paths: Paths;
}

export interface Link {
  label: string;
  href: string;
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface FeedLink {
  title: string;
  href: string;
}

/** The `<head>` and breadcrumbs of a page (props of layouts/Base.astro besides `site`). */
export interface PageHead {
  title: string;
  description?: string;
  crumbs?: Crumb[];
  /** Extra <link rel=alternate> feeds for this page. */
  feeds?: FeedLink[];
  ogType?: 'website' | 'article';
  noindex?: boolean;
}

/** The frame of every page: site title, navigation, footer (the same on every page of a build). */
export interface SiteView {
  title: string;
  /** Default meta description of pages that give none. */
  description: string;
  home: string;
  search: string;
  nav: Link[];
  footer: Link[];
  /** Feed of all meetings, linked from every page's head. */
  feed: FeedLink;
  favicon: string;
  sitemap: string;
}

/** Props of a page rendered inside layouts/Base.astro. */
export interface PageView {
  site: SiteView;
  head: PageHead;
}

export function siteView({ config, paths }: Pick<ViewContext, 'config' | 'paths'>): SiteView {
  return {
    title: config.title,
    description: `Meeting minutes of ${config.title}: searchable, linkable, by series, person and issue.`,
    home: paths.home(),
    search: paths.search(),
    nav: [
      { href: paths.home(), label: 'Meetings' },
      { href: paths.people(), label: 'People' },
      { href: paths.issues(), label: 'Issues' },
      { href: paths.topics(), label: 'Topics' },
      { href: paths.search(), label: 'Search' },
    ],
    footer: [
      { href: paths.about(), label: 'About this archive' },
      { href: paths.buildReport(), label: 'Build report' },
      { href: paths.feed(), label: 'RSS' },
      { href: paths.api('meetings.json'), label: 'meetings.json' },
    ],
    feed: { title: `${config.title}: all meetings`, href: paths.feed() },
    favicon: paths.asset('favicon.svg', false),
    sitemap: paths.asset('sitemap-index.xml', false),
  };
}

/** Display name of a person key (the key itself when nobody in the index has it). */
export function personName(indexes: ArchiveIndexes, key: string): string {
  return indexes.people.get(key)?.name ?? key;
}

/** A person's name with the handle, when both are known: `Jane Doe (@jdoe)`; else the name or `@handle`. */
export function personNameWithHandle(indexes: ArchiveIndexes, key: string): string {
  const person = indexes.people.get(key);
  if (!person) return key;
  const handleOnly = person.name.replace(/^@/, '').toLowerCase() === person.key;
  return person.github && !handleOnly ? `${person.name} (@${person.key})` : person.name;
}

/** A series as a link to its page, with its display name. */
export function seriesLink({ config, paths }: Pick<ViewContext, 'config' | 'paths'>, series: string): Link {
  return { label: seriesName(config, series), href: paths.series(series) };
}

/** `1 meeting`, `2 meetings`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A filter or meta value as pagefind indexes it (it splits `data-pagefind-filter` values on commas). */
export function filterValue(s: string): string {
  return s.replaceAll(',', ' ');
}
