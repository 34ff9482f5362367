/** View models of the site's own pages: 404, build report, about. */
import { aliasFileSnippet } from '../indexes/suggest.ts';
import type { BuildReport } from '../report.ts';
import { siteView, type Link, type PageView, type ViewContext } from './context.ts';

export interface NotFoundProps extends PageView {
  base: string;
  search: string;
  links: Link[];
  /** Series → meeting slugs, for guessing the meeting a broken link meant (a few KB even for the SCS archive). */
  slugsBySeries: Record<string, string[]>;
}

export function notFoundView(ctx: ViewContext): NotFoundProps {
  const { indexes, paths } = ctx;
  return {
    site: siteView(ctx),
    head: { title: 'Page not found', noindex: true },
    base: paths.base,
    search: paths.search(),
    links: [
      { label: 'All meetings', href: paths.home() },
      { label: 'People', href: paths.people() },
      { label: 'Issues', href: paths.issues() },
    ],
    slugsBySeries: Object.fromEntries([...indexes.series.values()].map((s) => [s.series, s.meetings.map((m) => m.slug)])),
  };
}

export interface AliasSuggestionRow {
  a: Link | string;
  b: Link | string;
  why: string;
  counts: string;
}

export interface BuildReportProps extends PageView {
  totals: BuildReport['totals'];
  json: string;
  /** Files that were not published as a page or have warnings. */
  problems: { source: string; href?: string; status: string; reason?: string; warnings: { line?: number; message: string }[] }[];
  aliases: { total: number; shown: AliasSuggestionRow[]; snippet: string };
}

const REASON: Record<string, string> = { punctuation: 'same apart from - . and spaces', name: 'name matches handle', 'edit-distance': 'edit distance', prefix: 'first name of' };

export function buildReportView(ctx: ViewContext, report: BuildReport, limit = 200): BuildReportProps {
  const { indexes, paths } = ctx;
  const all = indexes.aliasSuggestions();
  const person = (key: string): Link | string => (indexes.people.has(key) ? { label: key, href: paths.person(key) } : key);
  return {
    site: siteView(ctx),
    head: { title: 'Build report', crumbs: [{ label: 'Meetings', href: paths.home() }, { label: 'Build report' }], noindex: true },
    totals: report.totals,
    json: paths.file('build-report.json'),
    problems: report.files
      .filter((f) => f.status !== 'page' || f.warnings.length > 0)
      .map((f) => ({
        source: f.source,
        ...(f.id && indexes.byId.has(f.id) ? { href: paths.meeting(f.id) } : {}),
        status: f.status,
        ...(f.reason ? { reason: f.reason } : {}),
        warnings: f.warnings.map((w) => ({ ...(w.line ? { line: w.line } : {}), message: w.message })),
      })),
    aliases: {
      total: all.length,
      shown: all.slice(0, limit).map((s) => ({
        a: person(s.a),
        b: person(s.b),
        why: s.reason === 'edit-distance' ? `edit distance ${s.distance}` : (REASON[s.reason] ?? s.reason),
        counts: `${s.aCount} vs ${s.bCount}`,
      })),
      snippet: JSON.stringify(aliasFileSnippet(all), null, 2),
    },
  };
}

export function aboutView(ctx: ViewContext): PageView {
  return { site: siteView(ctx), head: { title: 'About this archive', crumbs: [{ label: 'Meetings', href: ctx.paths.home() }, { label: 'About' }] } };
}
