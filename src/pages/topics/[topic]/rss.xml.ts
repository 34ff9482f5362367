import type { APIContext } from 'astro';
import { getArchive, topicRoutes } from '../../../archive.ts';
import { meetingsFeed } from '../../../feeds.ts';

export const getStaticPaths = topicRoutes;

/** New meetings in one topic's thread. */
export async function GET(context: APIContext) {
  const { config, indexes } = await getArchive();
  const topic = indexes.topics.get((context.props as { key: string }).key)!;
  return meetingsFeed({
    title: `${topic.title} · ${config.title}`,
    description: `Meetings that discuss ${topic.title}`,
    meetings: topic.sections.map((s) => indexes.byId.get(s.meetingId)!),
    site: context.site,
  });
}
