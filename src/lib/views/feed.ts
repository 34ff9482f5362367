/** View models of the RSS feeds: all meetings, one series, one issue. */
import { seriesName } from '../config.ts';
import { meetingDescription } from '../describe.ts';
import type { Meeting } from '../minutes/types.ts';
import type { ViewContext } from './context.ts';

export interface FeedItem {
  title: string;
  link: string;
  /** ISO date of the meeting (published at noon UTC). */
  date: string;
  description: string;
  categories: string[];
}

export interface FeedView {
  title: string;
  description: string;
  /** Path of the site's home (made absolute with the site origin by the feed writer). */
  home: string;
  items: FeedItem[];
}

/** How many meetings a feed lists: feed readers only need what is new. */
export const FEED_LENGTH = 50;

/** A feed of some meetings, newest first (also used by src/lib/views/topics.ts). */
export function feedOf(ctx: Pick<ViewContext, 'config' | 'paths'>, title: string, description: string, meetings: readonly Meeting[]): FeedView {
  const { config, paths } = ctx;
  const items = meetings
    .filter((m): m is Meeting & { date: string } => m.date !== null)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, FEED_LENGTH)
    .map((m) => {
      const name = seriesName(config, m.series);
      return { title: `${name} ${m.slug}: ${m.title}`, link: paths.meeting(m.id), date: m.date, description: meetingDescription(m, name, 500), categories: [name] };
    });
  return { title, description, home: paths.home(), items };
}

export function siteFeedView(ctx: ViewContext): FeedView {
  const { title } = ctx.config;
  return feedOf(ctx, `${title}: all meetings`, `New meeting minutes in ${title}`, ctx.indexes.meetings);
}

export function seriesFeedView(ctx: ViewContext, series: string): FeedView {
  const name = seriesName(ctx.config, series);
  return feedOf(ctx, `${name} meetings · ${ctx.config.title}`, `New ${name} meeting minutes`, ctx.indexes.series.get(series)?.meetings ?? []);
}

export function issueFeedView(ctx: ViewContext, key: string): FeedView {
  const { indexes } = ctx;
  const ids = indexes.issues.get(key)?.meetingIds ?? [];
  const meetings = ids.map((id) => indexes.byId.get(id)).filter((m): m is Meeting => m !== undefined);
  return feedOf(ctx, `${key} in the minutes · ${ctx.config.title}`, `Meetings that discuss ${key}`, meetings);
}
