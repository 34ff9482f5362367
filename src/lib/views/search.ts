/** View model of the search page and its filters (facets). */
import { seriesName } from '../config.ts';
import { sortPeople } from '../indexes/people.ts';
import { siteView, filterValue, type PageView, type ViewContext } from './context.ts';

/** One option of a search filter: the value as the meeting pages index it, and a label with the count. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface SearchFacets {
  series: FacetOption[];
  years: FacetOption[];
  people: FacetOption[];
  /** Series key → display name, for the result list (built in the browser). */
  seriesNames: Record<string, string>;
}

/** The search page's filters, with the counts the indexes already keep. */
export function searchFacets({ indexes, config }: Pick<ViewContext, 'indexes' | 'config'>): SearchFacets {
  const series = [...indexes.series.values()]
    .map((s) => ({ key: s.series, name: seriesName(config, s.series), count: s.count }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const years = new Map<string, number>();
  for (const s of indexes.series.values()) {
    for (const y of s.byYear) if (y.year !== 'undated') years.set(y.year, (years.get(y.year) ?? 0) + y.meetings.length);
  }
  const people = sortPeople([...indexes.people.values()].filter((p) => p.meetings.length > 0), 'name');
  return {
    series: series.map((s) => ({ value: filterValue(s.key), label: s.name, count: s.count })),
    years: [...years].sort((a, b) => b[0].localeCompare(a[0])).map(([y, count]) => ({ value: y, label: y, count })),
    people: people.map((p) => ({ value: filterValue(p.key), label: p.name, count: p.meetings.length })),
    seriesNames: Object.fromEntries(series.map((s) => [s.key, s.name])),
  };
}

export interface SearchPageProps extends PageView {
  action: string;
  /** The site's base path (the search script loads `<base>pagefind/`). */
  base: string;
  facets: SearchFacets;
  browse: { home: string; people: string; issues: string };
}

export function searchView(ctx: ViewContext): SearchPageProps {
  const { paths } = ctx;
  return {
    site: siteView(ctx),
    head: {
      title: 'Search',
      description: 'Full-text search of the meeting minutes, by topic, issue, series, year and participant.',
      crumbs: [{ label: 'Meetings', href: paths.home() }, { label: 'Search' }],
    },
    action: paths.search(),
    base: paths.base,
    facets: searchFacets(ctx),
    browse: { home: paths.home(), people: paths.people(), issues: paths.issues() },
  };
}

