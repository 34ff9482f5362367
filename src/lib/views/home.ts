/** View model of the home page: numbers, latest meetings, the series. */
import { seriesName } from '../config.ts';
import { siteView, type Link, type PageView, type ViewContext } from './context.ts';

export interface HomeProps extends PageView {
  totals: { meetings: number; series: number; people: number; issues: number; topics: number };
  peopleHref: string;
  issuesHref: string;
  topicsHref: string;
  latest: { date: string | null; link: Link; series?: Link }[];
  /** Series, most recently active first. */
  series: { link: Link; count: number; first: string | null; last: string | null }[];
}

export function homeView(ctx: ViewContext, latest = 15): HomeProps {
  const { indexes, config, paths } = ctx;
  const { meetings, series, people, issues, topics } = indexes.totals;
  return {
    site: siteView(ctx),
    head: { title: config.title },
    totals: { meetings, series, people, issues, topics },
    peopleHref: paths.people(),
    issuesHref: paths.issues(),
    topicsHref: paths.topics(),
    latest: indexes.latest(latest).map((m) => {
      const name = seriesName(config, m.series);
      // A title that already names the series (`OpenJS … Meeting`, `Alpha 2023-05-10`) needs no series chip beside it.
      return {
        date: m.date,
        link: { label: m.title, href: paths.meeting(m.id) },
        ...(m.title.startsWith(name) ? {} : { series: { label: name, href: paths.series(m.series) } }),
      };
    }),
    series: [...indexes.series.values()]
      .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''))
      .map((s) => ({ link: { label: seriesName(config, s.series), href: paths.series(s.series) }, count: s.count, first: s.first, last: s.last })),
  };
}

