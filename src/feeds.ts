import rss, { getRssString, type RSSOptions } from '@astrojs/rss';
import type { FeedView } from './lib/views/feed.ts';

function rssOptions(feed: FeedView, site: URL | string | undefined): RSSOptions {
  return {
    title: feed.title,
    description: feed.description,
    site: new URL(feed.home, site ?? 'http://localhost').href,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.link,
      pubDate: new Date(`${item.date}T12:00:00Z`),
      description: item.description,
      categories: item.categories,
    })),
    customData: `<language>en</language>`,
  };
}

/** An RSS response for a feed view model (src/lib/views/feed.ts); `site` makes its links absolute. */
export function feedResponse(feed: FeedView, site: URL | undefined): Promise<Response> {
  return rss(rssOptions(feed, site));
}

/** The same feed as XML text, for files written outside Astro's routes (src/integrations/bulk-files.ts). */
export function feedXml(feed: FeedView, site: URL | string | undefined): Promise<string> {
  return getRssString(rssOptions(feed, site));
}
