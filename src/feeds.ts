import rss from '@astrojs/rss';
import type { Meeting } from './lib/minutes/types.ts';
import { getArchive } from './archive.ts';
import { seriesName } from './lib/config.ts';
import { meetingDescription } from './lib/describe.ts';

/** An RSS feed of meetings, newest first (the 50 latest: feed readers only need what is new). */
export async function meetingsFeed(opts: { title: string; description: string; meetings: Meeting[]; site: URL | undefined }) {
  const { config, paths } = await getArchive();
  const items = opts.meetings
    .filter((m) => m.date)
    .sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0))
    .slice(0, 50)
    .map((m) => {
      const name = seriesName(config, m.series);
      return {
        title: `${name} ${m.slug}: ${m.title}`,
        link: paths.meeting(m.id),
        pubDate: new Date(`${m.date}T12:00:00Z`),
        description: meetingDescription(m, name, 500),
        categories: [name],
      };
    });
  return rss({
    title: opts.title,
    description: opts.description,
    site: new URL(paths.home(), opts.site ?? 'http://localhost').href,
    items,
    customData: `<language>en</language>`,
  });
}
