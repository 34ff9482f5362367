import type { APIContext } from 'astro';
import { getArchive, seriesRoutes } from '../../archive.ts';
import { meetingsFeed } from '../../feeds.ts';
import { seriesName } from '../../lib/config.ts';

export const getStaticPaths = seriesRoutes;

export async function GET(context: APIContext) {
  const { config, indexes } = await getArchive();
  const series = context.params['series']!;
  const name = seriesName(config, series);
  return meetingsFeed({
    title: `${name} meetings · ${config.title}`,
    description: `New ${name} meeting minutes`,
    meetings: indexes.series.get(series)!.meetings,
    site: context.site,
  });
}
