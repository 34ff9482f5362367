import { getArchive } from '../../archive.ts';
import { topicsJson } from '../../lib/views/topics.ts';

/** `api/topics.json`: every topic with the meetings (and section anchors) of its thread. */
export async function GET() {
  const { config, indexes, paths } = await getArchive();
  return new Response(JSON.stringify(topicsJson({ config, indexes, paths })), { headers: { 'content-type': 'application/json' } });
}
