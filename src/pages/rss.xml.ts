import type { APIContext } from 'astro';
import { getArchive } from '../archive.ts';
import { meetingsFeed } from '../feeds.ts';

export async function GET(context: APIContext) {
  const { config, meetingEntries } = await getArchive();
  return meetingsFeed({
    title: `${config.title}: all meetings`,
    description: `New meeting minutes in ${config.title}`,
    meetings: [...meetingEntries.values()].map((e) => e.meeting),
    site: context.site,
  });
}
