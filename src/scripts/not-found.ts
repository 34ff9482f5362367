/**
 * A guess for a path that looks like a meeting (`/<series>/<date>…/`): the
 * meeting of that series nearest to the date, or meetings of that date in any
 * series, or the series page. Pure, so it is unit-tested.
 */
export function guessMeeting(pathname: string, base: string, slugsBySeries: Record<string, string[]>): { href: string; label: string }[] {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const m = /^([^/]+)\/(?:(\d{4})-?(\d{2})-?(\d{2}))?/.exec(decodeURIComponent(rest));
  if (!m) return [];
  const [, series, y, mo, d] = m;
  const date = y ? `${y}-${mo}-${d}` : undefined;
  const known = series ? slugsBySeries[series] : undefined;
  const link = (s: string, slug?: string) => ({ href: `${base}${s}/${slug ? `${slug}/` : ''}`, label: slug ? `${s} ${slug}` : `all ${s} meetings` });
  if (known && date && known.length) {
    const day = (s: string) => Date.parse(s.slice(0, 10));
    const nearest = [...known].filter((s) => /^\d{4}-\d{2}-\d{2}/.test(s)).sort((a, b) => Math.abs(day(a) - day(date)) - Math.abs(day(b) - day(date)))[0];
    return nearest ? [link(series!, nearest), link(series!)] : [link(series!)];
  }
  if (known) return [link(series!)];
  if (date) {
    return Object.entries(slugsBySeries)
      .flatMap(([s, slugs]) => slugs.filter((slug) => slug.startsWith(date)).map((slug) => link(s, slug)))
      .slice(0, 5);
  }
  return [];
}
