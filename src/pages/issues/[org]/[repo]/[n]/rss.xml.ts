import type { APIContext } from 'astro';
import { getArchive, issueRoutes } from '../../../../../archive.ts';
import { meetingsFeed } from '../../../../../feeds.ts';

export const getStaticPaths = issueRoutes;

/** New meetings that discuss one issue. */
export async function GET(context: APIContext) {
  const { config, indexes } = await getArchive();
  const key = (context.props as { key: string }).key;
  const entry = indexes.issues.get(key)!;
  return meetingsFeed({
    title: `${key} in the minutes · ${config.title}`,
    description: `Meetings that discuss ${key}`,
    meetings: entry.meetingIds.map((id) => indexes.byId.get(id)!),
    site: context.site,
  });
}
